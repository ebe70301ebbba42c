import Foundation
import JobMatchCore

/// The model of what makes a job suit a person, on a logit scale, from both sides.
///
/// Documented in `datasets/README.md` ("Suitability model"). It works on the generator's truth
/// (canonical skills, pay as a monthly figure), not on anything a matcher must share.
struct Suitability {
    let configuration: MarketConfiguration

    /// How much the person wants the job: drives viewing, applying, declining and staying.
    func interest(_ a: Applicant, _ p: Persona, _ d: JobDraft) -> Double {
        let j = d.job
        let o = OccupationCatalogue.all[d.occupationIndex]
        var s = 0.0
        if a.preferences.occupations.contains(o.code) { s += 1.2 }
        if let years = p.experienceYears[d.occupationIndex] { s += 0.5 + 0.4 * min(1, years / 3) } else if p.sectors.contains(o.sector) { s += 0.3 }
        let known = o.skills.filter(p.skills.contains).count
        s += 0.6 * Double(known) / Double(max(1, o.skills.count)) - 0.2
        if let km = distanceKm(a, j) {
            let limit = a.preferences.maxCommuteKm ?? (p.archetype == .graduate ? 20 : 12)
            s -= 1.4 * km / max(2, limit)
        }
        if let wish = a.preferences.minMonthlyWage, wish > 0 {
            let ratio = (d.monthlyWage - wish) / wish
            s += ratio < 0 ? 3 * ratio : 0.5 * min(1, ratio)
        } else {
            s += 0.2 * (d.monthlyWage - 3000) / 1000
        }
        if !a.preferences.jobTypes.isEmpty { s += a.preferences.jobTypes.contains(j.jobType) ? 0.6 : -0.9 }
        if !a.preferences.schedule.isEmpty, !j.schedule.isEmpty {
            s += j.schedule.contains(where: a.preferences.schedule.contains) ? 0.3 : -0.6
        }
        let older = a.isIn(.olderWorker)
        if older, j.has(.ageFriendly) { s += 0.5 }
        if a.disability != nil, j.has(.disabilityFriendly) { s += 0.8 }
        if a.isIn(.stayAtHomeParent), j.has(.doorstep) || j.has(.flexible) { s += 0.6 }
        if a.isIn(.stayAtHomeParent), j.schedule.contains(.night) { s -= 1.0 }
        if j.jobType == .selfEmployment { s += a.effectiveIntent == .entrepreneurial ? 1.0 : -1.0 }
        if j.jobType == .publicWelfare { s += p.archetype == .graduate ? -0.8 : 0.3 }
        if let hours = j.hoursPerWeek, a.effectiveCapacity != .full, hours > 30 { s -= 0.6 }
        if older, j.effectiveDemands[.lifting] == .high { s -= 0.5 }
        if p.archetype == .graduate, o.typicalEducation.rank < Education.seniorHigh.rank { s -= 0.7 }
        return s * configuration.suitabilityStrength
    }

    /// How much the employer wants the person: drives interviews and hires.
    func employerView(_ a: Applicant, _ p: Persona, _ d: JobDraft, at time: Timestamp) -> Double {
        let j = d.job
        let o = OccupationCatalogue.all[d.occupationIndex]
        var s = 0.0
        if !j.skillsRequired.isEmpty {
            let held = j.skillsRequired.filter(p.skills.contains).count
            s += 1.2 * Double(held) / Double(j.skillsRequired.count) - 0.5
        }
        s += 0.2 * Double(j.skillsPreferred.filter(p.skills.contains).count)
        if let years = p.experienceYears[d.occupationIndex] { s += 0.4 + 0.5 * min(1, years / 4) }
        if j.certificatesRequired.contains(where: { !p.certificates.contains($0) }) { s -= 1.6 }
        if let minimum = j.educationMin, a.education.rank > minimum.rank { s += 0.2 }
        if o.typicalEducation.rank >= Education.college.rank, a.education.rank < Education.college.rank { s -= 0.6 }
        let age = a.age(at: time)
        if age >= 50, !j.has(.ageFriendly) { s -= 0.2 + 0.04 * Double(age - 50) }
        if a.disability != nil {
            s += (j.employer.disabilityLevyPayer == true || j.has(.disabilityFriendly)) ? 0.6 : -0.5
        }
        if j.jobType == .publicWelfare, a.isIn(.zeroEmploymentHousehold) || a.isIn(.lowIncome) { s += 0.4 }
        switch a.effectiveIntent {
        case .active: s += 0.3
        case .uncertain: s -= 0.3
        case .entrepreneurial: break
        }
        if let km = distanceKm(a, j), km > 15 { s -= 0.3 }
        return s * configuration.suitabilityStrength
    }

    /// Great-circle distance home to work, when both are known and the job is not remote.
    func distanceKm(_ a: Applicant, _ j: Job) -> Double? { HardRules.commuteDistanceKm(applicant: a, job: j) }

    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
