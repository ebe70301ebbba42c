@testable import JobMatchCore

/// A small random market for tests, with every field the rules look at drawn over its edge values.
struct TestMarket {
    var generator: SeededGenerator
    let asOf = Timestamp(rfc3339: "2026-11-15T09:00:00+08:00")!

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
    mutating func chance(_ p: Double) -> Bool { generator.nextUnit() < p }
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * generator.nextUnit() }

    static let skills = ["保洁", "清洁工", "保洁员", "收银", "收银员", "叉车", "叉车工", "保安", "安保", "厨师", "帮厨",
                         "搬运", "快递", "电工", "缝纫", "家政", "养老护理", "客服", "电商直播", "手工", "forklift", "外卖骑手"]
    static let certificates = ["健康证", "电工证", "叉车证", "保安员证", "驾驶证"]
    static let titles = ["商场保洁员", "超市收银员", "仓库叉车工", "小区保安", "餐厅帮厨", "快递分拣员", "社区养老护理员",
                         "电话客服", "服装厂缝纫工", "夜市摊位", "居家手工串珠", "公益性岗位：社区保洁", "网店客服（居家）"]
    static let districts = District.chongqing.map(\.code)

    mutating func point(near district: String) -> GeoPoint {
        let centre = District.chongqing(code: district)!.centre
        return GeoPoint(lat: centre.lat + uniform(-0.15, 0.15), lng: centre.lng + uniform(-0.15, 0.15))
    }

    mutating func applicant(_ n: Int) -> Applicant {
        let district = pick(Self.districts)
        let disability: Disability? = chance(0.3)
            ? Disability(categories: Array(Set((0..<Int(1 + generator.next() % 2)).map { _ in pick(DisabilityCategory.allCases) })).sorted { $0.rawValue < $1.rawValue },
                         grade: Int(1 + generator.next() % 4))
            : nil
        var groups: [AssistanceGroup] = []
        for group in AssistanceGroup.allCases where chance(0.2) { groups.append(group) }
        let wage: Double? = chance(0.6) ? pick([1800, 2500, 3000, 3500, 4000, 5000, 6000]) : nil
        let commute: Double? = chance(0.5) ? pick([0, 1, 5, 10, 20, 50, 200]) : nil
        return Applicant(
            id: "A\(1000 + n)", gender: pick(Gender.allCases), birthYear: Int(1955 + generator.next() % 52), district: district,
            location: chance(0.8) ? point(near: district) : nil, education: pick(Education.allCases), disability: disability,
            groups: groups, skills: (0..<Int(generator.next() % 4)).map { _ in pick(Self.skills) },
            certificates: chance(0.4) ? [pick(Self.certificates)] : [],
            experience: chance(0.5) ? [Experience(title: pick(Self.titles), years: uniform(0.5, 10))] : [],
            preferences: Preferences(
                jobTypes: chance(0.5) ? [pick(JobType.allCases)] : [], occupations: chance(0.3) ? [pick(["保洁", "收银员", "保安"])] : [],
                minMonthlyWage: wage, maxCommuteKm: commute, schedule: chance(0.5) ? [pick(Schedule.allCases)] : []
            ),
            intent: chance(0.8) ? pick(Intent.allCases) : nil, workCapacity: chance(0.7) ? pick(WorkCapacity.allCases) : nil,
            profileText: chance(0.5) ? "做过\(pick(Self.titles))，希望离家近" : nil,
            status: .seeking, updatedAt: asOf.adding(days: -30)
        )
    }

    mutating func job(_ n: Int) -> Job {
        let district = pick(Self.districts)
        var demands = Demands()
        for kind in Demands.Kind.allCases where chance(0.5) { demands[kind] = pick(DemandLevel.allCases) }
        let posted = asOf.adding(days: pick([-60, -10, -1, 0, 1]))
        let expires = pick([asOf, asOf.adding(days: 30), asOf.adding(days: -1), asOf.adding(seconds: 1)])
        let unit = pick(WageUnit.allCases)
        let base: Double = switch unit { case .month: 3500; case .day: 150; case .hour: 20; case .piece: 2 }
        return Job(
            id: "J\(10000 + n)", employer: Employer(id: "E\(n % 50)", name: "雇主\(n % 50)", disabilityLevyPayer: chance(0.3) ? true : nil),
            title: pick(Self.titles), description: chance(0.5) ? "工作轻松，\(pick(Self.skills))优先" : nil,
            occupation: chance(0.5) ? pick(["4-07-99", "4-01-02", "保洁员", "x-unknown"]) : nil,
            district: district, location: chance(0.8) ? point(near: district) : nil, remote: chance(0.1) ? true : (chance(0.3) ? false : nil),
            jobType: pick(JobType.allCases), schedule: chance(0.7) ? [pick(Schedule.allCases)] : [],
            hoursPerWeek: chance(0.7) ? pick([8, 20, 20.5, 30, 40, 40.01, 48]) : nil,
            wage: chance(0.8) ? Wage(min: base * uniform(0.8, 1.2), max: chance(0.5) ? base * 1.5 : nil, unit: unit) : nil,
            educationMin: chance(0.4) ? pick(Education.allCases) : nil,
            age: chance(0.4) ? AgeRange(min: chance(0.5) ? pick([16, 18, 30, 40]) : nil, max: chance(0.6) ? pick([35, 45, 50, 55, 60, 70]) : nil) : nil,
            skillsRequired: (0..<Int(generator.next() % 3)).map { _ in pick(Self.skills) },
            skillsPreferred: chance(0.3) ? [pick(Self.skills)] : [],
            certificatesRequired: chance(0.3) ? [pick(Self.certificates)] : [],
            demands: chance(0.8) ? demands : nil,
            accommodations: Accommodation.allCases.filter { _ in chance(0.25) },
            tags: JobTag.allCases.filter { _ in chance(0.25) },
            openings: 1, postedAt: posted, expiresAt: expires,
            status: chance(0.85) ? .open : pick([.filled, .closed])
        )
    }

    mutating func market(applicants: Int, jobs: Int) -> ([Applicant], [Job]) {
        ((0..<applicants).map { applicant($0) }, (0..<jobs).map { job($0) })
    }
}
