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

/// One track of a plan with its next actions (only the parts the track uses are filled).
public struct PlanTrack: Sendable {
    public var track: AssistanceTrack
    public var reasons: [Reason]
    /// What the caseworker does next, in Chinese.
    public var steps: [String] = []
    /// Postings to put in front of the person, explained (referral, immediate help, stalls, public-welfare posts).
    public var postings: [PlanPosting] = []
    /// Courses, best gain first (training).
    public var courses: [CourseUnlock] = []
    /// The certificate most lacked (training).
    public var certificate: CertificateUnlock?
    /// The occupations that fit best (guidance).
    public var occupations: [OccupationFit] = []
    /// A targeted small job fair the best postings' employers could be invited to (referral).
    public var jobFair: JobFairSuggestion?
    /// Start-up support to ask about (entrepreneurship).
    public var support: [String] = []
    /// Flagged again every day until the household is cleared (immediate help).
    public var daily = false

    public init(track: AssistanceTrack, reasons: [Reason]) {
        self.track = track
        self.reasons = reasons
    }
}

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

/// An occupation that fits a person: how many fitting postings it has and the best one.
public struct OccupationFit: Sendable, Hashable {
    /// The posting's occupation code, else its title.
    public var occupation: String
    public var postings: Int
    public var bestScore: Double
    /// The best posting of it, with its reasons (why it fits).
    public var example: PlanPosting
}

/// A targeted small job fair (定向小规模招聘会) near the person: the employers of their best postings nearby.
public struct JobFairSuggestion: Sendable, Hashable {
    public var district: String
    public var employers: [Employer]

    /// An employer to invite and the person's postings of it.
    public struct Employer: Sendable, Hashable {
        public var id: String
        public var name: String
        public var postings: [String]
        public var distanceKm: Double?
    }
}
