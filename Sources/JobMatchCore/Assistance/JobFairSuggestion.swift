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
