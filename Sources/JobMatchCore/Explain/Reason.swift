/// One part of why a job was recommended, for a caseworker to read aloud: a stable code, Chinese text,
/// and the number behind it when there is one (kilometres, CNY, a count).
public struct Reason: Codable, Sendable, Hashable {
    public var code: String
    public var text: String
    public var value: Double?

    public init(code: String, text: String, value: Double? = nil) {
        self.code = code
        self.text = text
        self.value = value
    }

    /// The stable codes.
    public enum Code {
        public static let skillsMatch = "skills_match"
        public static let occupationWish = "occupation_wish"
        public static let jobTypeWish = "job_type_wish"
        public static let distance = "distance"
        public static let remote = "remote"
        public static let wageMeetsWish = "wage_meets_wish"
        public static let wageBelowWish = "wage_below_wish"
        public static let wage = "wage"
        public static let scheduleMatch = "schedule_match"
        public static let hoursFit = "hours_fit"
        public static let tagAgeFriendly = "tag_age_friendly"
        public static let tagDisabilityFriendly = "tag_disability_friendly"
        public static let accommodation = "accommodation"
        public static let doorstep = "doorstep"
        public static let flexible = "flexible"
        public static let selfEmployment = "self_employment"
        public static let certificateMissing = "certificate_missing"
        public static let publicWelfareFallback = "public_welfare_fallback"
        public static let publicWelfareWish = "public_welfare_wish"
    }
}
