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
