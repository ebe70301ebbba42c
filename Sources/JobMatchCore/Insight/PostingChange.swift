/// One change to a posting the outreach list asks an employer for: an accommodation added, one demand lowered by a
/// level, or the age limit dropped. Applied to a copy of the posting, which is rescored under the hard rules.
public enum PostingChange: Sendable, Hashable {
    case addAccommodation(Accommodation)
    case lowerDemand(Demands.Kind)
    case dropAgeLimit

    /// A stable code: `add:wheelchair_access`, `lower:standing`, `drop_age_limit`.
    public var code: String {
        switch self {
        case let .addAccommodation(a): "add:" + a.rawValue
        case let .lowerDemand(kind): "lower:" + kind.rawValue
        case .dropAgeLimit: "drop_age_limit"
        }
    }

    /// What to ask for, in Chinese.
    public var chinese: String {
        switch self {
        case let .addAccommodation(a): "增加便利：" + ChineseLabels.accommodation(a)
        case let .lowerDemand(kind): "降低一级要求：" + Self.demandZh[kind]!
        case .dropAgeLimit: "取消年龄限制"
        }
    }

    /// The posting with the change applied.
    public func applied(to job: Job) -> Job {
        var changed = job
        switch self {
        case let .addAccommodation(a): if !changed.accommodations.contains(a) { changed.accommodations.append(a) }
        case let .lowerDemand(kind):
            var demands = changed.effectiveDemands
            demands[kind] = demands[kind].loweredByOne
            changed.demands = demands
        case .dropAgeLimit: changed.age = nil
        }
        return changed
    }

    /// The changes worth asking of `job`: each accommodation it lacks, each demand at `medium` or `high` (the
    /// levels the disability rule looks at), and dropping a stated age limit.
    public static func candidates(for job: Job) -> [PostingChange] {
        var changes = Accommodation.allCases.filter { !job.offers($0) }.map(PostingChange.addAccommodation)
        changes += Demands.Kind.allCases.filter { job.effectiveDemands[$0] >= .medium }.map(PostingChange.lowerDemand)
        if let age = job.age, age.min != nil || age.max != nil { changes.append(.dropAgeLimit) }
        return changes
    }

    static let demandZh: [Demands.Kind: String] = [
        .vision: "视力", .hearing: "听力", .speech: "言语", .lifting: "搬举", .standing: "站立", .walking: "行走",
        .fineMotor: "精细动作", .cognitive: "认知", .stress: "压力",
    ]
}
