import JobMatchCore
import JobMatchMarket
import Testing

@Suite struct MarketOutcomeTests {
    let market = MarketFixture.market
    let asOf = MarketFixture.configuration.asOf

    /// `interviewed` and `hired` happen while the posting is open (window and every other rule);
    /// `retained_3m` comes three months after the hire, when the posting has usually closed, so it is held to rules 2–7.
    @Test func noPositiveOutcomeBreaksAHardRule() {
        let applicants = Dictionary(uniqueKeysWithValues: market.applicants.map { ($0.id, $0) })
        let jobs = Dictionary(uniqueKeysWithValues: market.jobs.map { ($0.id, $0) })
        var positives = 0
        for event in market.interactions where event.event.isPositiveOutcome {
            positives += 1
            var job = jobs[event.job]!
            job.status = .open
            var broken = HardRules.violations(applicant: applicants[event.applicant]!, job: job, at: event.at)
            if event.event == .retained3m { broken.removeAll { $0 == .notOpen } }
            #expect(broken.isEmpty, "\(event.event) \(event.applicant)→\(event.job) at \(event.at): \(broken)")
        }
        #expect(positives > 500)
        #expect(market.interactions.contains { $0.event == .retained3m })
    }

    @Test func hiresNeverExceedOpeningsAndFilledJobsAreFull() {
        var hires: [String: Int] = [:]
        for event in market.interactions where event.event == .hired { hires[event.job, default: 0] += 1 }
        for job in market.jobs {
            let count = hires[job.id] ?? 0
            #expect(count <= job.openings, "\(job.id)")
            if job.status == .filled { #expect(count == job.openings, "\(job.id)") }
        }
        #expect(market.jobs.contains { $0.status == .filled })
    }

    @Test func eachPersonIsHiredAtMostOnceAndEmployedOnlyWhenHired() {
        var hired: [String: Int] = [:]
        for event in market.interactions where event.event == .hired { hired[event.applicant, default: 0] += 1 }
        #expect(hired.values.allSatisfy { $0 == 1 })
        for a in market.applicants where a.status == .employed { #expect(hired[a.id] == 1, "\(a.id)") }
    }

    @Test func mostPostingsAreOpenAtTheAsOfTime() {
        let statistics = MarketStatistics(market, asOf: asOf)
        #expect(statistics.openShare >= 0.6)
        #expect(statistics.openShare <= 0.9)
        #expect(market.jobs.allSatisfy { $0.postedAt < asOf && $0.postedAt >= MarketFixture.configuration.periodStart })
    }

    /// The ranges stated in `datasets/README.md` ("Calibration").
    @Test func groupAndJobTypeMixAreWithinDocumentedRanges() {
        let s = MarketStatistics(market, asOf: asOf)
        for (group, range) in MixRanges.groups {
            #expect(range.contains(s.share(of: group)), "\(group.rawValue): \(s.share(of: group))")
        }
        for (type, range) in MixRanges.jobTypes {
            #expect(range.contains(s.share(of: type)), "\(type.rawValue): \(s.share(of: type))")
        }
    }
}

/// The documented mix (datasets/README.md, "Calibration"); a generated market must fall within these ranges.
enum MixRanges {
    static let groups: [(AssistanceGroup, ClosedRange<Double>)] = [
        (.olderWorker, 0.38...0.55),
        (.disabled, 0.09...0.15),
        (.registeredUnemployed, 0.50...0.70),
        (.longTermUnemployed, 0.20...0.38),
        (.lowIncome, 0.12...0.26),
        (.zeroEmploymentHousehold, 0.03...0.10),
        (.stayAtHomeParent, 0.07...0.13),
        (.graduate, 0.09...0.15),
        (.povertyAlleviated, 0.03...0.10),
    ]
    static let jobTypes: [(JobType, ClosedRange<Double>)] = [
        (.fullTime, 0.50...0.75),
        (.partTime, 0.08...0.22),
        (.gig, 0.08...0.22),
        (.publicWelfare, 0.03...0.12),
        (.selfEmployment, 0.01...0.07),
    ]
}
