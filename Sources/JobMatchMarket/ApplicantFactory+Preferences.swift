import JobMatchCore

extension ApplicantFactory {
    /// What the person asks for: job types, occupations, pay, commute and schedule; each field is sometimes left blank.
    func drawPreferences(
        archetype: Archetype, groups: [AssistanceGroup], intent: Intent, capacity: WorkCapacity, districtIndex: Int,
        pastOccupations: [Int], table: WeightedTable, disability: Disability?, rng: inout SeededRandom
    ) -> Preferences {
        var preferences = Preferences()
        if rng.chance(0.82) {
            var types: [JobType] = []
            for (type, chance) in archetype.jobTypeChances where rng.chance(chance) {
                if type == .publicWelfare, !groups.contains(where: AssistanceGroup.publicWelfareEligible.contains) { continue }
                types.append(type)
            }
            if intent == .entrepreneurial, !types.contains(.selfEmployment) { types.append(.selfEmployment) }
            if capacity == .limited { types.removeAll { $0 == .fullTime } }
            if types.isEmpty { types = [capacity == .limited ? .partTime : .fullTime] }
            preferences.jobTypes = JobType.allCases.filter(types.contains)
        }
        if rng.chance(0.85) {
            var codes: [String] = []
            for o in pastOccupations where rng.chance(0.6) { codes.append(catalogue[o].code) }
            let extra = rng.int(codes.isEmpty ? 1...3 : 0...2)
            for _ in 0..<extra {
                let code = catalogue[table.draw(&rng)].code
                if !codes.contains(code) { codes.append(code) }
            }
            if intent == .entrepreneurial, rng.chance(0.6) {
                codes.append(rng.pick(["night_market_stall", "street_food_vendor", "online_shop_owner", "courier_station_keeper", "repair_stall"]))
            }
            var seen: Set<String> = []
            preferences.occupations = codes.filter { seen.insert($0).inserted }
        }
        if rng.chance(0.85) {
            var wish = rng.uniform(archetype.wageWish)
            if capacity != .full { wish *= 0.75 }
            if geography.isRural(districtIndex) { wish *= 0.9 }
            preferences.minMonthlyWage = (wish / 100).rounded() * 100
        }
        if rng.chance(0.8) {
            var km: Double = geography.isCentral(districtIndex) ? rng.uniform(6, 22) : geography.isRural(districtIndex) ? rng.uniform(4, 25) : rng.uniform(5, 20)
            if archetype == .stayAtHomeParent { km = min(km, rng.uniform(2, 8)) }
            if disability != nil || capacity == .limited { km = min(km, rng.uniform(2, 12)) }
            if archetype == .graduate { km = max(km, rng.uniform(10, 30)) }
            preferences.maxCommuteKm = km.rounded()
        }
        if rng.chance(0.6) {
            var schedule: [Schedule] = [.day]
            if archetype == .stayAtHomeParent { schedule = rng.chance(0.6) ? [.day, .flexible] : [.flexible] }
            if rng.chance(0.2) { schedule.append(.weekend) }
            if rng.chance(0.12), archetype != .stayAtHomeParent { schedule.append(.evening) }
            if rng.chance(0.06), archetype == .olderMan || archetype == .longTermUnemployed { schedule.append(.night) }
            preferences.schedule = Schedule.allCases.filter(schedule.contains)
        }
        return preferences
    }
}
