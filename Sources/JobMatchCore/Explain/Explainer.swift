/// Builds the reasons of a recommendation from the exact facts of the pair (not from the hashed vectors),
/// in a fixed order: fallback, wishes, skills, distance, wage, schedule, hours, suitability, certificates.
public struct Explainer: Sendable {
    public let model: MatchModel

    public init(model: MatchModel) { self.model = model }

    /// The applicant's side of the explanations, worked out once per list rather than once per job.
    public struct Subject: Sendable {
        let applicant: Applicant
        let profile: ApplicantProfile
        let traits: Set<ApplicantTrait>
    }

    /// The applicant's facts for explaining any number of jobs at `asOf`.
    public func subject(_ a: Applicant, asOf: Timestamp) -> Subject {
        Subject(applicant: a, profile: ApplicantProfile(a, vocabulary: model.skills),
                traits: ApplicantTrait.traits(of: a, at: asOf, configuration: model.configuration))
    }

    public func reasons(applicant a: Applicant, job j: Job, asOf: Timestamp, fallback: Bool) -> [Reason] {
        reasons(for: subject(a, asOf: asOf), job: j, fallback: fallback)
    }

    /// A posting's side of the explanations (its occupations, skills and monthly wage as the vocabulary reads
    /// them), worked out once per posting rather than once per list it is in (the nightly batch).
    public struct Posting: Sendable {
        let job: Job
        let occupations: [String]
        /// The skills it asks for or prefers (and the terms of its title).
        let skills: [String]
        let monthlyWage: Double?
    }

    /// The posting's facts for explaining it in any number of lists.
    public func posting(_ j: Job) -> Posting {
        let profile = JobProfile(j, vocabulary: model.skills)
        return Posting(job: j, occupations: Array(profile.occupations.keys),
                       skills: profile.skills.filter { $0.value >= 0.5 }.map(\.key), monthlyWage: profile.monthlyWage)
    }

    /// The reasons for one job of a subject's list.
    public func reasons(for subject: Subject, job j: Job, fallback: Bool) -> [Reason] {
        reasons(for: subject, posting: posting(j), fallback: fallback)
    }

    /// The reasons for one posting of a subject's list (``posting(_:)`` worked out beforehand).
    public func reasons(for subject: Subject, posting: Posting, fallback: Bool) -> [Reason] {
        var reasons: [Reason] = []
        let a = subject.applicant
        let j = posting.job
        let vocabulary = model.skills
        let applicantProfile = subject.profile
        let traits = subject.traits

        if fallback {
            reasons.append(Reason(code: Reason.Code.publicWelfareFallback, text: "公益性岗位：市场岗位暂不合适时的托底安置"))
        } else if j.jobType == .publicWelfare {
            reasons.append(Reason(code: Reason.Code.publicWelfareWish, text: "公益性岗位：本人愿意从事"))
        }
        let wished = posting.occupations.filter { (applicantProfile.occupationWishes[$0] ?? 0) >= 1 }
        if !wished.isEmpty {
            let names = wished.filter { !$0.hasPrefix("code:") }.sorted()
            reasons.append(Reason(code: Reason.Code.occupationWish,
                                  text: "符合求职意向：" + (names.isEmpty ? j.title : names.joined(separator: "、"))))
        }
        // A public-welfare post's wish is `public_welfare_wish` (sensitive): "符合意向岗位类型：公益性岗位" would say
        // the same under a code every push and evaluator sees.
        if a.preferences.jobTypes.contains(j.jobType), j.jobType != .publicWelfare {
            reasons.append(Reason(code: Reason.Code.jobTypeWish, text: "符合意向岗位类型：" + ChineseLabels.jobType(j.jobType)))
        }
        let asked = posting.skills
        let matched = applicantProfile.skills.keys.filter { asked.contains($0) }.sorted()
        if !matched.isEmpty {
            reasons.append(Reason(code: Reason.Code.skillsMatch, text: "技能匹配：" + matched.joined(separator: "、"),
                                  value: Double(matched.count)))
        }
        if j.isRemote {
            reasons.append(Reason(code: Reason.Code.remote, text: "可居家办公，无需通勤"))
        } else if let distance = Self.distanceKm(a, j) {
            let estimated = a.location == nil || j.location == nil
            let rounded = (distance.km * 10).rounded() / 10
            reasons.append(Reason(code: Reason.Code.distance,
                                  text: "距离约 \(ChineseLabels.oneDecimal(rounded)) 公里" + (estimated ? "（按区县中心估算）" : ""),
                                  value: rounded))
        }
        if let monthly = posting.monthlyWage {
            let shown = Int((monthly / 10).rounded()) * 10
            if let wish = a.preferences.minMonthlyWage {
                if monthly >= wish {
                    reasons.append(Reason(code: Reason.Code.wageMeetsWish, text: "月薪约 \(shown) 元，达到期望（\(Int(wish)) 元）", value: Double(shown)))
                } else {
                    reasons.append(Reason(code: Reason.Code.wageBelowWish, text: "月薪约 \(shown) 元，低于期望 \(Int(wish)) 元", value: Double(shown)))
                }
            } else {
                reasons.append(Reason(code: Reason.Code.wage, text: "月薪约 \(shown) 元", value: Double(shown)))
            }
        }
        let schedules = Schedule.allCases.filter { a.preferences.schedule.contains($0) && j.schedule.contains($0) }
        if !schedules.isEmpty {
            reasons.append(Reason(code: Reason.Code.scheduleMatch, text: "班次符合：" + schedules.map(ChineseLabels.schedule).joined(separator: "、")))
        }
        if a.effectiveCapacity != .full, let hours = j.hoursPerWeek {
            reasons.append(Reason(code: Reason.Code.hoursFit, text: "每周约 \(Int(hours.rounded())) 小时，符合工作能力", value: hours))
        }
        if traits.contains(.older), j.has(.ageFriendly) {
            reasons.append(Reason(code: Reason.Code.tagAgeFriendly, text: "适合大龄劳动者"))
        }
        if traits.contains(.disabled), j.has(.disabilityFriendly) {
            reasons.append(Reason(code: Reason.Code.tagDisabilityFriendly, text: "残疾人友好岗位"))
        }
        let helpful = (a.disability?.categories ?? []).flatMap(ChineseLabels.helpful(for:))
        let offered = Accommodation.allCases.filter { helpful.contains($0) && j.offers($0) }
        if !offered.isEmpty {
            reasons.append(Reason(code: Reason.Code.accommodation, text: "提供便利：" + offered.map(ChineseLabels.accommodation).joined(separator: "、")))
        }
        if j.has(.doorstep), traits.contains(.parentAtHome) || traits.contains(.older) || traits.contains(.disabled) {
            reasons.append(Reason(code: Reason.Code.doorstep, text: "家门口就业"))
        }
        if traits.contains(.parentAtHome) || traits.contains(.reducedCapacity),
           j.has(.flexible) || j.jobType == .gig || j.offers(.flexibleHours)
        {
            reasons.append(Reason(code: Reason.Code.flexible, text: traits.contains(.parentAtHome) ? "时间灵活，便于兼顾家庭" : "时间灵活"))
        }
        if traits.contains(.entrepreneurial), j.jobType == .selfEmployment {
            reasons.append(Reason(code: Reason.Code.selfEmployment, text: "自主创业机会，符合创业意愿"))
        }
        let missing = j.certificatesRequired.filter { !applicantProfile.certificates.contains(vocabulary.canonical($0)) }
        if !missing.isEmpty {
            reasons.append(Reason(code: Reason.Code.certificateMissing, text: "需取得：" + missing.joined(separator: "、"),
                                  value: Double(missing.count)))
        }
        return reasons
    }

    /// Distance between home and work, from exact locations or else district centres.
    static func distanceKm(_ a: Applicant, _ j: Job) -> (km: Double, exact: Bool)? {
        guard let home = a.location ?? District.chongqing(code: a.district)?.centre,
              let work = j.location ?? District.chongqing(code: j.district)?.centre
        else { return nil }
        return (home.distanceKm(to: work), a.location != nil && j.location != nil)
    }
}
