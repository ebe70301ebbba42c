import JobMatchCore

/// Draws job postings from the occupation catalogue, with employers, pay, demands and dates.
struct JobFactory {
    let configuration: MarketConfiguration
    let geography: Geography
    let catalogue = OccupationCatalogue.all
    let urbanTable: WeightedTable
    let ruralTable: WeightedTable

    init(configuration: MarketConfiguration, geography: Geography) {
        self.configuration = configuration
        self.geography = geography
        urbanTable = WeightedTable(OccupationCatalogue.all.map { o in
            o.sector == .agriculture || o.code == "forest_ranger" ? o.weight * 0.15 : o.weight
        })
        ruralTable = WeightedTable(OccupationCatalogue.all.map { o in
            switch o.sector {
            case .agriculture, .publicService: o.weight * 2.5
            case .office: o.weight * 0.4
            default: o.weight
            }
        })
    }

    /// Posting `index` (0-based) on its own random stream.
    func make(_ index: Int) -> JobDraft {
        var rng = SeededRandom(seed: configuration.seed, stream: 2, index: index)
        let districtIndex = geography.jobTable.draw(&rng)
        let rural = geography.isRural(districtIndex)
        let occupationIndex = (rural ? ruralTable : urbanTable).draw(&rng)
        let o = catalogue[occupationIndex]
        let jobType = o.jobTypes[rng.weightedIndex(o.jobTypeWeights)]
        let employer = makeEmployer(o, districtIndex: districtIndex, rng: &rng)

        var hours = rng.uniform(o.hours).rounded()
        switch jobType {
        case .partTime: hours = min(hours, rng.uniform(12, 30).rounded())
        case .gig: hours = rng.chance(0.5) ? min(hours, rng.uniform(8, 30).rounded()) : hours
        case .publicWelfare: hours = rng.chance(0.6) ? 20 : rng.pick([24, 30, 36, 40])
        default: break
        }
        var monthly = rng.uniform(o.monthlyWage)
        if rural { monthly *= 0.88 }
        if jobType == .partTime || (jobType == .gig && hours < 35) { monthly *= hours / 44 }
        let wage = makeWage(o, jobType: jobType, monthly: monthly, hours: hours, rng: &rng)

        var schedule = rng.sample(o.schedules, count: rng.int(1...max(1, min(2, o.schedules.count))))
        if jobType == .gig || jobType == .partTime, rng.chance(0.4), !schedule.contains(.flexible) { schedule.append(.flexible) }
        schedule = Schedule.allCases.filter(schedule.contains)

        var demands = o.demands
        for kind in Demands.Kind.allCases where rng.chance(0.08) {
            let level = demands[kind].rawLevel + (rng.chance(0.5) ? 1 : -1)
            demands[kind] = [DemandLevel.none, .low, .medium, .high][max(0, min(3, level))]
        }
        let friendlyEmployer = employer.disabilityLevyPayer == true && rng.chance(0.35)
        var accommodations = o.accommodations.filter { _ in rng.chance(friendlyEmployer ? 0.85 : 0.5) }
        if friendlyEmployer, accommodations.isEmpty { accommodations.append(rng.pick([.restBreaks, .flexibleHours, .jobCoach, .wheelchairAccess])) }
        accommodations = Accommodation.allCases.filter(accommodations.contains)
        var tags = o.tags.filter { _ in rng.chance(0.65) }
        if friendlyEmployer, !tags.contains(.disabilityFriendly), !accommodations.isEmpty { tags.append(.disabilityFriendly) }
        if tags.contains(.disabilityFriendly), accommodations.isEmpty, demands.stated.values.contains(.high) { tags.removeAll { $0 == .disabilityFriendly } }
        if (jobType == .gig || jobType == .partTime), schedule.contains(.flexible), !tags.contains(.flexible), rng.chance(0.5) { tags.append(.flexible) }
        tags = JobTag.allCases.filter(tags.contains)

        var age: AgeRange?
        let ageFriendly = tags.contains(.ageFriendly)
        if let limit = o.ageMax, rng.chance(ageFriendly ? 0.2 : 0.5) {
            age = AgeRange(min: rng.chance(0.4) ? 18 : nil, max: ageFriendly ? max(limit, 60) : limit - rng.pick([0, 0, 5]))
        } else if rng.chance(0.08) {
            age = AgeRange(min: rng.pick([16, 18, 18, 20]), max: nil)
        }
        var educationMin = rng.chance(0.65) ? o.educationMin : nil
        if educationMin == nil, o.typicalEducation.rank >= Education.college.rank, rng.chance(0.3) { educationMin = .seniorHigh }

        let required = o.skills.prefix(rng.int(0...min(2, o.skills.count))).map { $0 }
        let preferred = (o.skills.dropFirst(required.count) + o.preferredSkills).filter { _ in rng.chance(0.6) }
        let certificates = rng.chance(o.certificateShare) ? o.certificates.filter { _ in rng.chance(0.7) }.prefix(2).map { $0 } : []

        let (postedAt, expiresAt, closedAt) = makeDates(jobType: jobType, rng: &rng)
        let openings = jobType == .publicWelfare ? rng.int(1...4) : [1, 1, 1, 1, 2, 2, 3, 3, 5, rng.int(4...15)][rng.index(10)]
        let remote: Bool? = (o.code == "online_customer_service" || o.code == "online_shop_owner") ? rng.chance(0.6) : (rng.chance(0.1) ? false : nil)
        let title = JobText.title(o, jobType: jobType, geography: geography, districtIndex: districtIndex, rng: &rng)
        var location = geography.point(in: districtIndex, scale: 0.7, rng: &rng)
        if remote == true, rng.chance(0.3) { location = geography.districts[districtIndex].centre }

        var job = Job(
            id: Self.id(index), employer: employer, title: title, description: nil, occupation: rng.chance(0.92) ? o.code : nil,
            district: geography.districts[districtIndex].code, location: rng.chance(0.96) ? location : nil, remote: remote,
            jobType: jobType, schedule: schedule, hoursPerWeek: rng.chance(0.9) ? hours : nil, wage: wage, educationMin: educationMin,
            age: age, skillsRequired: required, skillsPreferred: preferred, certificatesRequired: certificates,
            demands: rng.chance(0.85) ? demands : nil, accommodations: accommodations, tags: tags, openings: openings,
            postedAt: postedAt, expiresAt: expiresAt, status: .open
        )
        if job.demands == nil, demands.stated.contains(where: { $0.value > .low }) { job.demands = demands }
        job.description = JobText.description(job, occupation: o, monthly: monthly, rng: &rng)
        return JobDraft(job: job, occupationIndex: occupationIndex, districtIndex: districtIndex, monthlyWage: monthly, closedAt: closedAt)
    }

    static func id(_ index: Int) -> String {
        let digits = String(index + 1)
        return "J" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
}
