/// One row of the supply-gap report: a district and a group key (`older_worker`, `disabled:visual`, …).
public struct SupplyGap: Sendable, Hashable {
    public var district: String
    public var group: String
    /// Seeking members of the group living in the district.
    public var seekers: Int
    /// Of them, how many have at least one fitting posting in their top list.
    public var withFitting: Int
    /// Distinct open postings in some member's top list that fit the group.
    public var postings: Int
    /// Those postings' `openings`, summed.
    public var places: Int

    public init(district: String, group: String, seekers: Int, withFitting: Int, postings: Int, places: Int) {
        self.district = district
        self.group = group
        self.seekers = seekers
        self.withFitting = withFitting
        self.postings = postings
        self.places = places
    }

    /// Seekers per fitting posting; nil when there is none.
    public var seekersPerPosting: Double? { postings == 0 ? nil : Double(seekers) / Double(postings) }

    /// The API's JSON.
    public var json: JSONValue {
        .object([
            ("district", .string(district)), ("group", .string(group)), ("seekers", .number(Double(seekers))),
            ("with_fitting", .number(Double(withFitting))), ("postings", .number(Double(postings))), ("places", .number(Double(places))),
            ("seekers_per_posting", seekersPerPosting.map { .number(Self.rounded($0)) } ?? .null),
        ])
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
