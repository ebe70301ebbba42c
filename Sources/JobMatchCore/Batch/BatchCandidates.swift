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
        let ranked = matcher.topCandidates(applicants: applicants, m: max(depth, 3) + extra, asOf: asOf)
        return zip(applicants, ranked).map { applicant, list in
            let kept = list.lazy
                .filter { !suppression.isSuppressed(applicant: applicant.id, job: $0.job) }
                .prefix(depth)
                .map { AllocationCandidate(posting: Int32($0.row), score: $0.score, isFallback: $0.isFallback) }
            return BatchCandidates(applicant: applicant.id, candidates: Array(kept))
        }
    }
}
