/// The enumerations of the interchange format (`shared/spec/interchange.md`, "Enums").
///
/// Raw values are the exact wire spellings; an unknown spelling is an import error.

/// Highest completed education (enum E). Ordered; `senior_high` and `vocational` rank equal.
public enum Education: String, CaseIterable, Codable, Sendable {
    case none, primary
    case juniorHigh = "junior_high"
    case seniorHigh = "senior_high"
    case vocational, college, bachelor, postgraduate

    /// Position in the spec's order; equal ranks are equivalent for the education rule.
    public var rank: Int {
        switch self {
        case .none: 0
        case .primary: 1
        case .juniorHigh: 2
        case .seniorHigh, .vocational: 3
        case .college: 4
        case .bachelor: 5
        case .postgraduate: 6
        }
    }
}

/// Disability categories after GB/T 26341 (enum D).
public enum DisabilityCategory: String, CaseIterable, Codable, Sendable {
    case visual, hearing, speech, physical, intellectual, mental
}

/// Certified assistance groups (enum G).
public enum AssistanceGroup: String, CaseIterable, Codable, Sendable {
    case registeredUnemployed = "registered_unemployed"
    case longTermUnemployed = "long_term_unemployed"
    case olderWorker = "older_worker"
    case disabled
    case zeroEmploymentHousehold = "zero_employment_household"
    case lowIncome = "low_income"
    case povertyAlleviated = "poverty_alleviated"
    case stayAtHomeParent = "stay_at_home_parent"
    case graduate

    /// Groups whose members may be offered public-welfare posts (hard rule 4).
    public static let publicWelfareEligible: Set<AssistanceGroup> = [
        .longTermUnemployed, .olderWorker, .disabled, .zeroEmploymentHousehold, .lowIncome, .povertyAlleviated,
    ]
}

/// Job types (enum J).
public enum JobType: String, CaseIterable, Codable, Sendable {
    case fullTime = "full_time"
    case partTime = "part_time"
    case gig
    case publicWelfare = "public_welfare"
    case selfEmployment = "self_employment"
}

/// Working schedules (enum S).
public enum Schedule: String, CaseIterable, Codable, Sendable {
    case day, evening, night, weekend, flexible
}

/// Physical and mental demand levels (enum L). Ordered by `rawLevel`.
public enum DemandLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case none, low, medium, high

    /// 0 for `none` … 3 for `high`.
    public var rawLevel: Int {
        switch self {
        case .none: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    /// One level lower, as an accommodation lowers a demand; `none` stays `none`.
    public var loweredByOne: DemandLevel {
        switch self {
        case .none, .low: .none
        case .medium: .low
        case .high: .medium
        }
    }

    public static func < (lhs: DemandLevel, rhs: DemandLevel) -> Bool { lhs.rawLevel < rhs.rawLevel }
}

/// Workplace accommodations (enum A).
public enum Accommodation: String, CaseIterable, Codable, Sendable {
    case wheelchairAccess = "wheelchair_access"
    case signLanguage = "sign_language"
    case screenReader = "screen_reader"
    case jobCoach = "job_coach"
    case flexibleHours = "flexible_hours"
    case restBreaks = "rest_breaks"
}

/// Suitability tags a posting may carry.
public enum JobTag: String, CaseIterable, Codable, Sendable {
    case ageFriendly = "age_friendly"
    case disabilityFriendly = "disability_friendly"
    case doorstep, flexible
}

/// Gender as recorded on the applicant's file.
public enum Gender: String, CaseIterable, Codable, Sendable {
    case female = "F"
    case male = "M"
}

/// Employment intent: 就业意愿强 / 慢就业·意向不明 / 有创业需求.
public enum Intent: String, CaseIterable, Codable, Sendable {
    case active, uncertain, entrepreneurial
}

/// How much work the person can take on (hard rule 7).
public enum WorkCapacity: String, CaseIterable, Codable, Sendable {
    case full, partial, limited

    /// The most weekly hours a posting may ask of this capacity, or nil for no limit.
    public var maxHoursPerWeek: Double? {
        switch self {
        case .full: nil
        case .partial: 40
        case .limited: 20
        }
    }
}

/// Whether an applicant is still looking for work.
public enum ApplicantStatus: String, CaseIterable, Codable, Sendable {
    case seeking, employed, inactive
}

/// Whether a posting can still be filled.
public enum JobStatus: String, CaseIterable, Codable, Sendable {
    case open, filled, closed
}

/// The unit a wage is quoted in.
public enum WageUnit: String, CaseIterable, Codable, Sendable {
    case month, day, hour, piece
}

/// Outcome events between an applicant and a job.
public enum InteractionEvent: String, CaseIterable, Codable, Sendable {
    case recommended, viewed, applied, interviewed, hired, rejected, declined
    case retained3m = "retained_3m"
    case separated

    /// `interviewed` and `hired` (and the stronger `retained_3m`) are the outcomes match quality is judged on.
    public var isPositiveOutcome: Bool {
        switch self {
        case .interviewed, .hired, .retained3m: true
        default: false
        }
    }
}
