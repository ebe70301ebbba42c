/// What a push can still add: the held-out positives on jobs the person had not applied to before the split,
/// and each method's list without the jobs the person had already applied to.
///
/// "Applied" is any event that needs an application (`applied`, `interviewed`, `hired`, `rejected`,
/// `declined`, `retained_3m`, `separated`); views and recommendations do not count.
public struct NewJobsView: Sendable {
    /// Per applicant id, the jobs applied to strictly before the split.
    public let applied: [String: Set<String>]

    public init(interactions: [Interaction], split: Timestamp) {
        var applied: [String: Set<String>] = [:]
        for i in interactions where i.at < split && Self.needsApplication(i.event) {
            applied[i.applicant, default: []].insert(i.job)
        }
        self.applied = applied
    }

    static func needsApplication(_ event: InteractionEvent) -> Bool {
        switch event {
        case .recommended, .viewed: false
        default: true
        }
    }

    /// The queries with at least one positive on a job not applied to before, those positives only;
    /// with the index of each in `queries`.
    public func queries(_ queries: [EvaluationQuery]) -> [(index: Int, query: EvaluationQuery)] {
        queries.enumerated().compactMap { index, query in
            let known = applied[query.applicant.id] ?? []
            let gains = query.gains.filter { !known.contains($0.key) }
            return gains.isEmpty ? nil : (index, EvaluationQuery(applicant: query.applicant, gains: gains))
        }
    }

    /// `list` without the jobs `applicant` applied to before the split.
    public func list(_ list: [String], applicant: String) -> [String] {
        guard let known = applied[applicant] else { return list }
        return list.filter { !known.contains($0) }
    }

    /// How much longer than `k` lists must be so that `k` remain after removing applied jobs: the largest
    /// number of candidate jobs one query applied to.
    public func extraDepth(queries: [EvaluationQuery], candidates: Set<String>) -> Int {
        queries.map { (applied[$0.applicant.id] ?? []).filter(candidates.contains).count }.max() ?? 0
    }
}
