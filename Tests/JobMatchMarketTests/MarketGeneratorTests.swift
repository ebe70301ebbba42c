import JobMatchCore
import JobMatchMarket
import Testing

@Suite struct MarketGeneratorTests {
    @Test func sameSeedGivesIdenticalOutput() throws {
        let configuration = MarketConfiguration(applicants: 400, jobs: 200, seed: 42, days: 120)
        let first = try MarketGenerator(configuration: configuration).generate()
        let second = try MarketGenerator(configuration: configuration).generate()
        #expect(MarketFixture.jsonLines(first) == MarketFixture.jsonLines(second))
        #expect(!first.interactions.isEmpty)
    }

    @Test func differentSeedGivesDifferentOutput() throws {
        let a = try MarketGenerator(configuration: MarketConfiguration(applicants: 200, jobs: 100, seed: 1)).generate()
        let b = try MarketGenerator(configuration: MarketConfiguration(applicants: 200, jobs: 100, seed: 2)).generate()
        let linesA = MarketFixture.jsonLines(a), linesB = MarketFixture.jsonLines(b)
        #expect(linesA[0] != linesB[0])
        #expect(linesA[1] != linesB[1])
    }

    @Test func catalogueHasAtLeastEightyDistinctOccupations() {
        let codes = OccupationCatalogue.all.map(\.code)
        #expect(codes.count >= 80)
        #expect(Set(codes).count == codes.count)
        for occupation in OccupationCatalogue.all {
            #expect(!occupation.titles.isEmpty && occupation.duties.count >= 2, "\(occupation.code)")
            #expect(occupation.jobTypes.count == occupation.jobTypeWeights.count, "\(occupation.code)")
        }
    }

    @Test func everyRecordDecodesWithoutErrorsOrWarnings() {
        let market = MarketFixture.market
        for a in market.applicants {
            let decoded = Interchange.decodeApplicant(Array(a.interchangeJSON.jsonText.utf8))
            #expect(decoded.errors.isEmpty && decoded.warnings.isEmpty, "\(a.id): \(decoded.errors) \(decoded.warnings)")
            #expect(decoded.record == a)
        }
        for j in market.jobs {
            let decoded = Interchange.decodeJob(Array(j.interchangeJSON.jsonText.utf8))
            #expect(decoded.errors.isEmpty && decoded.warnings.isEmpty, "\(j.id): \(decoded.errors) \(decoded.warnings)")
            #expect(decoded.record == j)
        }
        for i in market.interactions {
            let decoded = Interchange.decodeInteraction(Array(i.interchangeJSON.jsonText.utf8))
            #expect(decoded.errors.isEmpty && decoded.warnings.isEmpty, "\(decoded.errors) \(decoded.warnings)")
        }
    }

    @Test func idsAreUniqueAndInteractionsReferToRecords() {
        let market = MarketFixture.market
        let applicantIDs = Set(market.applicants.map(\.id)), jobIDs = Set(market.jobs.map(\.id))
        #expect(applicantIDs.count == market.applicants.count)
        #expect(jobIDs.count == market.jobs.count)
        #expect(market.interactions.allSatisfy { applicantIDs.contains($0.applicant) && jobIDs.contains($0.job) })
        #expect(market.interactions.allSatisfy { $0.at <= MarketFixture.configuration.asOf })
    }
}
