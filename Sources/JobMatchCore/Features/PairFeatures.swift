import Foundation

/// What the second stage (``ReRanker``) reads about one (person, posting) pair of a first-stage top list:
/// things one dot product cannot say — distance against the person's own stated limit and against how far
/// they went before, the pay against their own wish, what the posting asks for that they lack, what they
/// already did with this posting, the posting's and employer's response rates — beside the first-stage score
/// and rank. Everything is taken at the history's cutoff, from events strictly before it.
public struct PairFeatures: Sendable {
    /// The feature names, in row order.
    public static let names = [
        "score_below_top", "log_rank", "distance_over_limit", "distance_km", "distance_over_past_max", "wage_over_wish",
        "skills_covered", "occupation_match", "certificates_missing", "own_stage", "posting_apply_rate",
        "posting_interview_rate", "posting_views", "employer_interview_rate", "employer_hire_rate", "freshness",
        "log_openings", "public_welfare",
    ]
    /// The value a feature takes when it cannot be known (no location, no wage, no wish, no history).
    public static let missing: Float = -9

    let vocabulary: SkillVocabulary
    let history: InteractionHistory
    /// Per person: their strongest event per posting, and the farthest posting they applied to (km).
    private let ownStage: [String: [String: Float]]
    private var pastMaxKm: [String: Double]

    public init(model: MatchModel, history: InteractionHistory) {
        vocabulary = model.skills
        self.history = history
        var stages: [String: [String: Float]] = [:]
        for (person, acted) in history.behaviour {
            stages[person] = Dictionary(acted.map { ($0.job, $0.weight) }, uniquingKeysWith: max)
        }
        ownStage = stages
        pastMaxKm = [:]
    }

    /// Adds the farthest applied-to posting per person (needs the people's homes).
    public func withHomes(_ applicants: [Applicant]) -> PairFeatures {
        var copy = self
        var far: [String: Double] = [:]
        let byID = Dictionary(applicants.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        for (person, acted) in history.behaviour {
            guard let a = byID[person] else { continue }
            for (job, weight) in acted where weight >= 1 {
                if let posting = history.jobs[job], let km = Explainer.distanceKm(a, posting)?.km { far[person] = max(far[person] ?? 0, km) }
            }
        }
        copy.pastMaxKm = far
        return copy
    }

    /// True when the person applied to the posting before the cutoff (any event but viewed or recommended):
    /// the second stage leaves such postings where the first stage put them and re-orders the others.
    public func applied(_ applicant: String, _ job: String) -> Bool {
        guard let w = ownStage[applicant]?[job] else { return false }
        return abs(w) >= 0.7
    }

    /// The rows of one person's first-stage list (best first), one per entry, in ``names`` order.
    public func rows(applicant a: Applicant, list: [(job: Job, score: Float)]) -> [[Float]] {
        guard let top = list.first?.score else { return [] }
        let person = ApplicantProfile(a, vocabulary: vocabulary)
        let limit = a.preferences.maxCommuteKm
        let wish = a.preferences.minMonthlyWage
        let stages = ownStage[a.id] ?? [:]
        let farthest = pastMaxKm[a.id]
        return list.enumerated().map { rank, entry in
            let j = entry.job
            let posting = JobProfile(j, vocabulary: vocabulary)
            let km = j.isRemote ? 0 : Explainer.distanceKm(a, j)?.km
            let required = posting.skills.keys
            let covered = required.isEmpty ? 1 : Float(required.filter { person.skills[$0] != nil }.count) / Float(required.count)
            let occupation = posting.occupations.reduce(Float(0)) { $0 + (person.occupationWishes[$1.key] ?? 0) * $1.value }
            let evidence = history.evidence(for: j)
            var row: [Float] = [
                entry.score - top, log(Float(rank + 1)),
                km.map { Float($0 / (limit ?? 12)) } ?? Self.missing,
                km.map { Float($0) } ?? Self.missing,
                km.flatMap { km in farthest.map { Float(km / max($0, 1)) } } ?? Self.missing,
                Self.missing, covered, occupation,
                Float(posting.certificates.subtracting(person.certificates).count),
                stages[j.id] ?? 0,
            ]
            if let wish, wish > 0, let monthly = posting.monthlyWage { row[5] = Float((monthly - wish) / wish) }
            row += [evidence[0], evidence[1], evidence[2], evidence[4], evidence[5], evidence[6],
                    log(Float(max(1, j.openings))), j.jobType == .publicWelfare ? 1 : 0]
            return row
        }
    }
}
