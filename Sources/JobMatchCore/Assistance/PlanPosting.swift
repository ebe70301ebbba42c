/// A posting in a plan: what a caseworker reads out, with the matcher's score and reasons.
public struct PlanPosting: Sendable, Hashable {
    public var job: String
    public var title: String
    public var employer: String
    public var district: String
    public var distanceKm: Double?
    public var openings: Int
    public var score: Double
    public var reasons: [Reason]
}
