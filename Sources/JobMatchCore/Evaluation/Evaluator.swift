/// Scores ranked lists against held-out outcomes: ranking quality, coverage, congestion, hard-rule
/// violations and per-group recall. Pure; the lists may come from any method.
public struct Evaluator: Sendable {
    public let k: Int
    public let asOf: Timestamp
    /// Jobs by id: the candidates (for coverage) and anything a list may name (for rules and openings).
    public let jobs: [String: Job]
    /// How many jobs could have been recommended (the denominator of coverage).
    public let candidateCount: Int

    public init(k: Int, asOf: Timestamp, jobs: [Job], candidateCount: Int) {
        self.k = k
        self.asOf = asOf
        self.jobs = Dictionary(jobs.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.candidateCount = candidateCount
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
            coverage: candidateCount > 0 ? Double(exposure.keys.filter { jobs[$0] != nil }.count) / Double(candidateCount) : 0,
            congestion: congestion, violations: violations,
            groupRecall: groupSum.mapValues { $0 }.merging(groupCount.mapValues(Double.init)) { $0 / $1 },
            groupQueries: groupCount
        )
    }
}
