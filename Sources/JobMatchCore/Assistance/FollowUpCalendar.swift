/// When follow-up (跟踪服务) is due: revisits in the adaptation period (初入职适应期) and the stability period
/// (稳定期) after a hire, a reopened case after a separation, a stuck search, and a zero-employment household
/// every day until it is cleared. Configurable; the defaults are the notice's.
public struct FollowUpCalendar: Sendable, Hashable {
    /// Revisits in the adaptation period, in days after the hire.
    public var adaptationDays: [Double] = [30]
    /// Revisits in the stability period, in days after the hire.
    public var stabilityDays: [Double] = [90, 180]
    /// A revisit opens this many days before it is due: a `follow_up` recorded from then on closes it.
    public var earlyDays: Double = 7
    /// The stuck-search rule.
    public var stuck = StuckSearch()

    public init() {}

    /// The start of the day of `time` in China time (+08:00).
    public static func dayStart(_ time: Timestamp) -> Timestamp {
        let offset = Double(Timestamp.chinaOffsetSeconds)
        let day = ((time.secondsSince1970 + offset) / 86_400).rounded(.down)
        return Timestamp(secondsSince1970: day * 86_400 - offset)
    }

    /// The first instant of the month after the month of `time` (China time): "due this month" is before it.
    public static func nextMonthStart(_ time: Timestamp) -> Timestamp {
        let offset = Timestamp.chinaOffsetSeconds
        let civil = RFC3339.civil(fromSeconds: Int(time.secondsSince1970.rounded(.down)) + offset)
        let (year, month) = civil.month == 12 ? (civil.year + 1, 1) : (civil.year, civil.month + 1)
        let days = RFC3339.daysFromCivil(year: year, month: month, day: 1)
        return Timestamp(secondsSince1970: Double(days * 86_400 - offset))
    }
}

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

/// One follow-up due for one person.
public struct FollowUpItem: Sendable, Hashable {
    public var applicant: String
    public var district: String
    public var kind: FollowUpKind
    /// When it is due.
    public var due: Timestamp
    /// From when a recorded `follow_up` closes it.
    public var opens: Timestamp
    /// The posting of the hire or separation.
    public var job: String?
    /// Days after the hire, for revisits.
    public var dayOffset: Double?
    /// The staff member of the person's latest entry of assistance.
    public var caseworker: String?
    /// Due before the as-of time and still open.
    public var overdue: Bool
}
