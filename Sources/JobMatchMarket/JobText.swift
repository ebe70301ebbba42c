import Foundation
import JobMatchCore

/// Titles and descriptions of postings, composed in varied Chinese from the catalogue.
enum JobText {
    static func title(_ o: Occupation, jobType: JobType, geography: Geography, districtIndex: Int, rng: inout SeededRandom) -> String {
        var title = rng.pick(o.titles)
        switch rng.index(10) {
        case 0: title = "急招" + title
        case 1: title = geography.shortName(districtIndex) + title
        case 2: title += rng.pick(["（包吃住）", "（五险）", "（可长期）", "（就近上班）"])
        default: break
        }
        switch jobType {
        case .partTime: if rng.chance(0.5) { title += rng.pick(["（兼职）", "兼职", "（小时工）"]) }
        case .gig: if rng.chance(0.5) { title += rng.pick(["（零工）", "（日结）", "临时工"]) }
        case .publicWelfare: if !title.contains("公益") { title = "公益性岗位-" + title }
        default: break
        }
        return title
    }

    static func description(_ job: Job, occupation o: Occupation, monthly: Double, rng: inout SeededRandom) -> String {
        var sentences: [String] = []
        let duties = rng.sample(o.duties, count: rng.int(1...min(3, o.duties.count)))
        sentences.append(rng.pick(["岗位职责：", "工作内容：", "", "主要负责："]) + duties.joined(separator: "；"))
        var asks: [String] = []
        if let age = job.age {
            if let low = age.min, let high = age.max { asks.append("年龄\(low)-\(high)岁") } else if let high = age.max { asks.append("年龄\(high)岁以下") } else if let low = age.min { asks.append("年满\(low)周岁") }
        }
        if let education = job.educationMin { asks.append(ProfileText.educationText(education).replacingOccurrences(of: "文化", with: "") + "及以上") }
        if !job.certificatesRequired.isEmpty { asks.append("持\(job.certificatesRequired.joined(separator: "、"))") }
        if !job.skillsRequired.isEmpty { asks.append(rng.pick(["会", "熟悉", "有"]) + job.skillsRequired.joined(separator: "、") + rng.pick(["", "经验", "者优先"])) }
        if job.tags.contains(.ageFriendly) { asks.append(rng.pick(["欢迎4050人员", "年龄偏大者可", "大龄人员优先"])) }
        if job.tags.contains(.disabilityFriendly) { asks.append(rng.pick(["欢迎残疾人朋友应聘", "残疾人优先", "可安排残疾人就业"])) }
        if asks.isEmpty { asks.append(rng.pick(["无经验可培训", "吃苦耐劳，责任心强", "身体健康"])) }
        sentences.append(rng.pick(["要求：", "任职要求：", ""]) + asks.joined(separator: "，"))
        var offers: [String] = []
        if let hours = job.hoursPerWeek { offers.append(rng.pick(["每周约\(Int(hours))小时", "周工作\(Int(hours))小时左右"])) }
        if job.schedule.contains(.night) { offers.append(rng.pick(["需上夜班", "两班倒"])) }
        if job.schedule.contains(.flexible) { offers.append(rng.pick(["时间灵活", "可自由安排时间"])) }
        if let wage = job.wage { offers.append(wageText(wage, monthly: monthly)) } else { offers.append("薪资面议") }
        if job.jobType == .fullTime { offers.append(rng.pick(["购买五险", "缴纳社保", "包工作餐", "月休4天", "节假日福利"])) }
        if job.tags.contains(.doorstep) { offers.append(rng.pick(["家门口就业", "就近安排"])) }
        for accommodation in job.accommodations {
            switch accommodation {
            case .wheelchairAccess: offers.append("有无障碍通道")
            case .signLanguage: offers.append("有手语沟通同事")
            case .screenReader: offers.append("电脑配读屏软件")
            case .jobCoach: offers.append("有就业辅导员带教")
            case .flexibleHours: offers.append("工时可弹性安排")
            case .restBreaks: offers.append("可安排工间休息")
            }
        }
        sentences.append(rng.pick(["待遇：", "福利待遇：", ""]) + offers.joined(separator: "，"))
        if job.jobType == .publicWelfare { sentences.append(rng.pick(["本岗位为公益性岗位，面向就业困难人员", "按政策享受岗位补贴和社保补贴"])) }
        if job.jobType == .selfEmployment { sentences.append(rng.pick(["可申请创业担保贷款和一次性创业补助", "提供创业培训和场地支持"])) }
        return sentences.joined(separator: "。") + "。"
    }

    static func wageText(_ wage: Wage, monthly: Double) -> String {
        func n(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
        let range = [wage.min, wage.max].compactMap { $0 }.map(n).joined(separator: "-")
        switch wage.unit {
        case .month: return "月薪\(range)元"
        case .day: return "日薪\(range)元"
        case .hour: return "时薪\(range)元"
        case .piece: return "计件\(range)元/件，熟练工月入约\(Int((monthly / 100).rounded() * 100))元"
        }
    }
}
