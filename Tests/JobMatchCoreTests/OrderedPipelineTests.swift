import Foundation
import Testing
@testable import JobMatchCore

@Suite struct OrderedPipelineTests {
    /// Counts how far the producer ran ahead of the consumer.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var produced = 0
        func produce() -> Int { lock.withLock { produced += 1; return produced } }
        var value: Int { lock.withLock { produced } }
    }

    @Test func consumesEveryItemInOrderAndProducesAtMostAheadOfTheConsumer() throws {
        let counter = Counter()
        var consumed: [Int] = []
        var mostAhead = 0
        try OrderedPipeline.run(count: 200, ahead: 2, produce: { i in _ = counter.produce(); return i * i }) { i, square in
            #expect(square == i * i)
            consumed.append(i)
            if i % 7 == 0 { Thread.sleep(forTimeInterval: 0.001) }
            // Made: those consumed, at most 2 waiting, and one being handed over.
            mostAhead = max(mostAhead, counter.value - consumed.count)
        }
        #expect(consumed == Array(0..<200))
        #expect(mostAhead <= 3)
        try OrderedPipeline.run(count: 0, produce: { $0 }) { _, _ in Issue.record("nothing to consume") }
    }

    struct Stop: Error {}

    @Test func aConsumerErrorStopsProductionAndIsRethrown() {
        let counter = Counter()
        var consumed: [Int] = []
        #expect(throws: Stop.self) {
            try OrderedPipeline.run(count: 1000, ahead: 2, produce: { i in _ = counter.produce(); return i }) { i, _ in
                if i == 5 { throw Stop() }
                consumed.append(i)
            }
        }
        #expect(consumed == [0, 1, 2, 3, 4])
        // Production stopped a few items after the failure instead of running on to 1,000.
        #expect(counter.value <= 5 + 1 + 3)
    }

    @Test func bothRunsTwoPiecesAndRethrowsEither() throws {
        let (a, b) = try Concurrently.both({ (1...100).reduce(0, +) }, { "second" })
        #expect(a == 5050 && b == "second")
        #expect(throws: Stop.self) { try Concurrently.both({ throw Stop() }, { 1 }) }
        #expect(throws: Stop.self) { try Concurrently.both({ 1 }, { throw Stop() }) }
    }
}
