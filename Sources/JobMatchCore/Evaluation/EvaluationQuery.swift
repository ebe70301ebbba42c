/// One applicant to recommend for, with the graded gains of the jobs they had a positive outcome with.
public struct EvaluationQuery: Sendable, Hashable {
    public var applicant: Applicant
    /// Job id → gain (``OutcomeGain``); only jobs with a gain above zero.
    public var gains: [String: Double]

    public init(applicant: Applicant, gains: [String: Double]) {
        self.applicant = applicant
        self.gains = gains.filter { $0.value > 0 }
    }

    /// The held-out queries of a temporal split: every applicant with a positive outcome at or after
    /// `split` on one of `candidates` (the jobs open at the split), each job's gain the strongest outcome.
    /// Sorted by applicant id.
    public static func heldOut(
        applicants: [Applicant], interactions: [Interaction], candidates: Set<String>, split: Timestamp
    ) -> [EvaluationQuery] {
        var gains: [String: [String: Double]] = [:]
        for i in interactions where i.at >= split && candidates.contains(i.job) {
            let gain = OutcomeGain.gain(i.event)
            guard gain > 0 else { continue }
            gains[i.applicant, default: [:]][i.job] = max(gains[i.applicant]?[i.job] ?? 0, gain)
        }
        return applicants.filter { gains[$0.id] != nil }.sorted { $0.id < $1.id }
            .map { EvaluationQuery(applicant: $0, gains: gains[$0.id]!) }
    }
}
