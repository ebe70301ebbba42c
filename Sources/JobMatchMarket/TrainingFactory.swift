import Foundation
import JobMatchCore

/// The courses of a generated market (`trainings.jsonl`): a course type by catalogue weight, a district by
/// population, a start between 90 days before and 45 days after `as_of`, hours in the type's range given at
/// 6 hours a day on weekdays (online courses 2 hours in the evening), 20–50 seats, 80% subsidised.
struct TrainingFactory {
    let configuration: MarketConfiguration
    let geography: Geography

    /// One course per 25 applicants, at least 20.
    var count: Int { max(20, configuration.applicants / 25) }

    func make(_ index: Int) -> Training {
        var rng = SeededRandom(seed: configuration.seed, stream: 21, index: index)
        let type = CourseCatalogue.all[rng.weightedIndex(CourseCatalogue.weights)]
        let district = geography.jobTable.draw(&rng)
        let online = rng.chance(type.onlineShare)
        let short = geography.shortName(district)
        let provider = rng.chance(0.9) ? rng.pick(CourseCatalogue.providers).replacingOccurrences(of: "%@", with: short) : nil
        let hours = (rng.uniform(type.hours) / 8).rounded() * 8
        let perDay = online ? 2.0 : 6.0
        // Whole days: weekdays only, so calendar days are 7/5 of the teaching days.
        let teachingDays = (hours / perDay).rounded(.up)
        let startDay = (rng.uniform(-90, 45)).rounded(.down)
        let dayStart = configuration.asOf.startOfChinaDay.shifted(days: startDay)
        let startsAt = dayStart.shifted(days: (online ? 19.0 : 9.0) / 24)
        let endsAt = dayStart.shifted(days: ((teachingDays - 1) * 7 / 5).rounded(.down) + (online ? 21.0 : 17.0) / 24)
        return Training(
            id: String(format: "T%06d", index + 1), title: rng.pick(type.titles), provider: provider,
            district: geography.districts[district].code,
            location: online ? nil : geography.point(in: district, scale: 0.3, rng: &rng),
            mode: online ? .online : (rng.chance(0.5) ? .inPerson : nil),
            skills: type.skills, certificates: type.certificates, educationMin: type.educationMin, hours: hours,
            startsAt: startsAt, endsAt: endsAt, seats: rng.chance(0.85) ? rng.int(4...10) * 5 : nil,
            subsidized: rng.chance(0.95) ? rng.chance(0.8) : nil
        )
    }
}
