import Foundation
import JobMatchCore
import JobMatchMarket
import Testing

/// The committed `datasets/sample` is exactly what its documented command makes with the current generator.
@Suite struct SampleDatasetTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/sample")

    @Test func committedSampleMatchesTheGenerator() throws {
        let configuration = MarketConfiguration(
            applicants: 2000, jobs: 1000, seed: 20_261_130, days: 180,
            asOf: Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!
        )
        let market = try MarketGenerator(configuration: configuration).generate()
        let expected = MarketFixture.jsonLines(market)
        for (index, file) in ["applicants.jsonl", "jobs.jsonl", "interactions.jsonl", "trainings.jsonl", "services.jsonl"].enumerated() {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text == expected[index], "\(file) differs from the generator's output: regenerate datasets/sample (see datasets/README.md)")
        }
    }
}
