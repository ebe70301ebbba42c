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

/// The trend over past published runs: per run and group (`all` and the four groups), from what each run published.
/// People and postings are read as they stand now (the records keep no past versions). Pure.
public enum InsightTrend {
    /// One published run: its id, as-of time, the people it wrote lists for, and its pushes.
    public struct Run: Sendable {
        public var id: String
        public var asOf: Timestamp
        public var applicants: [String]
        public var pushes: [(applicant: String, job: String)]

        public init(id: String, asOf: Timestamp, applicants: [String], pushes: [(applicant: String, job: String)]) {
            self.id = id
            self.asOf = asOf
            self.applicants = applicants
            self.pushes = pushes
        }
    }

    /// Points for every run (oldest first) and group key, counting the people `inScope` accepts.
    public static func points(runs: [Run], applicants: [String: Applicant], jobs: [String: Job], nearbyKm: Double,
                              inScope: (Applicant) -> Bool) -> [TrendPoint] {
        let keys = [InsightAnalyzer.allKey] + InsightGroup.allCases.map(\.rawValue)
        return runs.sorted { $0.asOf < $1.asOf }.flatMap { run -> [TrendPoint] in
            var pushed: [String: [Job]] = [:]
            for p in run.pushes { if let job = jobs[p.job] { pushed[p.applicant, default: []].append(job) } }
            var seekers = [String: Int](), with = [String: Int](), postings = [String: Set<String>]()
            for id in run.applicants {
                guard let a = applicants[id], inScope(a) else { continue }
                let list = pushed[id] ?? []
                for key in keys {
                    let group = InsightGroup(rawValue: key)
                    if let group, !group.includes(a) { continue }
                    let fitting = list.filter { group?.fits($0, for: a, nearbyKm: nearbyKm) ?? true }
                    seekers[key, default: 0] += 1
                    if !fitting.isEmpty { with[key, default: 0] += 1 }
                    postings[key, default: []].formUnion(fitting.map(\.id))
                }
            }
            return keys.map { key in
                TrendPoint(run: run.id, asOf: run.asOf, group: key, seekers: seekers[key] ?? 0, withFitting: with[key] ?? 0,
                           postings: postings[key]?.count ?? 0)
            }
        }
    }
}
