/// One person's scored candidates as the scoring phase leaves them for allocation: allowed postings
/// (rows of the job index, which lists the open postings by id), best first, suppressions removed.
public struct BatchCandidates: Sendable, Hashable {
    public var applicant: String
    public var candidates: [AllocationCandidate]

    public init(applicant: String, candidates: [AllocationCandidate]) {
        self.applicant = applicant
        self.candidates = candidates
    }
}

/// The scoring phase of the batch: each applicant's best `depth` allowed postings under every hard rule
/// (through ``Matcher/topCandidates(applicants:m:asOf:filter:)``), without those suppressed for them.
///
/// The matcher is asked for `depth` plus the largest number of indexed postings suppressed for one person of the group, and each list is
/// cut back to `depth` after removing suppressed postings. Top lists are prefix-consistent, so a person's
/// result does not depend on who else is scored with them (chunks and shards agree).
public struct BatchScorer: Sendable {
    /// Extra candidates asked of the matcher, so that rescoring cannot pull in one it left out.
    static let margin = 4

    /// Sorts each run of candidates with the same fallback flag by exact score, then job id (the
    /// matcher's order between market jobs and fallback posts is kept).
    static func sortRuns(_ items: inout [AllocationCandidate], ids: [String]) {
        var start = 0
        while start < items.count {
            var end = start + 1
            while end < items.count, items[end].isFallback == items[start].isFallback { end += 1 }
            items[start..<end].sort { $0.score > $1.score || ($0.score == $1.score && ids[Int($0.posting)] < ids[Int($1.posting)]) }
            start = end
        }
    }

    public let matcher: Matcher
    public let depth: Int

    public init(matcher: Matcher, depth: Int) {
        self.matcher = matcher
        self.depth = depth
    }

    public func candidates(for applicants: [Applicant], asOf: Timestamp, suppression: PushSuppression) -> [BatchCandidates] {
        guard !applicants.isEmpty else { return [] }
        let index = matcher.index
        let extra = applicants.map { a in suppression.suppressed[a.id]?.reduce(0) { $0 + (index.row(of: $1) == nil ? 0 : 1) } ?? 0 }.max() ?? 0
        let vectors = matcher.applicantVectors(applicants, asOf: asOf)
        let ranked = matcher.topCandidates(applicants: applicants, vectors: vectors, m: max(depth, 3) + extra + Self.margin, asOf: asOf)
        let d = index.dimension
        return Array(applicants.indices).concurrentMap { i in
            let (applicant, list, vector) = (applicants[i], ranked[i], vectors[i])
            // Blocked sgemm rounds differently with the block's make-up: rescore exactly, in a fixed order,
            // so a person's scores do not depend on who else is in their chunk or shard.
            var exact = list.map { scored -> AllocationCandidate in
                var sum: Double = 0
                let base = scored.row * d
                for k in 0..<d { sum += Double(vector[k]) * Double(index.vectors[base + k]) }
                return AllocationCandidate(posting: Int32(scored.row), score: Float(sum), isFallback: scored.isFallback)
            }
            Self.sortRuns(&exact, ids: index.ids)
            let kept = exact.lazy
                .filter { !suppression.isSuppressed(applicant: applicant.id, job: index.ids[Int($0.posting)]) }
                .prefix(depth)
            return BatchCandidates(applicant: applicant.id, candidates: Array(kept))
        }
    }
}
