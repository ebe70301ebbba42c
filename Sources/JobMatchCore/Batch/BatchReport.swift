/// The figures of one batch run that operators and the quality gates look at.
public struct BatchReport: Sendable, Hashable, Codable {
    /// People served (seeking applicants with a list, possibly empty).
    public var people: Int
    /// Open postings at the as-of time.
    public var openPostings: Int
    /// Open postings pushed to at least one person.
    public var postingsPushed: Int
    /// Items pushed in total.
    public var itemsPushed: Int
    /// People with fewer than k items, and with none at all.
    public var fewerThanK: Int
    public var withNone: Int
    /// The largest exposure of a posting divided by its openings.
    public var largestExposurePerOpening: Double
    /// The largest exposure of any posting.
    public var largestExposure: Int
    /// Pushes above a posting's cap (always 0 when caps are on; counted for the report).
    public var capExceeded: Int
    /// Per priority class and per certified group (plus `none`): members and how many got at least one item.
    public var groups: [String: GroupFigures]

    /// Share of open postings pushed to someone (1 when there are none).
    public var coverage: Double { openPostings == 0 ? 1 : Double(postingsPushed) / Double(openPostings) }

    public struct GroupFigures: Sendable, Hashable, Codable {
        public var members: Int
        public var served: Int
        /// Got k items.
        public var full: Int
        public var items: Int

        public init(members: Int = 0, served: Int = 0, full: Int = 0, items: Int = 0) {
            self.members = members
            self.served = served
            self.full = full
            self.items = items
        }

        /// Share of members with at least one item (1 when there are none).
        public var servedShare: Double { members == 0 ? 1 : Double(served) / Double(members) }
    }

    enum CodingKeys: String, CodingKey {
        case people
        case openPostings = "open_postings"
        case postingsPushed = "postings_pushed"
        case itemsPushed = "items_pushed"
        case fewerThanK = "fewer_than_k"
        case withNone = "with_none"
        case largestExposurePerOpening = "largest_exposure_per_opening"
        case largestExposure = "largest_exposure"
        case capExceeded = "cap_exceeded"
        case groups
    }
}

extension BatchReport {
    /// The figures of an allocation. Group keys: `priority:<class>`, `group:<G>`, `group:none`.
    public init(seekers: [AllocationSeeker], postings: [AllocationPosting], result: AllocationResult, k: Int) {
        people = seekers.count
        openPostings = postings.count
        postingsPushed = result.exposure.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        itemsPushed = result.lists.reduce(0) { $0 + $1.count }
        fewerThanK = result.lists.reduce(0) { $0 + ($1.count < k ? 1 : 0) }
        withNone = result.lists.reduce(0) { $0 + ($1.isEmpty ? 1 : 0) }
        largestExposure = result.exposure.max() ?? 0
        largestExposurePerOpening = zip(result.exposure, postings).reduce(0.0) { best, pair in
            max(best, Double(pair.0) / Double(max(1, pair.1.openings)))
        }
        capExceeded = zip(result.exposure, result.caps).reduce(0) { $0 + max(0, $1.0 - $1.1) }
        var groups: [String: GroupFigures] = [:]
        for (seeker, list) in zip(seekers, result.lists) {
            var keys = ["priority:\(Self.name(seeker.priority))"]
            keys += seeker.groups.isEmpty ? ["group:none"] : Set(seeker.groups).map { "group:\($0.rawValue)" }
            for key in keys {
                groups[key, default: GroupFigures()].members += 1
                groups[key, default: GroupFigures()].served += list.isEmpty ? 0 : 1
                groups[key, default: GroupFigures()].full += list.count >= k ? 1 : 0
                groups[key, default: GroupFigures()].items += list.count
            }
        }
        self.groups = groups
    }

    static func name(_ priority: PushPriority) -> String {
        switch priority {
        case .zeroEmploymentHousehold: "zero_employment_household"
        case .certifiedGroup: "certified_group"
        case .other: "other"
        }
    }
}
