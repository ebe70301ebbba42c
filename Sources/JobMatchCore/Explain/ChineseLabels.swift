/// Chinese names of enum values, for explanations and the CLI table.
public enum ChineseLabels {
    public static func jobType(_ t: JobType) -> String {
        switch t {
        case .fullTime: "全职"
        case .partTime: "兼职"
        case .gig: "零工"
        case .publicWelfare: "公益性岗位"
        case .selfEmployment: "自主创业"
        }
    }

    public static func schedule(_ s: Schedule) -> String {
        switch s {
        case .day: "白班"
        case .evening: "晚班"
        case .night: "夜班"
        case .weekend: "周末"
        case .flexible: "弹性时间"
        }
    }

    public static func accommodation(_ a: Accommodation) -> String {
        switch a {
        case .wheelchairAccess: "无障碍通道"
        case .signLanguage: "手语支持"
        case .screenReader: "读屏软件"
        case .jobCoach: "就业辅导员"
        case .flexibleHours: "弹性工时"
        case .restBreaks: "工间休息"
        }
    }

    /// The accommodations that help with a disability category.
    public static func helpful(for category: DisabilityCategory) -> [Accommodation] {
        switch category {
        case .visual: [.screenReader]
        case .hearing, .speech: [.signLanguage]
        case .physical: [.wheelchairAccess]
        case .intellectual: [.jobCoach]
        case .mental: [.restBreaks, .flexibleHours]
        }
    }

    /// "3.2" with one decimal.
    public static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
