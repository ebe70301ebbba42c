/// An occupation that fits a person: how many fitting postings it has and the best one.
public struct OccupationFit: Sendable, Hashable {
    /// The posting's occupation code, else its title.
    public var occupation: String
    public var postings: Int
    public var bestScore: Double
    /// The best posting of it, with its reasons (why it fits).
    public var example: PlanPosting
}
