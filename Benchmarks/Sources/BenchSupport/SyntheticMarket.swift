import JobMatchCore

/// A deterministic synthetic market at benchmark scale (200,000 jobs), with realistic field mixes:
/// Chinese titles and skills, locations around district centres, demands, tags, limits.
public struct SyntheticMarket: Sendable {
    public let applicants: [Applicant]
    public let jobs: [Job]
    public let asOf = Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!

    static let skills = ["保洁", "收银", "叉车", "保安", "厨师", "帮厨", "搬运", "快递", "电工", "缝纫", "家政", "养老护理",
                         "客服", "电商", "手工", "焊工", "仓管", "司机", "绿化", "维修", "美发", "包装", "质检", "文员"]
    static let places = ["商场", "超市", "小区", "仓库", "工厂", "餐厅", "医院", "学校", "社区", "物流园", "酒店", "写字楼"]
    static let roles = ["保洁员", "收银员", "叉车工", "保安", "帮厨", "分拣员", "护理员", "客服", "缝纫工", "电工", "司机", "店员"]
    static let certificates = ["健康证", "电工证", "叉车证", "保安员证", "C1驾驶证"]

    public init(applicants applicantCount: Int, jobs jobCount: Int, seed: UInt64 = 2026) {
        var g = SeededGenerator(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
        func chance(_ p: Double) -> Bool { g.nextUnit() < p }
        let districts = District.chongqing
        let asOf = Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!
        func near(_ d: District) -> GeoPoint {
            GeoPoint(lat: d.centre.lat + (g.nextUnit() - 0.5) * 0.2, lng: d.centre.lng + (g.nextUnit() - 0.5) * 0.2)
        }
        var jobs: [Job] = []
        jobs.reserveCapacity(jobCount)
        for n in 0..<jobCount {
            let d = pick(districts)
            var demands = Demands()
            for kind in Demands.Kind.allCases where chance(0.4) { demands[kind] = pick(DemandLevel.allCases) }
            let role = pick(Self.roles)
            jobs.append(Job(
                id: "J\(String(1_000_000 + n))", employer: Employer(id: "E\(n % 5000)", name: "企业\(n % 5000)"),
                title: pick(Self.places) + role, description: "\(pick(Self.places))招聘\(role)，要求\(pick(Self.skills))，待遇从优",
                occupation: "occ-\(n % 90)", district: d.code, location: chance(0.9) ? near(d) : nil, remote: chance(0.03),
                jobType: pick(JobType.allCases), schedule: [pick(Schedule.allCases)],
                hoursPerWeek: chance(0.8) ? pick([16, 20, 30, 40, 44, 48]) : nil,
                wage: Wage(min: Double(1800 + g.next() % 4000), max: nil, unit: .month),
                educationMin: chance(0.3) ? pick(Education.allCases) : nil,
                age: chance(0.3) ? AgeRange(min: 18, max: pick([40, 45, 50, 55, 60])) : nil,
                skillsRequired: [pick(Self.skills)], skillsPreferred: chance(0.3) ? [pick(Self.skills)] : [],
                certificatesRequired: chance(0.2) ? [pick(Self.certificates)] : [],
                demands: demands, accommodations: Accommodation.allCases.filter { _ in chance(0.1) },
                tags: JobTag.allCases.filter { _ in chance(0.15) }, openings: 1,
                postedAt: asOf.adding(days: -Double(g.next() % 60)), expiresAt: asOf.adding(days: Double(g.next() % 60) - 5),
                status: chance(0.9) ? .open : .filled
            ))
        }
        var applicants: [Applicant] = []
        applicants.reserveCapacity(applicantCount)
        for n in 0..<applicantCount {
            let d = pick(districts)
            let skills = (0..<Int(1 + g.next() % 3)).map { _ in pick(Self.skills) }
            applicants.append(Applicant(
                id: "A\(String(1_000_000 + n))", gender: pick(Gender.allCases), birthYear: Int(1962 + g.next() % 45),
                district: d.code, location: chance(0.9) ? near(d) : nil, education: pick(Education.allCases),
                disability: chance(0.15) ? Disability(categories: [pick(DisabilityCategory.allCases)], grade: Int(1 + g.next() % 4)) : nil,
                groups: AssistanceGroup.allCases.filter { _ in chance(0.15) }, skills: skills,
                certificates: chance(0.3) ? [pick(Self.certificates)] : [],
                experience: [Experience(title: pick(Self.roles), years: 2)],
                preferences: Preferences(jobTypes: chance(0.5) ? [pick(JobType.allCases)] : [], minMonthlyWage: chance(0.6) ? 3000 : nil,
                                         maxCommuteKm: chance(0.5) ? pick([5, 10, 20, 50]) : nil, schedule: chance(0.5) ? [.day] : []),
                workCapacity: pick(WorkCapacity.allCases), profileText: "做过\(pick(Self.roles))，会\(skills.joined(separator: "、"))",
                status: .seeking, updatedAt: asOf
            ))
        }
        self.applicants = applicants
        self.jobs = jobs
    }
}
