/// What a posting offers that suits some people more than others (the job side of the suitability block).
public enum JobSuitabilityFlag: String, CaseIterable, Codable, Sendable {
    case ageFriendly = "age_friendly"
    case disabilityFriendly = "disability_friendly"
    case doorstep, flexible, gig
    case selfEmployment = "self_employment"
    case partTime = "part_time"
    case remote
    case levyPayer = "levy_payer"
    case wheelchairAccess = "wheelchair_access"
    case signLanguage = "sign_language"
    case screenReader = "screen_reader"
    case jobCoach = "job_coach"
    case flexibleHours = "flexible_hours"
    case restBreaks = "rest_breaks"

    /// The flags a posting carries.
    public static func flags(of job: Job) -> Set<JobSuitabilityFlag> {
        var flags: Set<JobSuitabilityFlag> = []
        if job.has(.ageFriendly) { flags.insert(.ageFriendly) }
        if job.has(.disabilityFriendly) { flags.insert(.disabilityFriendly) }
        if job.has(.doorstep) { flags.insert(.doorstep) }
        if job.has(.flexible) { flags.insert(.flexible) }
        switch job.jobType {
        case .gig: flags.insert(.gig)
        case .selfEmployment: flags.insert(.selfEmployment)
        case .partTime: flags.insert(.partTime)
        case .fullTime, .publicWelfare: break
        }
        if job.isRemote { flags.insert(.remote) }
        if job.employer.disabilityLevyPayer == true { flags.insert(.levyPayer) }
        for accommodation in job.accommodations {
            switch accommodation {
            case .wheelchairAccess: flags.insert(.wheelchairAccess)
            case .signLanguage: flags.insert(.signLanguage)
            case .screenReader: flags.insert(.screenReader)
            case .jobCoach: flags.insert(.jobCoach)
            case .flexibleHours: flags.insert(.flexibleHours)
            case .restBreaks: flags.insert(.restBreaks)
            }
        }
        return flags
    }
}

/// Traits of a person that make some postings suit them better (the applicant side of the suitability block).
public enum ApplicantTrait: String, CaseIterable, Codable, Sendable {
    case older, disabled
    case parentAtHome = "parent_at_home"
    case entrepreneurial
    case reducedCapacity = "reduced_capacity"
    case visual, hearing, speech, physical, intellectual, mental

    /// The traits of `applicant` at `time` (age counts as in the spec's `older_worker`: women 40+, men 50+).
    public static func traits(of applicant: Applicant, at time: Timestamp, configuration: FeatureConfiguration) -> Set<ApplicantTrait> {
        var traits: Set<ApplicantTrait> = []
        let age = applicant.age(at: time)
        let olderAge = applicant.gender == .female ? configuration.olderWomenAge : configuration.olderMenAge
        if applicant.isIn(.olderWorker) || age >= olderAge { traits.insert(.older) }
        if applicant.disability != nil || applicant.isIn(.disabled) { traits.insert(.disabled) }
        if applicant.isIn(.stayAtHomeParent) { traits.insert(.parentAtHome) }
        if applicant.effectiveIntent == .entrepreneurial { traits.insert(.entrepreneurial) }
        if applicant.effectiveCapacity != .full { traits.insert(.reducedCapacity) }
        for category in applicant.disability?.categories ?? [] {
            switch category {
            case .visual: traits.insert(.visual)
            case .hearing: traits.insert(.hearing)
            case .speech: traits.insert(.speech)
            case .physical: traits.insert(.physical)
            case .intellectual: traits.insert(.intellectual)
            case .mental: traits.insert(.mental)
            }
        }
        return traits
    }
}

/// How much each trait values each job flag: the suitability block's interaction matrix, part of the model.
public struct SuitabilityAffinities: Codable, Sendable, Hashable {
    /// trait raw value → flag raw value → affinity.
    public var affinities: [String: [String: Float]]

    public init(affinities: [String: [String: Float]]) { self.affinities = affinities }

    public func affinity(_ trait: ApplicantTrait, _ flag: JobSuitabilityFlag) -> Float {
        affinities[trait.rawValue]?[flag.rawValue] ?? 0
    }

    /// The defaults, from the spec's soft signals: age-friendly for older workers, disability-friendly and the
    /// matching accommodation for disabled people, doorstep and flexible gig work for parents at home,
    /// self-employment for entrepreneurial intent.
    public static let standard = SuitabilityAffinities(affinities: [
        "older": ["age_friendly": 1.0, "doorstep": 0.3],
        "disabled": ["disability_friendly": 1.0, "levy_payer": 0.3],
        "parent_at_home": ["doorstep": 1.0, "flexible": 0.7, "gig": 0.5, "part_time": 0.5, "remote": 0.5, "flexible_hours": 0.5],
        "entrepreneurial": ["self_employment": 1.0],
        "reduced_capacity": ["part_time": 0.4, "flexible_hours": 0.4, "flexible": 0.3, "rest_breaks": 0.2],
        "visual": ["screen_reader": 0.8],
        "hearing": ["sign_language": 0.8],
        "speech": ["sign_language": 0.8],
        "physical": ["wheelchair_access": 0.8],
        "intellectual": ["job_coach": 0.8],
        "mental": ["rest_breaks": 0.8, "flexible_hours": 0.3],
    ])
}
