import Foundation
import Hummingbird

/// Per-token concurrency limit: a token (the caller's name) with `limit` requests in flight gets 429 with
/// `Retry-After` for the next, so one client cannot take every slot of the daemon.
struct TokenLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limit: Int
    let retryAfterSeconds: Int
    private let counts = Counts()

    init(limit: Int, retryAfterSeconds: Int) {
        self.limit = max(1, limit)
        self.retryAfterSeconds = retryAfterSeconds
    }

    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var inFlight: [String: Int] = [:]

        func enter(_ name: String, limit: Int) -> Bool {
            lock.withLock {
                let n = inFlight[name, default: 0]
                guard n < limit else { return false }
                inFlight[name] = n + 1
                return true
            }
        }

        func leave(_ name: String) {
            lock.withLock {
                let n = inFlight[name, default: 1] - 1
                inFlight[name] = n > 0 ? n : nil
            }
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let name = context.caller?.name else { return try await next(request, context) }
        guard counts.enter(name, limit: limit) else {
            var problem = Problem(status: .tooManyRequests, code: "too_many_requests",
                                  detail: "this token already has \(limit) requests in flight")
            problem.retryAfterSeconds = retryAfterSeconds
            throw problem
        }
        defer { counts.leave(name) }
        return try await next(request, context)
    }
}
