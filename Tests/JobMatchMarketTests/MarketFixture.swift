import JobMatchCore
import JobMatchMarket

/// One generated market shared by the tests (3,000 applicants × 1,500 jobs, the default period).
enum MarketFixture {
    static let configuration = MarketConfiguration(applicants: 3000, jobs: 1500, seed: 7)
    static let market: Market = try! MarketGenerator(configuration: configuration).generate()

    /// The data set as the five JSONL texts, as `jobmatch generate` writes them.
    static func jsonLines(_ market: Market) -> [String] {
        [
            market.applicants.map { $0.interchangeJSON.jsonText + "\n" }.joined(),
            market.jobs.map { $0.interchangeJSON.jsonText + "\n" }.joined(),
            market.interactions.map { $0.interchangeJSON.jsonText + "\n" }.joined(),
            market.trainings.map { $0.interchangeJSON.jsonText + "\n" }.joined(),
            market.services.map { $0.interchangeJSON.jsonText + "\n" }.joined(),
        ]
    }
}
