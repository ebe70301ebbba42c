import Foundation
import JobMatchCore

/// The plan as text for a caseworker's terminal.
enum PlanText {
    static func render(_ plan: AssistancePlan) -> String {
        let r = plan.reach
        var lines = ["帮扶计划 \(plan.applicant)（\(plan.asOf.text)，\(plan.status.rawValue)）",
                     "  市场覆盖：可推荐市场岗位 \(r.allowedPostings) 个，合适岗位 \(r.fittingPostings) 个（\(r.fittingOpenings) 个名额）"
                         + (r.bestScore.map { String(format: "，最高匹配 %.3f", $0) } ?? "") + (r.isWeak ? "，市场岗位不足" : "")]
        if let id = plan.household.id {
            lines.append("  家庭 \(id)：\(plan.household.members) 人" + (plan.household.isZeroEmployment ? (plan.household.isCleared ? "，零就业家庭已清零" : "，零就业家庭") : ""))
        }
        if plan.tracks.isEmpty { lines.append("  （不在求职状态：见跟踪服务 jobmatch followups）") }
        for (n, t) in plan.tracks.enumerated() {
            lines.append("\(n + 1). \(t.track.term) [\(t.track.rawValue)]" + (t.daily ? "（每日）" : ""))
            for reason in t.reasons { lines.append("     理由：\(reason.text)") }
            for step in t.steps { lines.append("     - \(step)") }
            for p in t.postings {
                lines.append("       \(p.job)  \(p.title)  \(p.employer)  " + (p.distanceKm.map { String(format: "%.1f 公里  ", $0) } ?? "")
                    + "名额 \(p.openings)  匹配 \(String(format: "%.3f", p.score))")
            }
            if let fair = t.jobFair {
                lines.append("       招聘会（\(fair.district)）邀请：" + fair.employers.map { "\($0.name)（\($0.postings.count) 个岗位）" }.joined(separator: "、"))
            }
            for o in t.occupations {
                lines.append("       \(o.occupation)：岗位 \(o.postings) 个，最高匹配 \(String(format: "%.3f", o.bestScore))，如 \(o.example.title)（"
                    + o.example.reasons.prefix(3).map(\.text).joined(separator: "；") + "）")
            }
            for c in t.courses { lines.append("       " + course(c)) }
            if let cert = t.certificate {
                lines.append("       最缺的证书：\(cert.certificate)（\(cert.postingsRequiring) 个可推荐岗位要求），取得后新增合适岗位 \(cert.unlock.gain) 个"
                    + (cert.courses.first.map { "，可报 \($0.training!.title)" } ?? "，暂无可报课程"))
            }
            if !t.support.isEmpty { lines.append("       可申请：" + t.support.joined(separator: "、")) }
        }
        return lines.joined(separator: "\n")
    }

    static func course(_ c: CourseUnlock) -> String {
        let t = c.training!
        let adds = (c.addsCertificates + c.addsSkills).joined(separator: "、")
        return "\(t.id)  \(t.title)  新增合适岗位 \(c.gain) 个（\(c.unlockedOpenings) 个名额；证书解锁 \(c.certificateUnlocked)，进入前列 \(c.enteringTopList)）  "
            + "获得：\(adds)  " + (t.effectiveMode == .online ? "线上" : String(format: "%.1f 公里", c.distanceKm)) + "  \(String(t.startsAt.text.prefix(10))) 开课"
    }
}
