import Foundation

/// The per-query ranking metrics, as pure functions of one ranked list and its relevance judgements.
///
/// Gains are graded (``OutcomeGain``) and linear, the discount is `log2(rank + 1)` (the `trec_eval` /
/// `ranx` `ndcg` definition). A job is relevant when its gain is above zero. Only the first `k` entries
/// of `ranked` count; a relevant job not in the list counts as missed.
public enum RankingMetrics {
    /// Discounted cumulative gain of the first `k` entries.
    public static func dcg(ranked: [String], gains: [String: Double], k: Int) -> Double {
        var total = 0.0
        for (position, job) in ranked.prefix(k).enumerated() {
            if let gain = gains[job], gain > 0 { total += gain / log2(Double(position) + 2) }
        }
        return total
    }

    /// The best DCG any list of length `k` could reach: the gains sorted down.
    public static func idealDCG(gains: [String: Double], k: Int) -> Double {
        let sorted = gains.values.filter { $0 > 0 }.sorted(by: >)
        var total = 0.0
        for (position, gain) in sorted.prefix(k).enumerated() { total += gain / log2(Double(position) + 2) }
        return total
    }

    /// nDCG@k: DCG over the ideal DCG; 0 when nothing is relevant.
    public static func ndcg(ranked: [String], gains: [String: Double], k: Int) -> Double {
        let ideal = idealDCG(gains: gains, k: k)
        return ideal > 0 ? dcg(ranked: ranked, gains: gains, k: k) / ideal : 0
    }

    /// Recall@k: relevant jobs in the first `k` over all relevant jobs; 0 when nothing is relevant.
    public static func recall(ranked: [String], gains: [String: Double], k: Int) -> Double {
        let relevant = gains.values.filter { $0 > 0 }.count
        guard relevant > 0 else { return 0 }
        return Double(hits(ranked: ranked, gains: gains, k: k)) / Double(relevant)
    }

    /// HitRate@k: 1 when at least one relevant job is in the first `k`, else 0.
    public static func hit(ranked: [String], gains: [String: Double], k: Int) -> Double {
        hits(ranked: ranked, gains: gains, k: k) > 0 ? 1 : 0
    }

    /// Reciprocal rank of the first relevant job within the first `k` (0 when none): MRR@k per query.
    public static func reciprocalRank(ranked: [String], gains: [String: Double], k: Int) -> Double {
        for (position, job) in ranked.prefix(k).enumerated() where (gains[job] ?? 0) > 0 {
            return 1 / Double(position + 1)
        }
        return 0
    }

    /// Relevant jobs among the first `k` (each job counted once).
    public static func hits(ranked: [String], gains: [String: Double], k: Int) -> Int {
        var seen = Set<String>()
        var count = 0
        for job in ranked.prefix(k) where (gains[job] ?? 0) > 0 && seen.insert(job).inserted { count += 1 }
        return count
    }
}

/// The graded gain of an applicant–job pair after the split: the strongest positive outcome.
///
/// `retained_3m` = 3 > `hired` = 2 > `interviewed` = 1; anything else is 0 (not relevant).
public enum OutcomeGain {
    public static func gain(_ event: InteractionEvent) -> Double {
        switch event {
        case .retained3m: 3
        case .hired: 2
        case .interviewed: 1
        default: 0
        }
    }
}
