/// The next actions of each track, from what ``UnlockComputation`` found for the person.
struct PlanActions {
    let matcher: Matcher
    let rules: PlanRules
    let applicant: Applicant
    let asOf: Timestamp
    let found: UnlockComputation.Result
    let explainer: Explainer
    let subject: Explainer.Subject

    init(matcher: Matcher, rules: PlanRules, applicant: Applicant, asOf: Timestamp, found: UnlockComputation.Result) {
        self.matcher = matcher
        self.rules = rules
        self.applicant = applicant
        self.asOf = asOf
        self.found = found
        explainer = Explainer(model: matcher.model)
        subject = explainer.subject(applicant, asOf: asOf)
    }

    func track(_ decision: TrackRules.Decision) -> PlanTrack {
        var t = PlanTrack(track: decision.track, reasons: decision.reasons)
        switch decision.track {
        case .immediateHelp:
            // The nearest first, then the most openings, then the best chance (score).
            var seen = Set<Int>()
            let pool = (found.topList.filter { !$0.isFallback && !matcher.index.columns.publicWelfare[$0.row] }.map { ($0.row, $0.score) }
                + found.fitting.map { ($0.row, $0.score) }).filter { seen.insert($0.0).inserted }
            let near = pool.map { (row: $0.0, score: $0.1, km: distance(matcher.index.jobs[$0.0])) }.sorted {
                let (x, y) = (($0.km ?? 999).rounded(), ($1.km ?? 999).rounded())
                if x != y { return x < y }
                let (o, p) = (matcher.index.jobs[$0.row].openings, matcher.index.jobs[$1.row].openings)
                return o != p ? o > p : $0.score > $1.score
            }
            t.postings = near.prefix(rules.postingsShown).map { posting($0.row, $0.score, fallback: false) }
            t.daily = true
            t.steps = ["今日联系本人，推介下列就近、岗位数多、匹配度高的岗位", "每日跟进，直至家庭中有一人就业（动态清零）"]
        case .referral:
            t.postings = found.topList.map { posting($0.row, $0.score, fallback: $0.isFallback) }
            t.jobFair = jobFair()
            t.steps = ["向本人推介下列岗位（线上或面对面）", "邀请附近用人单位参加定向小规模招聘会"]
        case .guidance:
            t.occupations = occupations()
            t.steps = ["开展职业指导：了解意愿，介绍下列最适合的职业方向", "明确方向后转入岗位推介或技能培训"]
        case .training:
            // One course of each kind (what it adds): the best placed of them (the list is ranked already).
            var kinds = Set<[String]>()
            t.courses = Array(found.courses.filter { kinds.insert($0.addsSkills + ["|"] + $0.addsCertificates).inserted }.prefix(rules.coursesShown))
            t.certificate = found.certificate
            t.steps = t.courses.isEmpty ? ["暂无可报名且能增加合适岗位的课程：登记培训需求"]
                : ["推荐报名下列课程（按新增合适岗位数排序）", "结业后重新匹配岗位"]
        case .entrepreneurship:
            t.postings = found.selfEmployment.map { posting($0.row, $0.score, fallback: false) }
            t.support = ["创业担保贷款", "一次性创业补贴", "创业培训（SYB）", "创业孵化基地、夜市摊位等经营场地"]
            t.steps = ["开展创业指导，介绍下列自主创业、摊位机会", "协助申请创业扶持政策"]
        case .publicWelfarePlacement:
            t.postings = found.publicWelfare.prefix(rules.postingsShown).map { posting($0.row, $0.score, fallback: true) }
            t.steps = t.postings.isEmpty ? ["暂无可安置的公益性岗位：登记待岗，持续关注市场岗位"]
                : ["市场岗位暂不能覆盖：按程序安置下列公益性岗位（兜底线、救急难）"]
        }
        return t
    }

    func distance(_ job: Job) -> Double? {
        guard !job.isRemote, let home = applicant.location ?? District.chongqing(code: applicant.district)?.centre,
              let work = job.location ?? District.chongqing(code: job.district)?.centre else { return nil }
        return (home.distanceKm(to: work) * 10).rounded() / 10
    }

    func posting(_ row: Int, _ score: Float, fallback: Bool) -> PlanPosting {
        let job = matcher.index.jobs[row]
        return PlanPosting(job: job.id, title: job.title, employer: job.employer.name, district: job.district, distanceKm: distance(job),
                           openings: job.openings, score: Recommendation.rounded(score),
                           reasons: explainer.reasons(for: subject, job: job, fallback: fallback))
    }

    /// The fitting postings (else the top list) grouped by occupation: most postings first, then best score.
    func occupations() -> [OccupationFit] {
        let pool = found.fitting.isEmpty ? found.topList.filter { !$0.isFallback }.map { ($0.row, $0.score) } : found.fitting.map { ($0.row, $0.score) }
        var groups: [String: [(Int, Float)]] = [:]
        var order: [String] = []
        for (row, score) in pool {
            let job = matcher.index.jobs[row]
            let key = job.occupation ?? job.title
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((row, score))
        }
        return order.map { key in
            let items = groups[key]!
            return OccupationFit(occupation: key, postings: items.count, bestScore: Recommendation.rounded(items[0].1),
                                 example: posting(items[0].0, items[0].1, fallback: false))
        }.sorted { $0.postings != $1.postings ? $0.postings > $1.postings : $0.bestScore > $1.bestScore }
            .prefix(rules.occupationsShown).map { $0 }
    }

    /// The employers of the person's top list and fitting postings within the radius, nearest first.
    func jobFair() -> JobFairSuggestion? {
        var byEmployer: [String: JobFairSuggestion.Employer] = [:]
        var order: [String] = []
        for row in found.topList.filter({ !$0.isFallback }).map(\.row) + found.fitting.prefix(50).map(\.row) {
            let job = matcher.index.jobs[row]
            guard let km = distance(job), km <= rules.jobFairRadiusKm else { continue }
            if byEmployer[job.employer.id] == nil {
                order.append(job.employer.id)
                byEmployer[job.employer.id] = .init(id: job.employer.id, name: job.employer.name, postings: [], distanceKm: km)
            }
            if !byEmployer[job.employer.id]!.postings.contains(job.id) { byEmployer[job.employer.id]!.postings.append(job.id) }
            byEmployer[job.employer.id]!.distanceKm = min(byEmployer[job.employer.id]!.distanceKm ?? km, km)
        }
        guard !order.isEmpty else { return nil }
        let employers = order.map { byEmployer[$0]! }.sorted { ($0.distanceKm ?? 0, $0.id) < ($1.distanceKm ?? 0, $1.id) }
        return JobFairSuggestion(district: applicant.district, employers: Array(employers.prefix(8)))
    }
}
