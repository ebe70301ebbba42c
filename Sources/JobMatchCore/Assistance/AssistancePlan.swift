/// A person's assistance plan (帮扶计划): the tracks that fit, each with its reasons and next actions, and the
/// market reach and household they were decided on.
public struct AssistancePlan: Sendable {
    public var applicant: String
    public var asOf: Timestamp
    public var status: ApplicantStatus
    public var reach: MarketReach
    public var household: HouseholdState
    /// When the search counts as stuck (``StuckSearch``), nil otherwise.
    public var stuckSince: Timestamp?
    /// The tracks that fit, in ``AssistanceTrack`` order; the first is the main one.
    public var tracks: [PlanTrack]

    /// The main track (the first), nil for a person not seeking work.
    public var mainTrack: AssistanceTrack? { tracks.first?.track }
}
