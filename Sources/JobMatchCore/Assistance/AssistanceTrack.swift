/// The tracks of an assistance plan (帮扶计划), with the notice's terms (`shared/spec/glossary.md`, "Help and
/// follow-up"). Codes are the `services.jsonl` kinds the track leads to (`training` for the two training kinds).
public enum AssistanceTrack: String, CaseIterable, Codable, Sendable, Comparable {
    /// 即时岗位援助: a member of a zero-employment household not yet cleared (动态清零).
    case immediateHelp = "immediate_help"
    /// 岗位推介: strong intent, some skills, enough fitting openings.
    case referral
    /// 职业指导: uncertain intent, or no clear direction.
    case guidance
    /// 技能培训: little education, no skills, or a weak market reach.
    case training
    /// 创业指导: entrepreneurial intent.
    case entrepreneurship
    /// 公益性岗位安置: only when the market does not reach (the matcher's weak-market rule), as the fallback.
    case publicWelfarePlacement = "public_welfare_placement"

    /// The notice's term.
    public var term: String {
        switch self {
        case .immediateHelp: "即时岗位援助"
        case .referral: "岗位推介"
        case .guidance: "职业指导"
        case .training: "技能培训"
        case .entrepreneurship: "创业指导"
        case .publicWelfarePlacement: "公益性岗位安置（兜底线、救急难）"
        }
    }

    /// The order tracks are listed in: immediate help first, the public-welfare fallback last.
    var order: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: AssistanceTrack, rhs: AssistanceTrack) -> Bool { lhs.order < rhs.order }
}
