/// Scores ranked lists against held-out outcomes: ranking quality, coverage, congestion, hard-rule
/// violations and per-group recall. Pure; the lists may come from any method.
public struct Evaluator: Sendable {
    public let k: Int
    public let asOf: Timestamp
    /// Jobs by id: the candidates and any other job a list may name (for the rules and openings).
    public let jobs: [String: Job]
    /// The ids of the jobs that could be recommended (coverage is over these).
    public let candidates: Set<String>

    /// `candidates`: the jobs open at the as-of time; `otherJobs`: jobs lists may name besides them.
    public init(k: Int, asOf: Timestamp, candidates: [Job], otherJobs: [Job] = []) {
        self.k = k
        self.asOf = asOf
        jobs = Dictionary((otherJobs + candidates).map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.candidates = Set(candidates.map(\.id))
    }

    /// Scores `lists[i]` (job ids, best first) as the answer to `queries[i]`; only the first `k` count.
    /// A job id that is not known counts as a violation (it cannot be open).
    public func evaluate(queries: [EvaluationQuery], lists: [[String]]) -> MethodMetrics {
        precondition(queries.count == lists.count, "one list per query")
        var ndcg = 0.0, recall = 0.0, hit = 0.0, mrr = 0.0
        var exposure: [String: Int] = [:]
        var violations = 0
        var groupSum: [EvaluationGroup: Double] = [:]
        var groupCount: [EvaluationGroup: Int] = [:]
        for (query, list) in zip(queries, lists) {
            let top = Array(list.prefix(k))
            let r = RankingMetrics.recall(ranked: top, gains: query.gains, k: k)
            ndcg += RankingMetrics.ndcg(ranked: top, gains: query.gains, k: k)
            recall += r
            hit += RankingMetrics.hit(ranked: top, gains: query.gains, k: k)
            mrr += RankingMetrics.reciprocalRank(ranked: top, gains: query.gains, k: k)
            for id in top {
                exposure[id, default: 0] += 1
                if let job = jobs[id] {
                    if !HardRules.violations(applicant: query.applicant, job: job, at: asOf).isEmpty { violations += 1 }
                } else {
                    violations += 1
                }
            }
            for group in EvaluationGroup.allCases where group.contains(query.applicant, at: asOf) {
                groupSum[group, default: 0] += r
                groupCount[group, default: 0] += 1
            }
        }
        let n = Double(max(queries.count, 1))
        var congestion = 0.0
        for (id, count) in exposure {
            congestion = max(congestion, Double(count) / Double(max(jobs[id]?.openings ?? 1, 1)))
        }
        return MethodMetrics(
            k: k, queries: queries.count, ndcg: ndcg / n, recall: recall / n, hitRate: hit / n, mrr: mrr / n,
            coverage: candidates.isEmpty ? 0 : Double(exposure.keys.filter(candidates.contains).count) / Double(candidates.count),
            congestion: congestion, violations: violations,
            groupRecall: groupSum.merging(groupCount.mapValues(Double.init)) { $0 / $1 },
            groupQueries: groupCount
        )
    }
}
