/// One group's figures in one past published batch run: the people the run wrote a list for and the fitting
/// postings it pushed to them (the lists as published, after exposure caps and suppressions).
public struct TrendPoint: Sendable, Hashable {
    public var run: String
    public var asOf: Timestamp
    public var group: String
    public var seekers: Int
    public var withFitting: Int
    public var postings: Int

    public init(run: String, asOf: Timestamp, group: String, seekers: Int, withFitting: Int, postings: Int) {
        self.run = run
        self.asOf = asOf
        self.group = group
        self.seekers = seekers
        self.withFitting = withFitting
        self.postings = postings
    }

    /// Seekers per fitting posting pushed; nil when none was.
    public var seekersPerPosting: Double? { postings == 0 ? nil : Double(seekers) / Double(postings) }

    /// The API's JSON.
    public var json: JSONValue {
        .object([
            ("run", .string(run)), ("as_of", .string(asOf.text)), ("group", .string(group)), ("seekers", .number(Double(seekers))),
            ("with_fitting", .number(Double(withFitting))), ("postings", .number(Double(postings))),
            ("seekers_per_posting", seekersPerPosting.map { .number(SupplyGap.rounded($0)) } ?? .null),
        ])
    }
}
