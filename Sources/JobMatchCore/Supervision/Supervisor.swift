/// The records the supervision signals look at: the whole market and the audit log, up to an as-of time.
public struct SupervisionInput: Sendable {
    public var applicants: [Applicant]
    public var jobs: [Job]
    public var interactions: [Interaction]
    public var access: [AccessRecord]
    /// The districts each caseworker token serves, when known (the daemon's tokens file); else reads are
    /// checked against the people the token served (outcomes recorded, profiles written).
    public var districtsByToken: [String: Set<String>]

    public init(applicants: [Applicant], jobs: [Job], interactions: [Interaction], access: [AccessRecord] = [],
                districtsByToken: [String: Set<String>] = [:]) {
        self.applicants = applicants
        self.jobs = jobs
        self.interactions = interactions
        self.access = access
        self.districtsByToken = districtsByToken
    }
}

/// The supervision analysis (§6 and §8 of the notice): outcomes that do not add up, public-welfare posts
/// held by people who should no longer hold them, and staff access worth a second look. Pure: no I/O.
public struct Supervisor: Sendable {
    public var configuration: SupervisionConfiguration

    public init(configuration: SupervisionConfiguration = SupervisionConfiguration()) {
        self.configuration = configuration
    }

    /// Every signal at `asOf` (records after it are ignored), ordered by code, then by the records named.
    public func signals(_ input: SupervisionInput, asOf: Timestamp) -> [SupervisionSignal] {
        let events = input.interactions.filter { $0.at <= asOf }.sorted { ($0.at, $0.event.rawValue) < ($1.at, $1.event.rawValue) }
        let jobs = Dictionary(input.jobs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let applicants = Dictionary(input.applicants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found = outcomeSignals(events, jobs: jobs)
        found += welfareSignals(events, jobs: jobs, applicants: applicants)
        found += accessSignals(input.access.filter { $0.at <= asOf }, applicants: applicants, districtsByToken: input.districtsByToken)
        let order = Dictionary(uniqueKeysWithValues: SupervisionSignal.Code.allCases.enumerated().map { ($1, $0) })
        return found.sorted {
            (order[$0.code]!, $0.tokens.joined(separator: ","), $0.applicants.joined(separator: ","), $0.jobs.joined(separator: ","))
                < (order[$1.code]!, $1.tokens.joined(separator: ","), $1.applicants.joined(separator: ","), $1.jobs.joined(separator: ","))
        }
    }

    /// A spell in a posting: hired at `start`, separated at `end` (nil: still held at the as-of time).
    public struct Spell: Sendable, Hashable {
        public var applicant: String
        public var job: String
        public var start: Timestamp
        public var end: Timestamp?

        /// Held at `time`: hired at or before it and not yet separated.
        public func holds(at time: Timestamp) -> Bool { start <= time && (end.map { time < $0 } ?? true) }
    }

    /// Every spell from time-ordered events: each `hired` runs to the pair's next `separated`.
    public static func spells(_ events: [Interaction]) -> [Spell] {
        var open: [String: [Int]] = [:]
        var spells: [Spell] = []
        for e in events {
            let key = e.applicant + "\u{1}" + e.job
            switch e.event {
            case .hired:
                if open[key]?.isEmpty ?? true {
                    open[key, default: []].append(spells.count)
                    spells.append(Spell(applicant: e.applicant, job: e.job, start: e.at, end: nil))
                }
            case .separated:
                for index in open[key] ?? [] { spells[index].end = e.at }
                open[key] = []
            default: break
            }
        }
        return spells
    }
}
