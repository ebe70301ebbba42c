import JobMatchCore

/// The caseworker's note on an applicant, written in varied Chinese from the record.
enum ProfileText {
    static func write(_ a: Applicant, archetype: Archetype, age: Int, geography: Geography, districtIndex: Int, rng: inout SeededRandom) -> String {
        var parts: [String] = []
        let who = a.gender == .female ? rng.pick(["女", "女性"]) : rng.pick(["男", "男性"])
        let home = geography.districts[districtIndex].name
        parts.append(rng.pick([
            "\(who)，\(age)岁，\(educationText(a.education))，家住\(home)",
            "\(home)居民，\(who)，今年\(age)岁，\(educationText(a.education))",
            "本人\(age)岁，\(educationText(a.education))，户籍在\(home)",
        ]))
        if let disability = a.disability {
            let names = disability.categories.map(categoryText).joined(separator: "、")
            parts.append(rng.pick(["持\(names)\(gradeText(disability.grade))残疾证", "\(names)残疾\(gradeText(disability.grade))", "有残疾人证（\(names)，\(gradeText(disability.grade))）"]))
        }
        var situations: [String] = []
        if a.isIn(.zeroEmploymentHousehold) { situations.append(rng.pick(["家庭成员均未就业", "零就业家庭"])) }
        if a.isIn(.lowIncome) { situations.append(rng.pick(["享受低保", "低收入家庭", "家庭经济困难"])) }
        if a.isIn(.longTermUnemployed) { situations.append(rng.pick(["失业一年以上", "已失业较长时间", "长期未就业"])) }
        if a.isIn(.stayAtHomeParent) { situations.append(rng.pick(["需要接送孩子上下学", "孩子还小，白天只能短时间工作", "在家带孩子多年"])) }
        if a.isIn(.graduate) { situations.append(rng.pick(["今年毕业，尚未落实工作", "离校未就业", "毕业后一直在找工作"])) }
        if a.isIn(.povertyAlleviated) { situations.append(rng.pick(["脱贫户家庭", "属于脱贫人口，希望稳定增收"])) }
        if archetype == .ruralReturnee { situations.append(rng.pick(["外出务工多年后返乡", "从沿海返乡，想在家门口就业"])) }
        if !situations.isEmpty { parts.append(situations.joined(separator: "，")) }
        if !a.experience.isEmpty {
            let jobs = a.experience.prefix(2).map { "\($0.title)\(yearsText($0.years))" }.joined(separator: "、")
            parts.append(rng.pick(["曾做过\(jobs)", "以前干过\(jobs)", "有\(jobs)的工作经历"]))
        } else {
            parts.append(rng.pick(["没有正式工作经历", "工作经验较少"]))
        }
        if !a.skills.isEmpty { parts.append(rng.pick(["会\(a.skills.prefix(3).joined(separator: "、"))", "掌握\(a.skills.prefix(3).joined(separator: "、"))"])) }
        var wishes: [String] = []
        if let wage = a.preferences.minMonthlyWage { wishes.append(rng.pick(["希望月收入不低于\(Int(wage))元", "期望工资\(Int(wage))元以上"])) }
        if let km = a.preferences.maxCommuteKm { wishes.append(km <= 5 ? rng.pick(["只考虑家附近的工作", "希望就近就业"]) : "通勤最好不超过\(Int(km))公里") }
        if a.preferences.jobTypes.contains(.partTime) || a.preferences.jobTypes.contains(.gig) { wishes.append(rng.pick(["可以接受兼职或零工", "想找时间灵活的活"])) }
        if a.preferences.jobTypes.contains(.publicWelfare) { wishes.append("愿意从事公益性岗位") }
        if !wishes.isEmpty { parts.append(wishes.joined(separator: "，")) }
        switch a.effectiveIntent {
        case .active: parts.append(rng.pick(["就业意愿强烈", "求职积极", "希望尽快上岗"]))
        case .uncertain: parts.append(rng.pick(["就业意向暂不明确", "对找工作有些犹豫", "还在考虑方向"]))
        case .entrepreneurial: parts.append(rng.pick(["有创业想法，想了解创业担保贷款", "想自己做点小生意", "有创业需求"]))
        }
        switch a.effectiveCapacity {
        case .full: break
        case .partial: parts.append(rng.pick(["身体原因不宜长时间劳动", "每周只能工作有限时间"]))
        case .limited: parts.append(rng.pick(["每天只能工作几个小时", "劳动能力有限，需要轻松的岗位"]))
        }
        return parts.joined(separator: "。") + "。"
    }

    static func educationText(_ e: Education) -> String {
        switch e {
        case .none: "未上过学"
        case .primary: "小学文化"
        case .juniorHigh: "初中文化"
        case .seniorHigh: "高中文化"
        case .vocational: "中专/职高学历"
        case .college: "大专学历"
        case .bachelor: "本科学历"
        case .postgraduate: "研究生学历"
        }
    }

    static func categoryText(_ c: DisabilityCategory) -> String {
        switch c {
        case .visual: "视力"
        case .hearing: "听力"
        case .speech: "言语"
        case .physical: "肢体"
        case .intellectual: "智力"
        case .mental: "精神"
        }
    }

    static func gradeText(_ grade: Int) -> String { ["一级", "二级", "三级", "四级"][max(0, min(3, grade - 1))] }

    static func yearsText(_ years: Double) -> String { years < 1 ? "半年" : "\(Int(years))年" }
}
