/// A job seeker's "one file" (一人一档), as in `applicants.jsonl`.
///
/// Optional lists are empty when absent; export omits empty lists, so a round trip keeps the data.
public struct Applicant: Hashable, Sendable, Identifiable {
    public var id: String
    public var gender: Gender
    public var birthYear: Int
    /// Six-digit home district code.
    public var district: String
    public var location: GeoPoint?
    public var education: Education
    public var disability: Disability?
    public var groups: [AssistanceGroup]
    public var skills: [String]
    public var certificates: [String]
    public var experience: [Experience]
    public var preferences: Preferences
    /// nil when the file does not say; treated as `active`.
    public var intent: Intent?
    /// nil when the file does not say; treated as `full`.
    public var workCapacity: WorkCapacity?
    public var profileText: String?
    public var status: ApplicantStatus
    public var updatedAt: Timestamp
    /// Interchange 1.1: members of one household share it. A zero-employment household (零就业家庭) is cleared
    /// (动态清零) when one of its members is employed.
    public var household: String?

    public init(
        id: String, gender: Gender, birthYear: Int, district: String, location: GeoPoint? = nil,
        education: Education, disability: Disability? = nil, groups: [AssistanceGroup] = [],
        skills: [String] = [], certificates: [String] = [], experience: [Experience] = [],
        preferences: Preferences = Preferences(), intent: Intent? = nil, workCapacity: WorkCapacity? = nil,
        profileText: String? = nil, status: ApplicantStatus, updatedAt: Timestamp, household: String? = nil
    ) {
        self.id = id
        self.gender = gender
        self.birthYear = birthYear
        self.district = district
        self.location = location
        self.education = education
        self.disability = disability
        self.groups = groups
        self.skills = skills
        self.certificates = certificates
        self.experience = experience
        self.preferences = preferences
        self.intent = intent
        self.workCapacity = workCapacity
        self.profileText = profileText
        self.status = status
        self.updatedAt = updatedAt
        self.household = household
    }

    /// The intent in force: `active` unless the file says otherwise.
    public var effectiveIntent: Intent { intent ?? .active }
    /// The capacity in force: `full` unless the file says otherwise.
    public var effectiveCapacity: WorkCapacity { workCapacity ?? .full }

    /// Age at a time, as the age rule counts it: the year of `time` minus the birth year.
    public func age(at time: Timestamp) -> Int { time.year - birthYear }

    public func isIn(_ group: AssistanceGroup) -> Bool { groups.contains(group) }
}

/// A disability certificate (残疾人证): categories and a grade, 1 the most severe.
public struct Disability: Codable, Hashable, Sendable {
    public var categories: [DisabilityCategory]
    public var grade: Int

    public init(categories: [DisabilityCategory], grade: Int) {
        self.categories = categories
        self.grade = grade
    }

    /// Grades 1 and 2 are severe for the disability rule.
    public var isSevere: Bool { grade <= 2 }
}

/// A past job.
public struct Experience: Codable, Hashable, Sendable {
    public var title: String
    public var occupation: String?
    public var years: Double

    public init(title: String, occupation: String? = nil, years: Double) {
        self.title = title
        self.occupation = occupation
        self.years = years
    }
}

/// What the person wants (object P); every field optional.
public struct Preferences: Hashable, Sendable {
    public var jobTypes: [JobType]
    public var occupations: [String]
    public var minMonthlyWage: Double?
    public var maxCommuteKm: Double?
    public var schedule: [Schedule]

    public init(
        jobTypes: [JobType] = [], occupations: [String] = [], minMonthlyWage: Double? = nil,
        maxCommuteKm: Double? = nil, schedule: [Schedule] = []
    ) {
        self.jobTypes = jobTypes
        self.occupations = occupations
        self.minMonthlyWage = minMonthlyWage
        self.maxCommuteKm = maxCommuteKm
        self.schedule = schedule
    }

    public var isEmpty: Bool {
        jobTypes.isEmpty && occupations.isEmpty && minMonthlyWage == nil && maxCommuteKm == nil && schedule.isEmpty
    }
}
