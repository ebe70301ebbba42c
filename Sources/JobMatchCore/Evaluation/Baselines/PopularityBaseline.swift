/// Baseline: the same list for everyone, of the jobs with the most positive outcomes (interviewed, hired,
/// retained) before the split; ties by the number of any interactions before the split, then by id.
public struct PopularityBaseline: Sendable {
    /// Job id → score (positives, plus interactions / 10⁶ as the tie-break).
    public let scores: [String: Double]

    public init(interactions: [Interaction], before split: Timestamp) {
        var positives: [String: Int] = [:]
        var any: [String: Int] = [:]
        for i in interactions where i.at < split {
            any[i.job, default: 0] += 1
            if i.event.isPositiveOutcome { positives[i.job, default: 0] += 1 }
        }
        var scores: [String: Double] = [:]
        for (job, count) in any { scores[job] = Double(positives[job] ?? 0) + Double(count) / 1_000_000 }
        self.scores = scores
    }

    public func recommend(pool: CandidatePool, k: Int) -> [[String]] {
        pool.rank(k: k) { _, job in scores[pool.candidates[job].id] ?? 0 }
    }
}
