import JobMatchCore

/// Coalesces concurrent recommendation requests: requests that share k, time and filter wait up to a
/// short window (or while a pass is running) and are then scored together in one pass, so the job matrix
/// is read once per batch instead of once per request. At most `maxWaiting` requests wait (503 with
/// `Retry-After` beyond); a request whose client has gone is dropped before its batch is scored.
actor RecommendationBatcher {
    /// What requests must share to be scored together.
    struct Key: Hashable, Sendable {
        var k: Int
        var asOfSeconds: Double
        var filter: JobFilter
    }

    /// A batch handed to the scorer.
    struct Batch: Sendable {
        var key: Key
        var asOf: Timestamp
        var applicants: [Applicant]
    }

    private struct Waiting {
        var applicant: Applicant
        var asOf: Timestamp
        var isCancelled: @Sendable () -> Bool
        var continuation: CheckedContinuation<RecommendationList, any Error>
    }

    private let windowMilliseconds: Int
    private let maxBatchSize: Int
    private let maxWaiting: Int
    private let retryAfterSeconds: Int
    private var waitingCount = 0
    private let scorer: @Sendable (Batch) async throws -> [RecommendationList]
    private var pending: [Key: [Waiting]] = [:]
    private var order: [Key] = []
    private var draining = false

    init(windowMilliseconds: Int, maxBatchSize: Int, maxWaiting: Int, retryAfterSeconds: Int,
         scorer: @escaping @Sendable (Batch) async throws -> [RecommendationList])
    {
        self.windowMilliseconds = windowMilliseconds
        self.maxBatchSize = max(1, maxBatchSize)
        self.maxWaiting = max(1, maxWaiting)
        self.retryAfterSeconds = retryAfterSeconds
        self.scorer = scorer
    }

    func submit(_ query: RecommendationQuery) async throws -> RecommendationList {
        let key = Key(k: query.k, asOfSeconds: query.asOf.secondsSince1970, filter: query.filter)
        guard waitingCount < maxWaiting else {
            throw Problem.busy("too many recommendation requests waiting", retryAfterSeconds: retryAfterSeconds)
        }
        waitingCount += 1
        return try await withCheckedThrowingContinuation { continuation in
            if pending[key] == nil { order.append(key) }
            pending[key, default: []].append(
                Waiting(applicant: query.applicant, asOf: query.asOf, isCancelled: query.isCancelled, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    /// Scores batches until nothing waits.
    private func drain() async {
        if windowMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(windowMilliseconds)) }
        while let key = order.first {
            var waiting = pending[key] ?? []
            let taken = Array(waiting.prefix(maxBatchSize))
            waiting.removeFirst(taken.count)
            waitingCount -= taken.count
            if waiting.isEmpty {
                pending[key] = nil
                order.removeFirst()
            } else {
                pending[key] = waiting
                order.append(order.removeFirst())
            }
            // Clients that left are not scored for.
            var batch: [Waiting] = []
            for w in taken {
                if w.isCancelled() { w.continuation.resume(throwing: CancellationError()) } else { batch.append(w) }
            }
            if batch.isEmpty { continue }
            do {
                let lists = try await scorer(Batch(key: key, asOf: batch[0].asOf, applicants: batch.map(\.applicant)))
                for (w, list) in zip(batch, lists) { w.continuation.resume(returning: list) }
            } catch {
                for w in batch { w.continuation.resume(throwing: error) }
            }
        }
        draining = false
    }
}
