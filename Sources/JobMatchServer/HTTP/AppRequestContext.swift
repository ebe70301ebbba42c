import Foundation
import Hummingbird
import Logging

/// The request context of `jobmatchd`: the caller once authenticated, and what the audit log should say.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthMiddleware`` for every `/v1` request it lets through.
    public var caller: Caller?
    /// Filled by handlers (the person, the job), written by ``AuditMiddleware`` with the final status.
    public let audit: AuditNote
    /// The connection's client state (gone once it closed its side).
    let connection: ConnectionWatch.State?

    public init(source: Source) {
        coreContext = .init(source: source)
        audit = AuditNote()
        connection = ConnectionWatch.state(of: source.channel)
    }

    /// True once the client has gone: work still queued for it is dropped.
    var clientGone: @Sendable () -> Bool {
        let connection = connection
        return { connection?.clientGone ?? false }
    }

    /// The caller; only nil on the unauthenticated health routes.
    func requireCaller() throws -> Caller {
        guard let caller else { throw Problem(status: .unauthorized, code: "unauthenticated", detail: "a bearer token is required") }
        return caller
    }
}

/// What one request touched, for its audit entry. Handlers write it; the audit middleware reads it.
public final class AuditNote: @unchecked Sendable {
    private let lock = NSLock()
    private var _caller: Caller?
    private var _applicant: String?
    private var _job: String?
    private var _detail: String?

    public var caller: Caller? {
        get { lock.withLock { _caller } }
        set { lock.withLock { _caller = newValue } }
    }

    public var applicant: String? {
        get { lock.withLock { _applicant } }
        set { lock.withLock { _applicant = newValue } }
    }

    public var job: String? {
        get { lock.withLock { _job } }
        set { lock.withLock { _job = newValue } }
    }

    public var detail: String? {
        get { lock.withLock { _detail } }
        set { lock.withLock { _detail = newValue } }
    }
}
