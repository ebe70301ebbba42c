import JobMatchCore

/// One person's record of assistance (`services.jsonl`), drawn after the simulation on the person's stream 23 from
/// what happened to them, between their registration (or the period's start) and `as_of`:
///
/// - `referral` for every `recommended` event (same time and posting);
/// - `immediate_help` for members of a zero-employment household: within two days of the start, then every 3–5 weeks
///   (60%) until the household is cleared;
/// - `guidance` for undecided people (70%) and the long-term unemployed (30%), within their first 30 days;
/// - `training_enrolled` / `training_completed` (``TrainingEnrolment``);
/// - `entrepreneurship` for entrepreneurial people (65%);
/// - `public_welfare_placement` for every hire into a public-welfare post (the post in `job`), and `policy` after it (80%);
///   `policy` after other hires of older, disabled or long-term unemployed people (25%);
/// - `follow_up` 30 (±3), 90 (±5) and 180 (±7) days after a hire (85/75/65%), and 2–10 days after a separation (75%);
/// - `job_fair` for 8% of the people seeking at `as_of`; `counseling` for 6% of the long-term unemployed and 15% of
///   people with a mental disability.
///
/// Entries name the person's caseworker (``StaffRoster``) in `by`, 85% of the time.
struct ServiceHistory {
    let configuration: MarketConfiguration
    let roster: StaffRoster
    let jobs: [String: Job]
    let enrolment: TrainingEnrolment

    func entries(for index: Int, applicant a: inout Applicant, registeredAt: Timestamp, events: [Interaction], districtIndex: Int,
                 zeroEmploymentUntil: Timestamp??) -> [ServiceRecord] {
        var rng = SeededRandom(seed: configuration.seed, stream: 23, index: index)
        let asOf = configuration.asOf
        let from = max(configuration.periodStart, registeredAt)
        let staff = roster.caseworker(district: districtIndex, person: index)
        var out: [ServiceRecord] = []
        func add(_ kind: ServiceKind, _ at: Timestamp, note: String? = nil, job: String? = nil, training: String? = nil) {
            guard at >= from, at < asOf else { return }
            let by = rng.chance(0.85) ? staff : nil
            out.append(ServiceRecord(applicant: a.id, kind: kind, at: at, by: by, note: note, job: job, training: training))
        }
        for e in events where e.event == .recommended {
            add(.referral, e.at, note: rng.chance(0.5) ? rng.pick(["电话推介", "线上推送岗位信息", "窗口面对面推介"]) : nil, job: e.job)
        }
        if let until = zeroEmploymentUntil {
            let end = min(until ?? asOf, asOf)
            var at = from.shifted(days: rng.uniform(0, 2))
            var first = true
            while at < end {
                if first || rng.chance(0.6) {
                    add(.immediateHelp, at, note: rng.pick(["上门走访，登记家庭成员就业意愿", "推送就近岗位，优先安排面试", "电话联系，了解求职进展"]))
                }
                first = false
                at = at.shifted(days: rng.uniform(21, 35))
            }
        }
        if a.effectiveIntent == .uncertain ? rng.chance(0.7) : (a.isIn(.longTermUnemployed) && rng.chance(0.3)) {
            add(.guidance, from.shifted(days: rng.uniform(1, 30)), note: rng.pick(["职业指导：分析求职方向", "职业能力测评", "讲解求职技巧和面试准备"]))
        }
        for (kind, at, course) in enrolment.enrol(&a, from: from, rng: &rng) { add(kind, at, training: course) }
        if a.effectiveIntent == .entrepreneurial, rng.chance(0.65) {
            add(.entrepreneurship, from.shifted(days: rng.uniform(3, 60)),
                note: rng.pick(["创业指导：夜市摊位申请", "创业担保贷款政策咨询", "推荐入驻创业孵化基地"]))
        }
        for e in events {
            switch e.event {
            case .hired:
                if jobs[e.job]?.jobType == .publicWelfare {
                    add(.publicWelfarePlacement, e.at, job: e.job)
                    if rng.chance(0.8) { add(.policy, e.at.shifted(days: rng.uniform(1, 10)), note: "公益性岗位补贴、社会保险补贴申领") }
                } else if a.isIn(.olderWorker) || a.isIn(.disabled) || a.isIn(.longTermUnemployed), rng.chance(0.25) {
                    add(.policy, e.at.shifted(days: rng.uniform(3, 20)), note: "吸纳就业补贴、稳岗政策告知")
                }
                for (days, spread, share, note) in [(30.0, 3.0, 0.85, "适应期回访"), (90, 5, 0.75, "稳定期回访"), (180, 7, 0.65, "稳定期回访（半年）")]
                where rng.chance(share) {
                    add(.followUp, e.at.shifted(days: days + rng.uniform(-spread, spread)), note: note)
                }
            case .separated:
                if rng.chance(0.75) { add(.followUp, e.at.shifted(days: rng.uniform(2, 10)), note: "离职后回访，重新登记求职") }
            default: break
            }
        }
        if a.status == .seeking, rng.chance(0.08) {
            let day = from.startOfChinaDay.shifted(days: (rng.unit() * from.days(to: asOf)).rounded(.down) + 9.5 / 24)
            add(.jobFair, day, note: "定向小型招聘会")
        }
        let mental = a.disability?.categories.contains(.mental) ?? false
        if a.isIn(.longTermUnemployed) ? rng.chance(0.06) : (mental && rng.chance(0.15)) {
            add(.counseling, from.shifted(days: rng.uniform(5, 90)))
        }
        return out
    }
}
