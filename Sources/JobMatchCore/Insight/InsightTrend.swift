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
