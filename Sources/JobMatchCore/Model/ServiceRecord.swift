/// One entry of the record of assistance given to a person (援助过程完整记录), as in `services.jsonl`
/// (interchange 1.1): what was done, when, by whom, and the posting or course it concerned.
public struct ServiceRecord: Hashable, Sendable {
    public var applicant: String
    public var kind: ServiceKind
    public var at: Timestamp
    /// The staff member's name or id.
    public var by: String?
    /// Free text.
    public var note: String?
    /// The posting concerned: one referred posting, or the public-welfare post of a placement.
    public var job: String?
    /// The course of a `training_enrolled` or `training_completed` entry.
    public var training: String?

    public init(applicant: String, kind: ServiceKind, at: Timestamp, by: String? = nil, note: String? = nil,
                job: String? = nil, training: String? = nil) {
        self.applicant = applicant
        self.kind = kind
        self.at = at
        self.by = by
        self.note = note
        self.job = job
        self.training = training
    }
}

/// The kinds of assistance of `services.jsonl`, with the notice's terms in ``term``.
public enum ServiceKind: String, CaseIterable, Codable, Sendable {
    case referral
    case jobFair = "job_fair"
    case guidance
    case trainingEnrolled = "training_enrolled"
    case trainingCompleted = "training_completed"
    case entrepreneurship
    case immediateHelp = "immediate_help"
    case publicWelfarePlacement = "public_welfare_placement"
    case followUp = "follow_up"
    case policy
    case counseling

    /// The notice's term (`shared/spec/glossary.md`, "Help and follow-up").
    public var term: String {
        switch self {
        case .referral: "岗位推介"
        case .jobFair: "定向小规模招聘会"
        case .guidance: "职业指导"
        case .trainingEnrolled: "技能培训（报名）"
        case .trainingCompleted: "技能培训（结业）"
        case .entrepreneurship: "创业指导"
        case .immediateHelp: "即时岗位援助"
        case .publicWelfarePlacement: "公益性岗位安置"
        case .followUp: "回访 / 跟踪服务"
        case .policy: "政策兑现"
        case .counseling: "心理疏导"
        }
    }

    /// True for the kinds whose entry must name a course (`training`).
    public var needsTraining: Bool { self == .trainingEnrolled || self == .trainingCompleted }
    /// True for the kinds whose entry must name a posting (`job`): a placement names the post.
    public var needsJob: Bool { self == .publicWelfarePlacement }
}
