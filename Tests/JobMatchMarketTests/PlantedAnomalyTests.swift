import Testing
import JobMatchCore
import JobMatchMarket

/// The supervision signals on generated markets: nothing on a clean one; on a planted one exactly what
/// the generator says it planted.
@Suite struct PlantedAnomalyTests {
    static func found(_ market: Market, asOf: Timestamp) -> Set<PlantedAnomaly> {
        let signals = Supervisor().signals(SupervisionInput(applicants: market.applicants, jobs: market.jobs, interactions: market.interactions), asOf: asOf)
        return Set(signals.map { PlantedAnomaly(code: $0.code, applicants: $0.applicants, jobs: $0.jobs) })
    }

    @Test func cleanMarketRaisesNothing() {
        #expect(Self.found(MarketFixture.market, asOf: MarketFixture.configuration.asOf).isEmpty)
    }

    @Test func everyPlantedAnomalyIsFoundAndNothingElse() throws {
        var configuration = MarketFixture.configuration
        configuration.plantAnomalies = true
        let generator = MarketGenerator(configuration: configuration)
        var market = MarketFixture.market
        let clean = market
        let planted = generator.plantAnomalies(in: &market)
        // Every kind is planted, the promised number of times (the fixture is large enough).
        let kinds = Dictionary(grouping: planted, by: \.code).mapValues(\.count)
        #expect(kinds == [.overfilledPosting: 3, .ineligibleWelfareOccupant: 3, .concurrentFullTimeHires: 1])
        #expect(Self.found(market, asOf: configuration.asOf) == Set(planted))
        // Planting only adds hires and strips groups: every clean record is still there.
        #expect(market.jobs == clean.jobs)
        #expect(market.applicants.map(\.id) == clean.applicants.map(\.id))
        #expect(Set(clean.interactions).isSubset(of: Set(market.interactions)))
        let added = Set(market.interactions).subtracting(clean.interactions)
        #expect(!added.isEmpty && added.allSatisfy { $0.event == .hired && $0.at <= configuration.asOf })
    }

    @Test func plantingIsDeterministic() {
        let generator = MarketGenerator(configuration: MarketFixture.configuration)
        var a = MarketFixture.market, b = MarketFixture.market
        #expect(generator.plantAnomalies(in: &a) == generator.plantAnomalies(in: &b))
        #expect(a.interactions == b.interactions)
    }
}
