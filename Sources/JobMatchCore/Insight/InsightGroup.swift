/// A group the supply-gap report counts, and which postings in a member's top list fit it (docs/insight.md):
///
/// | group | members | a fitting posting (in the member's top list under every hard rule) |
/// |---|---|---|
/// | `older_worker` | certified `older_worker` | tagged `age_friendly` |
/// | `disabled` (and `disabled:<category>`) | a disability certificate or the `disabled` group | any (rule 6 already checked the demands) |
/// | `stay_at_home_parent` | certified `stay_at_home_parent` | tagged `doorstep` or `flexible`, and nearby |
/// | `zero_employment_household` | certified `zero_employment_household` | any, nearby |
public enum InsightGroup: String, CaseIterable, Sendable, Hashable {
    case olderWorker = "older_worker"
    case disabled
    case stayAtHomeParent = "stay_at_home_parent"
    case zeroEmploymentHousehold = "zero_employment_household"

    /// 中文 name from the glossary.
    public var chinese: String {
        switch self {
        case .olderWorker: "大龄人员"
        case .disabled: "持证残疾人"
        case .stayAtHomeParent: "居家育儿人员"
        case .zeroEmploymentHousehold: "零就业家庭成员"
        }
    }

    /// What a fitting posting is for this group, in Chinese (report legends).
    public var fittingChinese: String {
        switch self {
        case .olderWorker: "适老化岗位"
        case .disabled: "适合的岗位（符合残疾规则）"
        case .stayAtHomeParent: "通勤范围内的家门口或时间灵活岗位"
        case .zeroEmploymentHousehold: "附近的岗位"
        }
    }

    /// Whether `applicant` belongs to the group.
    public func includes(_ applicant: Applicant) -> Bool {
        switch self {
        case .olderWorker: applicant.isIn(.olderWorker)
        case .disabled: applicant.disability != nil || applicant.isIn(.disabled)
        case .stayAtHomeParent: applicant.isIn(.stayAtHomeParent)
        case .zeroEmploymentHousehold: applicant.isIn(.zeroEmploymentHousehold)
        }
    }

    /// Whether `job`, already in the member's top list under every hard rule, fits the group.
    public func fits(_ job: Job, for applicant: Applicant, nearbyKm: Double) -> Bool {
        switch self {
        case .olderWorker: job.has(.ageFriendly)
        case .disabled: true
        case .stayAtHomeParent: (job.has(.doorstep) || job.has(.flexible)) && Self.isNearby(applicant, job, nearbyKm: nearbyKm)
        case .zeroEmploymentHousehold: Self.isNearby(applicant, job, nearbyKm: nearbyKm)
        }
    }

    /// The report's group keys for a member: the group, and for disabled people `disabled:<category>` per category
    /// (`disabled:unspecified` when the group is certified without a certificate on file).
    public func keys(for applicant: Applicant) -> [String] {
        guard self == .disabled else { return [rawValue] }
        let categories = applicant.disability?.categories.map(\.rawValue) ?? []
        return [rawValue] + (categories.isEmpty ? ["unspecified"] : categories).map { "disabled:" + $0 }
    }

    /// Nearby: remote work; else within the person's `max_commute_km` or, when they state none, `nearbyKm`
    /// (great-circle, as hard rule 5 measures); with a location unknown, the same district.
    public static func isNearby(_ applicant: Applicant, _ job: Job, nearbyKm: Double) -> Bool {
        if job.isRemote { return true }
        guard let distance = HardRules.commuteDistanceKm(applicant: applicant, job: job) else { return applicant.district == job.district }
        return distance <= (applicant.preferences.maxCommuteKm ?? nearbyKm)
    }
}
