import Foundation
import JobMatchCore

extension MarketSimulation {
    /// One person's chains over the period, on the person's own random stream; and whether the person stops looking.
    func drawChains(for index: Int) -> ([ApplicationChain], Bool) {
        var rng = SeededRandom(seed: configuration.seed, stream: 4, index: index)
        let a = applicants[index], p = personas[index]
        let asOf = configuration.asOf
        let from = max(configuration.periodStart, p.registeredAt)
        var until = asOf
        let stops = rng.chance(configuration.inactiveShare * (a.effectiveIntent == .uncertain ? 2.5 : 0.7))
        if stops { until = from.shifted(days: from.days(to: asOf) * rng.uniform(0.2, 1)) }
        let activeDays = from.days(to: until)
        guard activeDays > 1 else { return ([], stops) }

        let expected = configuration.viewsPerSeeker * p.activity * min(1.5, activeDays / 90)
        let views = min(40, Int((expected * rng.uniform(0.5, 1.5)).rounded()))
        guard views > 0 else { return ([], stops) }
        let pool = candidates(for: index, count: min(60, 3 * views + 6), rng: &rng)

        var scored: [(job: Int, interest: Double, start: Timestamp, end: Timestamp)] = []
        for job in pool {
            let d = drafts[job]
            let start = max(from, d.job.postedAt)
            let end = min(until, d.activeUntil(asOf: asOf))
            guard start.days(to: end) > 0.5 else { continue }
            let interest = self.interest(index, job) + configuration.noise * rng.normal()
            scored.append((job, interest, start, end))
        }
        scored.sort { $0.interest != $1.interest ? $0.interest > $1.interest : $0.job < $1.job }

        var chains: [ApplicationChain] = []
        for (rank, candidate) in scored.enumerated() {
            let d = drafts[candidate.job]
            if rank >= views {
                // Recommended by a caseworker but never opened.
                if rank < views + 3, rng.chance(configuration.recommendedShare * 0.5) {
                    let at = candidate.start.shifted(days: candidate.start.days(to: candidate.end) * rng.unit())
                    if at < candidate.end, pairAllowed(a, d, at: at) {
                        chains.append(ApplicationChain(applicant: index, job: candidate.job, events: [(.recommended, at)], wouldStay: false, leavesAfterDays: 0))
                    }
                }
                continue
            }
            if let chain = drawChain(index, candidate.job, interest: candidate.interest, start: candidate.start, end: candidate.end, rng: &rng) {
                chains.append(chain)
            }
        }
        return (chains, stops)
    }

    /// One chain: (recommended) → viewed → applied → interviewed → hired, or a rejection or a decline on the way.
    func drawChain(_ index: Int, _ job: Int, interest u: Double, start: Timestamp, end: Timestamp, rng: inout SeededRandom) -> ApplicationChain? {
        let a = applicants[index], d = drafts[job]
        let asOf = configuration.asOf
        let jobEnd = d.activeUntil(asOf: asOf)
        var events: [(event: InteractionEvent, at: Timestamp)] = []
        let span = start.days(to: end)
        let viewed = start.shifted(days: span * pow(rng.unit(), 1.3))
        guard viewed < end else { return nil }
        if rng.chance(configuration.recommendedShare) {
            let recommended = max(start, viewed.shifted(days: -rng.uniform(0, 2)))
            if pairAllowed(a, d, at: recommended) { events.append((.recommended, recommended)) }
        }
        events.append((.viewed, viewed))
        let intentFactor = a.effectiveIntent == .uncertain ? 0.6 : 1
        guard rng.chance(Suitability.logistic(u - 0.2) * intentFactor) else { return chain(index, job, events) }
        let applied = viewed.shifted(days: rng.uniform(0, 3))
        guard applied < end else { return chain(index, job, events) }
        events.append((.applied, applied))

        let q = employerView(index, job, at: applied) + configuration.noise * rng.normal()
        let interviewed = applied.shifted(days: rng.uniform(1, 8))
        let interviews = rng.chance(Suitability.logistic(q + 0.2))
        guard interviews, interviewed < jobEnd, pairAllowed(a, d, at: interviewed) else {
            let rejected = applied.shifted(days: rng.uniform(2, 12))
            if rejected <= asOf, rng.chance(0.85) { events.append((.rejected, rejected)) }
            return chain(index, job, events)
        }
        events.append((.interviewed, interviewed))
        let decided = interviewed.shifted(days: rng.uniform(1, 6))
        guard decided <= asOf else { return chain(index, job, events) }
        if rng.chance(Suitability.logistic(-u - 1.0)) {
            events.append((.declined, decided))
            return chain(index, job, events)
        }
        guard rng.chance(Suitability.logistic(q + 0.3 * u - 0.1)), decided < jobEnd, pairAllowed(a, d, at: decided) else {
            events.append((.rejected, decided))
            return chain(index, job, events)
        }
        events.append((.hired, decided))
        let stay = rng.chance(Suitability.logistic(0.5 + 0.5 * u + 0.3 * q))
        return ApplicationChain(applicant: index, job: job, events: events, wouldStay: stay, leavesAfterDays: rng.uniform(5, 88))
    }

    private func chain(_ index: Int, _ job: Int, _ events: [(event: InteractionEvent, at: Timestamp)]) -> ApplicationChain {
        ApplicationChain(applicant: index, job: job, events: events, wouldStay: false, leavesAfterDays: 0)
    }
}
