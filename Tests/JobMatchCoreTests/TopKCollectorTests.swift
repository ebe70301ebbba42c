import Testing
@testable import JobMatchCore

@Suite struct TopKCollectorTests {
    @Test func equalsFullSortWithTies() {
        var generator = SeededGenerator(seed: 11)
        for trial in 0..<50 {
            let n = 1 + Int(generator.next() % 500)
            let k = Int(generator.next() % 40)
            // Few distinct values, so ties are common and the id order decides.
            let scores = (0..<n).map { _ in Float(generator.next() % 20) / 4 }
            let ids = (0..<n).map { "job-\(String(generator.next() % 100_000))-\($0)" }
            var collector = TopKCollector(capacity: k)
            for (row, score) in scores.enumerated() { collector.offer(score: score, row: Int32(row), ids: ids) }
            let expected = (0..<n).sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && ids[$0] < ids[$1]) }.prefix(k)
            #expect(collector.sorted(ids: ids).map(\.row) == Array(expected), "trial \(trial)")
        }
    }
}
