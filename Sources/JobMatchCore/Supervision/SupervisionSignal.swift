/// One thing the supervision report asks a person to look at: what kind, the records that raise it, and why.
public struct SupervisionSignal: Sendable, Hashable {
    /// The signal kinds, with stable codes (the API's and the CLI's `code`).
    public enum Code: String, CaseIterable, Sendable, Codable {
        /// More distinct people hired into a posting than it has openings.
        case overfilledPosting = "overfilled_posting"
        /// A hire at a time the posting was not open (before `posted_at` or at/after `expires_at`).
        case hireOutsidePosting = "hire_outside_posting"
        /// One person hired full-time into a second posting while the first hire was not separated.
        case concurrentFullTimeHires = "concurrent_full_time_hires"
        /// `retained_3m` with no earlier `hired` for the same person and posting.
        case retentionWithoutHire = "retention_without_hire"
        /// A public-welfare occupant with no eligible group at the as-of time (违规在岗).
        case ineligibleWelfareOccupant = "ineligible_welfare_occupant"
        /// A public-welfare occupant who also holds a market job.
        case welfareOccupantWithMarketJob = "welfare_occupant_with_market_job"
        /// A token that read far more people than the median of its role's peers.
        case heavyReader = "heavy_reader"
        /// A token that read people outside its districts (or, when its districts are unknown, people it never served).
        case readsUnservedPeople = "reads_unserved_people"
        /// A token reading people's files outside working hours.
        case readsOutsideHours = "reads_outside_hours"
        /// Many recommendation lists of one person by one token in a short window.
        case recommendationBurst = "recommendation_burst"
    }

    public var code: Code
    /// The people the signal names (sorted).
    public var applicants: [String]
    /// The postings it names (sorted).
    public var jobs: [String]
    /// The tokens it names.
    public var tokens: [String]
    /// The audit entries that raise it (staff-access signals).
    public var auditEntries: [Int64]
    /// A plain explanation in Chinese, in the glossary's terms.
    public var explanationZh: String
    /// The same in English.
    public var explanationEn: String

    public init(code: Code, applicants: [String] = [], jobs: [String] = [], tokens: [String] = [], auditEntries: [Int64] = [],
                zh: String, en: String) {
        self.code = code
        self.applicants = Array(Set(applicants)).sorted()
        self.jobs = Array(Set(jobs)).sorted()
        self.tokens = Array(Set(tokens)).sorted()
        self.auditEntries = Array(Set(auditEntries)).sorted()
        self.explanationZh = zh
        self.explanationEn = en
    }

    /// The signal as a JSON object (the API's and `jobmatch supervise --json`'s shape).
    public var json: JSONValue {
        .object([
            ("code", .string(code.rawValue)),
            ("applicants", .array(applicants.map(JSONValue.string))),
            ("jobs", .array(jobs.map(JSONValue.string))),
            ("tokens", .array(tokens.map(JSONValue.string))),
            ("audit_entries", .array(auditEntries.map { .number(Double($0)) })),
            ("explanation_zh", .string(explanationZh)),
            ("explanation_en", .string(explanationEn)),
        ])
    }
}
