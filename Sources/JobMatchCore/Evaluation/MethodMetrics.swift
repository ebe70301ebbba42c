/// What one method scored on one evaluation run.
public struct MethodMetrics: Sendable, Hashable {
    public var k: Int
    /// Number of queries (applicants) scored.
    public var queries: Int
    /// Means over queries.
    public var ndcg: Double
    public var recall: Double
    public var hitRate: Double
    public var mrr: Double
    /// Distinct recommended jobs over the candidate jobs.
    public var coverage: Double
    /// The largest number of lists one job appears in, divided by its openings.
    public var congestion: Double
    /// Recommended pairs that break a hard rule at the as-of time (``HardRules/violations(applicant:job:at:)``).
    public var violations: Int
    /// Mean Recall@k of each group's queries, and how many queries the group has; absent groups are left out.
    public var groupRecall: [EvaluationGroup: Double]
    public var groupQueries: [EvaluationGroup: Int]

    /// min(group recall) / overall recall over the groups present; 1 when no group is present or recall is 0.
    public var fairnessRatio: Double {
        guard recall > 0, let worst = groupRecall.values.min() else { return 1 }
        return worst / recall
    }

    /// The numbers by name, as in the JSON output (`ndcg@10`, `recall@10`, …), in a fixed order.
    public var named: [(name: String, value: Double)] {
        [
            ("ndcg@\(k)", ndcg), ("recall@\(k)", recall), ("hit_rate@\(k)", hitRate), ("mrr@\(k)", mrr),
            ("coverage", coverage), ("congestion", congestion), ("violations", Double(violations)),
            ("fairness_ratio", fairnessRatio),
        ]
    }
}
