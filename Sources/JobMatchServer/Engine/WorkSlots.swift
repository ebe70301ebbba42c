import Foundation

/// How much work of each kind the engine takes on (from ``ServerConfiguration``).
struct WorkLimits: Sendable {
    var coalescingWindowMilliseconds: Int
    var maxBatchSize: Int
    /// Recommendation requests waiting for a scoring pass; more are refused with 503 + `Retry-After`.
    var listsWaiting: Int
    /// Candidate lists scored at once, and waiting for a turn; more are refused with 503 + `Retry-After`.
    var candidatesRunning: Int
    var candidatesWaiting: Int
    /// The `Retry-After` of a refusal, in seconds.
    var retryAfterSeconds: Int
}

/// A bounded queue for one kind of work: `running` at a time, `waiting` more in line (first come, first
/// served), anything beyond refused at once with 503 and `Retry-After`. A waiter whose task is cancelled
/// leaves the line.
actor WorkSlots {
    let kind: String
    let running: Int
    let waiting: Int
    let retryAfterSeconds: Int
    private var busy = 0
    private var line: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID = 0

    init(kind: String, running: Int, waiting: Int, retryAfterSeconds: Int) {
        self.kind = kind
        self.running = max(1, running)
        self.waiting = max(0, waiting)
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Runs `work` in a slot, waiting for one if needed; throws 503 when the line is full.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await work()
    }

    private func acquire() async throws {
        if busy < running, line.isEmpty {
            busy += 1
            return
        }
        guard line.count < waiting else { throw Problem.busy("too many \(kind) waiting", retryAfterSeconds: retryAfterSeconds) }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled { continuation.resume(throwing: CancellationError()) } else { line.append((id, continuation)) }
            }
        } onCancel: {
            Task { await self.leave(id) }
        }
    }

    private func leave(_ id: Int) {
        guard let i = line.firstIndex(where: { $0.id == id }) else { return }
        line.remove(at: i).continuation.resume(throwing: CancellationError())
    }

    private func release() {
        if line.isEmpty {
            busy -= 1
        } else {
            line.removeFirst().continuation.resume()   // the slot passes to the next in line
        }
    }
}

extension Problem {
    /// 503 with `Retry-After`: a bounded queue is full.
    static func busy(_ detail: String, retryAfterSeconds: Int) -> Problem {
        var problem = Problem(status: .serviceUnavailable, code: "busy", detail: detail)
        problem.retryAfterSeconds = retryAfterSeconds
        return problem
    }
}
