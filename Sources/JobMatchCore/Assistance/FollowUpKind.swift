/// The kinds of follow-up item, most urgent first.
public enum FollowUpKind: String, CaseIterable, Codable, Sendable, Comparable {
    /// After a `separated`: the case reopens with priority (离职后重新帮扶).
    case reopened
    /// A zero-employment household not cleared: every day (即时岗位援助, 动态清零).
    case immediateHelp = "immediate_help"
    /// Pushed or referred repeatedly for weeks, no interview: change the plan, give guidance.
    case stuck
    /// Revisit in the adaptation period (初入职适应期回访).
    case adaptation
    /// Revisit in the stability period (稳定期回访).
    case stability

    /// Chinese label for lists.
    public var term: String {
        switch self {
        case .reopened: "离职后重新帮扶（优先）"
        case .immediateHelp: "零就业家庭每日跟进"
        case .stuck: "求职受阻：调整帮扶计划、职业指导"
        case .adaptation: "初入职适应期回访"
        case .stability: "稳定期回访"
        }
    }

    var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: FollowUpKind, rhs: FollowUpKind) -> Bool { lhs.order < rhs.order }
}
