import JobMatchCore
import Testing
@testable import JobMatchMarket

/// The hidden structure (LatentConfiguration) and the oracle ranking of a split.
@Suite struct HiddenStructureTests {
    static let configuration = MarketConfiguration(applicants: 400, jobs: 200, seed: 5)

    @Test func oracleRanksOnlyAllowedOpenPostingsAndLeavesTheMarketAsItIs() throws {
        let split = Self.configuration.asOf.adding(days: -30)
        let (market, oracle) = try MarketGenerator(configuration: Self.configuration).generateWithOracle(split: split, depth: 20)
        #expect(!oracle.isEmpty)
        let jobs = Dictionary(uniqueKeysWithValues: market.jobs.map { ($0.id, $0) })
        let applicants = Dictionary(uniqueKeysWithValues: market.applicants.map { ($0.id, $0) })
        let later = Set(market.interactions.filter { $0.at >= split }.map(\.applicant))
        for list in oracle {
            #expect(later.contains(list.applicant))
            #expect(list.jobs.count <= 20 && Set(list.jobs).count == list.jobs.count)
            for id in list.jobs {
                #expect(jobs[id]!.isOpen(at: split))
                #expect(HardRules.allows(applicant: applicants[list.applicant]!, job: jobs[id]!, at: split))
            }
        }
        #expect(try MarketGenerator(configuration: Self.configuration).generate().interactions == market.interactions)
    }

    static func latent(_ hidden: LatentConfiguration) -> (LatentMarket, [Applicant]) {
        var c = Self.configuration
        c.latent = hidden
        let geography = Geography.chongqing
        let made = (0..<c.applicants).map(ApplicantFactory(configuration: c, geography: geography).make)
        let drafts = (0..<c.jobs).map(JobFactory(configuration: c, geography: geography).make)
        return (LatentMarket(market: c, applicants: made.map(\.0), personas: made.map(\.1), drafts: drafts), made.map(\.0))
    }

    @Test func switchedOffTheStatedWishesAreTheTruthAndNothingIsHidden() {
        let (off, applicants) = Self.latent(.off)
        for (a, truth) in zip(applicants, off.truth) {
            #expect(a.preferences.minMonthlyWage == truth.preferences.minMonthlyWage)
            #expect(a.preferences.jobTypes == truth.preferences.jobTypes)
            if let stated = a.preferences.maxCommuteKm { #expect(abs(truth.preferences.maxCommuteKm! - stated) < 1e-9) }
        }
        #expect(off.attractiveness.allSatisfy { $0 == 0 } && off.selectiveness.allSatisfy { $0 == 0 })
        #expect(off.interest(0, 0) == 0 && off.employerView(0, 0) == 0)
    }

    @Test func switchedOnTravelToleranceAndPayDifferFromWhatWasStated() {
        let (on, applicants) = Self.latent(LatentConfiguration())
        let commutes = zip(applicants, on.truth).compactMap { a, t in a.preferences.maxCommuteKm.map { t.preferences.maxCommuteKm! / max($0, 0.1) } }
        #expect(commutes.filter { abs($0 - 1) > 0.2 }.count > commutes.count / 3)
        let wages = zip(applicants, on.truth).compactMap { a, t in a.preferences.minMonthlyWage.map { t.preferences.minMonthlyWage! / $0 } }
        #expect(wages.filter { abs($0 - 1) > 0.1 }.count > wages.count / 3)
        // Postings of one employer share its selectiveness.
        let byEmployer = Dictionary(grouping: on.selectiveness.indices, by: { on.selectiveness[$0] })
        #expect(byEmployer.count > 10)
    }
}
