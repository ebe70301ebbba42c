/// The jobs each query may be recommended: the candidates (open at the as-of time) that no hard rule
/// forbids for that applicant, in candidate order. Every method ranks within the same pool, so
/// comparisons are fair and no method makes a violation.
public struct CandidatePool: Sendable {
    public let candidates: [Job]
    /// Per query, indexes into ``candidates``.
    public let allowed: [[Int]]

    public init(queries: [EvaluationQuery], candidates: [Job], asOf: Timestamp) {
        self.candidates = candidates
        allowed = queries.map { query in
            candidates.indices.filter { HardRules.allows(applicant: query.applicant, job: candidates[$0], at: asOf) }
        }
    }

    /// The top `k` of each query's allowed jobs by `score` (higher first, ties by job id).
    public func rank(k: Int, score: (_ query: Int, _ job: Int) -> Double) -> [[String]] {
        allowed.indices.map { q in
            let scored = allowed[q].map { (job: $0, score: score(q, $0)) }
            return Self.top(scored, k: k, ids: candidates)
        }
    }

    static func top(_ scored: [(job: Int, score: Double)], k: Int, ids: [Job]) -> [String] {
        scored.sorted { $0.score > $1.score || ($0.score == $1.score && ids[$0.job].id < ids[$1.job].id) }
            .prefix(k).map { ids[$0.job].id }
    }

    /// Each query's list cut to the jobs of its pool (outside lists, such as a peer's, know no hard rule), order kept.
    public func restrict(_ lists: [[String]]) -> [[String]] {
        zip(allowed, lists).map { allowed, list in
            let ids = Set(allowed.map { candidates[$0].id })
            return list.filter(ids.contains)
        }
    }
}
