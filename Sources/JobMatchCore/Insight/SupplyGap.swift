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

/// An occupation where seekers outnumber the fitting openings: people who wish for it against the postings of that
/// occupation in their top lists.
public struct OccupationGap: Sendable, Hashable {
    public var occupation: String
    /// Seekers listing the occupation among `preferences.occupations`.
    public var seekers: Int
    /// Distinct open postings of the occupation in those seekers' top lists, and their openings.
    public var postings: Int
    public var places: Int

    public init(occupation: String, seekers: Int, postings: Int, places: Int) {
        self.occupation = occupation
        self.seekers = seekers
        self.postings = postings
        self.places = places
    }

    /// Seekers beyond the places that fit them (the order of the list).
    public var shortfall: Int { seekers - places }

    /// The API's JSON.
    public var json: JSONValue {
        .object([
            ("occupation", .string(occupation)), ("seekers", .number(Double(seekers))), ("postings", .number(Double(postings))),
            ("places", .number(Double(places))), ("shortfall", .number(Double(shortfall))),
        ])
    }
}
