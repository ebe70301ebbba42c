import JobMatchCore

/// Draws applicants (援助对象) and the hidden persona behind each one.
struct ApplicantFactory {
    let configuration: MarketConfiguration
    let geography: Geography
    let catalogue = OccupationCatalogue.all

    /// Applicant `index` (0-based); uses its own random stream, so applicants do not depend on each other.
    func make(_ index: Int) -> (Applicant, Persona) {
        var rng = SeededRandom(seed: configuration.seed, stream: 1, index: index)
        let asOf = configuration.asOf
        let archetype = Archetype.allCases[Archetype.table.draw(&rng)]
        var gender: Gender = rng.chance(archetype.femaleShare) ? .female : .male
        var age = rng.int(archetype.ages)
        if archetype == .disabled, rng.chance(0.35) { age = rng.int(40...59) }
        if archetype == .longTermUnemployed || archetype == .lowIncome, gender == .male, age >= 50 { gender = .female }
        let education = Education.allCases[rng.weightedIndex(archetype.educationWeights)]
        var districtIndex = geography.homeTable.draw(&rng)
        if archetype == .ruralReturnee, !geography.isRural(districtIndex), rng.chance(0.6) {
            districtIndex = geography.homeTable.draw(&rng)
            while !geography.isRural(districtIndex) && geography.isCentral(districtIndex) { districtIndex = geography.homeTable.draw(&rng) }
        }
        let location = rng.chance(0.93) ? geography.point(in: districtIndex, scale: 1, rng: &rng) : nil

        let disability = archetype == .disabled ? Self.drawDisability(&rng) : nil
        let groups = drawGroups(archetype: archetype, gender: gender, age: age, rng: &rng)
        let capacity = drawCapacity(archetype: archetype, disability: disability, age: age, rng: &rng)
        let intent = Intent.allCases[rng.weightedIndex(archetype.intentWeights)]

        // Past jobs, and the skills and certificates that follow from them.
        let weights = occupationWeights(gender: gender, education: education, age: age, disability: disability)
        let table = WeightedTable(weights)
        var experience: [Experience] = []
        var years: [Int: Double] = [:]
        var skills: [String] = []
        var certificates: [String] = []
        var sectors: Set<Sector> = []
        let maxYears = Double(max(1, age - 17))
        for _ in 0..<rng.int(archetype.pastJobs) {
            let o = table.draw(&rng)
            guard years[o] == nil else { continue }
            let occupation = catalogue[o]
            let y = min(maxYears, (rng.uniform(0.5, archetype == .graduate ? 1.5 : 12) * 2).rounded() / 2)
            years[o] = y
            sectors.insert(occupation.sector)
            experience.append(Experience(title: rng.pick(occupation.titles), occupation: rng.chance(0.85) ? occupation.code : nil, years: y))
            for skill in occupation.skills where !skills.contains(skill) && rng.chance(0.85) { skills.append(skill) }
            for skill in occupation.preferredSkills where !skills.contains(skill) && rng.chance(0.4) { skills.append(skill) }
            for certificate in occupation.certificates where !certificates.contains(certificate) && rng.chance(min(0.9, occupation.certificateShare + 0.1)) {
                certificates.append(certificate)
            }
        }
        if education.rank >= Education.college.rank, !skills.contains("办公软件"), rng.chance(0.6) { skills.append("办公软件") }
        if !certificates.contains("健康证"), rng.chance(0.15) { certificates.append("健康证") }
        if gender == .male, !certificates.contains("C1驾驶证"), rng.chance(age < 55 ? 0.3 : 0.15) { certificates.append("C1驾驶证") }
        if archetype == .graduate, rng.chance(0.25) { skills.append(rng.pick(["短视频剪辑", "电商运营", "会计", "直播带货", "普通话"])) }

        let preferences = drawPreferences(
            archetype: archetype, groups: groups, intent: intent, capacity: capacity, districtIndex: districtIndex,
            pastOccupations: Array(years.keys).sorted(), table: table, disability: disability, rng: &rng
        )
        let registeredAt = asOf.shifted(days: -rng.uniform(0, Double(configuration.days) + 240).rounded(.down) - rng.uniform(0, 0.5))
        let writtenSkills = skills.map { SkillSynonyms.written($0, share: 0.3, rng: &rng) }
        var applicant = Applicant(
            id: Self.id(index), gender: gender, birthYear: asOf.year - age, district: geography.districts[districtIndex].code,
            location: location, education: education, disability: disability, groups: groups,
            skills: writtenSkills, certificates: certificates, experience: experience, preferences: preferences,
            intent: rng.chance(0.9) ? intent : nil, workCapacity: capacity == .full && rng.chance(0.5) ? nil : capacity,
            profileText: nil, status: .seeking, updatedAt: registeredAt
        )
        applicant.profileText = ProfileText.write(applicant, archetype: archetype, age: age, geography: geography, districtIndex: districtIndex, rng: &rng)
        let persona = Persona(
            archetype: archetype, skills: Set(skills), certificates: Set(certificates), experienceYears: years,
            sectors: sectors, districtIndex: districtIndex, registeredAt: registeredAt,
            activity: rng.uniform(0.5, 1.5) * (intent == .active ? 1 : intent == .uncertain ? 0.45 : 0.7)
        )
        return (applicant, persona)
    }

    static func id(_ index: Int) -> String {
        let digits = String(index + 1)
        return "A" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// Categories after the second national disability sample survey, adjusted to people of working age who seek work.
    static func drawDisability(_ rng: inout SeededRandom) -> Disability {
        let categories: [DisabilityCategory] = [.physical, .hearing, .visual, .speech, .intellectual, .mental]
        var chosen = [categories[rng.weightedIndex([40, 19, 14, 4, 12, 9])]]
        if rng.chance(0.07) {
            let second = categories[rng.weightedIndex([30, 30, 10, 20, 5, 5])]
            if second != chosen[0] { chosen.append(second) }
        }
        if chosen.contains(.hearing), !chosen.contains(.speech), rng.chance(0.25) { chosen.append(.speech) }
        let grade = 1 + rng.weightedIndex([8, 20, 36, 36])
        return Disability(categories: chosen, grade: grade)
    }

    func drawGroups(archetype: Archetype, gender: Gender, age: Int, rng: inout SeededRandom) -> [AssistanceGroup] {
        var set: Set<AssistanceGroup> = []
        for (group, chance) in archetype.groupChances where rng.chance(chance) { set.insert(group) }
        let older = gender == .female ? age >= 40 : age >= 50
        if older, rng.chance(archetype == .olderWoman || archetype == .olderMan ? 0.95 : 0.7) { set.insert(.olderWorker) }
        if archetype == .graduate { set.remove(.olderWorker) }
        if set.isEmpty { set.insert(.registeredUnemployed) }
        return AssistanceGroup.allCases.filter(set.contains)
    }

    func drawCapacity(archetype: Archetype, disability: Disability?, age: Int, rng: inout SeededRandom) -> WorkCapacity {
        if let disability {
            if disability.isSevere { return WorkCapacity.allCases[rng.weightedIndex([15, 45, 40])] }
            return WorkCapacity.allCases[rng.weightedIndex([62, 33, 5])]
        }
        switch archetype {
        case .stayAtHomeParent: return WorkCapacity.allCases[rng.weightedIndex([35, 55, 10])]
        case .olderWoman, .olderMan: return WorkCapacity.allCases[rng.weightedIndex([age >= 55 ? 70 : 82, age >= 55 ? 25 : 16, 2])]
        default: return WorkCapacity.allCases[rng.weightedIndex([90, 9, 1])]
        }
    }

    /// How likely a person of this kind is to have done each occupation.
    func occupationWeights(gender: Gender, education: Education, age: Int, disability: Disability?) -> [Double] {
        catalogue.map { o in
            var w = o.weight * (gender == .female ? o.femaleShare : 1 - o.femaleShare) + 0.02
            let gap = education.rank - o.typicalEducation.rank
            if let minimum = o.educationMin, minimum.rank > education.rank { w *= 0.05 } else if gap < -1 { w *= 0.15 } else if gap > 2 { w *= 0.3 }
            if let limit = o.ageMax, age > limit + 5 { w *= 0.5 }
            if o.jobTypes == [.publicWelfare] || o.jobTypes == [.selfEmployment] { w *= 0.3 }
            if let disability, !HardRules.excludedCategories(disability, demands: o.demands, accommodations: Set(o.accommodations)).isEmpty {
                w *= 0.1
            }
            return w
        }
    }
}
