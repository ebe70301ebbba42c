/// For one open posting and one group: how many members nearby have it in their top list under every hard rule
/// now, and how many would with each single change (rescored under the hard rules with the change applied).
public struct PostingCounterfactual: Sendable, Hashable {
    /// One change and what it would do.
    public struct Outcome: Sendable, Hashable {
        public var change: PostingChange
        /// Members nearby whose top list would hold the changed posting.
        public var suits: Int
        /// `suits` minus the posting's `suitsNow`.
        public var gain: Int { suits - base }
        let base: Int

        public init(change: PostingChange, suits: Int, base: Int) {
            self.change = change
            self.suits = suits
            self.base = base
        }
    }

    public var job: String
    public var title: String
    public var employerID: String
    public var employerName: String
    public var district: String
    public var occupation: String?
    public var group: InsightGroup
    /// Members of the group nearby the posting (the people counted).
    public var nearby: Int
    /// Of them, how many have the posting in their top list now.
    public var suitsNow: Int
    /// Every candidate change, largest gain first (ties by change code).
    public var outcomes: [Outcome]

    public init(job: Job, group: InsightGroup, nearby: Int, suitsNow: Int, outcomes: [Outcome]) {
        self.job = job.id
        title = job.title
        employerID = job.employer.id
        employerName = job.employer.name
        district = job.district
        occupation = job.occupation
        self.group = group
        self.nearby = nearby
        self.suitsNow = suitsNow
        self.outcomes = outcomes.sorted { $0.gain > $1.gain || ($0.gain == $1.gain && $0.change.code < $1.change.code) }
    }

    /// The change with the largest gain, when it gains anyone.
    public var best: Outcome? { outcomes.first.flatMap { $0.gain > 0 ? $0 : nil } }
    /// The best change's gain (0 when none gains).
    public var gain: Int { best?.gain ?? 0 }

    /// The API's JSON.
    public var json: JSONValue {
        .object([
            ("job", .string(job)), ("title", .string(title)),
            ("employer", .object([("id", .string(employerID)), ("name", .string(employerName))])),
            ("district", .string(district)), ("occupation", occupation.map(JSONValue.string) ?? .null),
            ("group", .string(group.rawValue)), ("nearby", .number(Double(nearby))), ("suits_now", .number(Double(suitsNow))),
            ("gain", .number(Double(gain))), ("ask", best.map { .string($0.change.code) } ?? .null),
            ("ask_zh", best.map { .string($0.change.chinese) } ?? .null),
            ("changes", .array(outcomes.map { o in
                .object([("change", .string(o.change.code)), ("change_zh", .string(o.change.chinese)),
                         ("suits", .number(Double(o.suits))), ("gain", .number(Double(o.gain)))])
            })),
        ])
    }
}
