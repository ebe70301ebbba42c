/// The hard rules of the interchange spec: what is never recommended.
///
/// ``HardRules`` is the scalar reference every other check (bulk masks, evaluators, tests) must agree with.
public enum HardRule: String, CaseIterable, Codable, Sendable {
    /// 1. The job is not open at the as-of time.
    case notOpen = "not_open"
    /// 2. The applicant's age is outside the posting's stated limits.
    case age
    /// 3. The posting's minimum education is above the applicant's.
    case education
    /// 4. A public-welfare post for someone in none of the eligible groups.
    case publicWelfare = "public_welfare"
    /// 5. Farther than the applicant's stated maximum commute.
    case commute
    /// 6. A demand the applicant's disability rules out, after accommodations.
    case disability
    /// 7. More weekly hours than the applicant's work capacity allows.
    case capacity
}

/// Evaluates the hard rules for one applicant and one job at a time T.
public enum HardRules {
    /// Every rule the pair breaks at `time`; empty when the recommendation is allowed.
    public static func violations(applicant a: Applicant, job j: Job, at time: Timestamp) -> [HardRule] {
        var broken: [HardRule] = []
        if !j.isOpen(at: time) { broken.append(.notOpen) }
        if let age = j.age, !age.contains(a.age(at: time)) { broken.append(.age) }
        if let minimum = j.educationMin, minimum.rank > a.education.rank { broken.append(.education) }
        if j.jobType == .publicWelfare, !isPublicWelfareEligible(a) { broken.append(.publicWelfare) }
        if let distance = commuteDistanceKm(applicant: a, job: j), let limit = a.preferences.maxCommuteKm,
           distance > limit
        {
            broken.append(.commute)
        }
        if let disability = a.disability, excludedCategories(disability, demands: j.effectiveDemands, accommodations: Set(j.accommodations)).count > 0 {
            broken.append(.disability)
        }
        if let limit = a.effectiveCapacity.maxHoursPerWeek, let hours = j.hoursPerWeek, hours > limit {
            broken.append(.capacity)
        }
        return broken
    }

    /// True when no hard rule forbids recommending `job` to `applicant` at `time`.
    public static func allows(applicant: Applicant, job: Job, at time: Timestamp) -> Bool {
        violations(applicant: applicant, job: job, at: time).isEmpty
    }

    /// Certified in at least one group that public-welfare posts are for (rule 4).
    public static func isPublicWelfareEligible(_ applicant: Applicant) -> Bool {
        applicant.groups.contains { AssistanceGroup.publicWelfareEligible.contains($0) }
    }

    /// The great-circle distance the commute rule looks at: nil when the job is remote or a location is unknown.
    public static func commuteDistanceKm(applicant: Applicant, job: Job) -> Double? {
        guard !job.isRemote, let home = applicant.location, let work = job.location else { return nil }
        return home.distanceKm(to: work)
    }

    /// The demand levels a person in `category` meets at this workplace, after its accommodations.
    public static func effectiveLevels(
        for category: DisabilityCategory, demands: Demands, accommodations: Set<Accommodation>
    ) -> [DemandLevel] {
        func level(_ kind: Demands.Kind, loweredBy accommodation: Accommodation?) -> DemandLevel {
            let stated = demands[kind]
            guard let accommodation, accommodations.contains(accommodation) else { return stated }
            return stated.loweredByOne
        }
        switch category {
        case .visual: return [level(.vision, loweredBy: .screenReader)]
        case .hearing: return [level(.hearing, loweredBy: .signLanguage)]
        case .speech: return [level(.speech, loweredBy: .signLanguage)]
        case .physical:
            return [level(.lifting, loweredBy: nil), level(.standing, loweredBy: .wheelchairAccess), level(.walking, loweredBy: .wheelchairAccess)]
        case .intellectual: return [level(.cognitive, loweredBy: .jobCoach)]
        case .mental: return [level(.stress, loweredBy: .restBreaks)]
        }
    }

    /// The lowest demand level that excludes a person: `medium` when severe (grade 1–2), `high` otherwise.
    public static func excludingLevel(severe: Bool) -> DemandLevel { severe ? .medium : .high }

    /// The disability categories that rule this workplace out (rule 6).
    public static func excludedCategories(
        _ disability: Disability, demands: Demands, accommodations: Set<Accommodation>
    ) -> [DisabilityCategory] {
        let threshold = excludingLevel(severe: disability.isSevere)
        return disability.categories.filter { category in
            effectiveLevels(for: category, demands: demands, accommodations: accommodations).contains { $0 >= threshold }
        }
    }
}
