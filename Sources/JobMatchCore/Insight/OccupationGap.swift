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
