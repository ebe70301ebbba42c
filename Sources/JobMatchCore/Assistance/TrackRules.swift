/// The documented rules that decide a person's tracks (docs/assistance.md, "Track rules"), from the file
/// (intent, education, skills, experience, wishes, groups, household) and from the market's reach.
public enum TrackRules {
    /// One track that fits, with the reasons (Chinese text for the caseworker, stable codes).
    public struct Decision: Sendable, Hashable {
        public var track: AssistanceTrack
        public var reasons: [Reason]
    }

    /// The tracks that fit, in ``AssistanceTrack`` order. A person not seeking work gets none (their follow-up
    /// is the calendar's). `stuckSince`: from ``StuckSearch``.
    public static func decide(_ a: Applicant, household: HouseholdState, reach: MarketReach, stuckSince: Timestamp?,
                              rules: PlanRules = PlanRules(), weakMarketScore: Float = MatcherConfiguration().weakMarketScore) -> [Decision] {
        guard a.status == .seeking else { return [] }
        var found: [Decision] = []
        func add(_ track: AssistanceTrack, _ code: String, _ text: String, value: Double? = nil) {
            let reason = Reason(code: code, text: text, value: value)
            if let i = found.firstIndex(where: { $0.track == track }) { found[i].reasons.append(reason) } else {
                found.append(Decision(track: track, reasons: [reason]))
            }
        }
        let fitting = reach.fittingPostings
        let hasSkills = !a.skills.isEmpty || !a.experience.isEmpty
        let fit = Self.twoDecimals(rules.fittingScore)
        if household.needsImmediateHelp {
            add(.immediateHelp, "zero_employment_household", "零就业家庭成员，家庭尚无人就业：即时岗位援助，每日跟进直至一人就业（动态清零）")
        }
        if a.effectiveIntent == .active, hasSkills, fitting >= rules.enoughFittingPostings {
            let skills = a.skills.isEmpty ? "有工作经历" : "有技能（" + a.skills.prefix(3).joined(separator: "、") + "）"
            add(.referral, "referral_ready", "就业意愿强，\(skills)，合适岗位 \(fitting) 个（匹配度≥\(fit)）：岗位推介", value: Double(fitting))
        }
        if a.effectiveIntent == .uncertain {
            add(.guidance, "intent_uncertain", "慢就业、意向不明：职业指导，先明确求职方向")
        }
        if a.preferences.occupations.isEmpty, a.experience.isEmpty {
            add(.guidance, "no_direction", "无求职意向职业、无工作经历，方向不明：职业指导")
        }
        if stuckSince != nil {
            add(.guidance, "search_stuck", "多次推送推介仍未获面试：调整帮扶计划，职业指导")
        }
        if a.education.rank <= rules.littleEducationRank {
            add(.training, "little_education", "文化程度为小学及以下：技能培训提升就业能力")
        }
        if !hasSkills {
            add(.training, "no_skills", "无技能、无工作经历：技能培训")
        }
        if fitting < rules.enoughFittingPostings {
            add(.training, "weak_reach", "合适岗位仅 \(fitting) 个（匹配度≥\(fit)，少于 \(rules.enoughFittingPostings) 个）：培训后可扩大岗位范围",
                value: Double(fitting))
        }
        if a.effectiveIntent == .entrepreneurial {
            add(.entrepreneurship, "entrepreneurial_intent", "有创业需求：创业指导与扶持")
        }
        if reach.isWeak, HardRules.isPublicWelfareEligible(a) {
            let best = reach.bestScore.map { "最高匹配 " + Self.twoDecimals($0) } ?? "无可推荐的市场岗位"
            add(.publicWelfarePlacement, "market_not_reaching",
                "市场岗位暂不能覆盖（\(best)，托底线 \(Self.twoDecimals(weakMarketScore))）：公益性岗位托底安置")
        }
        return found.sorted { $0.track < $1.track }
    }

    /// `0.40` (two decimals, rounded; no Foundation in the core).
    static func twoDecimals(_ x: Float) -> String {
        let hundredths = Int((Double(x) * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let n = abs(hundredths)
        return sign + "\(n / 100)." + (n % 100 < 10 ? "0" : "") + "\(n % 100)"
    }
}
