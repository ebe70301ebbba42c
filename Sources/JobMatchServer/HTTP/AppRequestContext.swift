import Foundation
import Hummingbird
import Logging

/// The request context of `jobmatchd`: the request id, the caller once authenticated, and what the
/// audit log should say.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthMiddleware`` for every `/v1` request it lets through.
    public var caller: Caller?
    /// Filled by handlers (the people, the job), written by ``AuditMiddleware`` with the final status
    /// unless the handler already wrote it in the transaction of its change.
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
    private var _subjects: [String] = []
    private var _job: String?
    private var _detail: String?
    private var _requestID: String?
    private var _written = false

    public var caller: Caller? {
        get { lock.withLock { _caller } }
        set { lock.withLock { _caller = newValue } }
    }

    /// The one person the request is about (also a subject).
    public var applicant: String? {
        get { lock.withLock { _applicant } }
        set { lock.withLock { _applicant = newValue } }
    }

    /// Every person the request touched (a candidate list's people, an outcome batch's people).
    public var subjects: [String] {
        get { lock.withLock { _subjects } }
        set { lock.withLock { _subjects = newValue } }
    }

    public var job: String? {
        get { lock.withLock { _job } }
        set { lock.withLock { _job = newValue } }
    }

    public var detail: String? {
        get { lock.withLock { _detail } }
        set { lock.withLock { _detail = newValue } }
    }

    /// The request id (``RequestIDMiddleware``).
    public var requestID: String? {
        get { lock.withLock { _requestID } }
        set { lock.withLock { _requestID = newValue } }
    }

    /// True once the entry was written with the change it records (``RouteEnvironment/audited(_:_:)``).
    public var written: Bool {
        get { lock.withLock { _written } }
        set { lock.withLock { _written = newValue } }
    }

    /// The entry for this request, answered with `status`.
    func entry(endpoint: String, status: Int) -> AuditEntryDraft {
        lock.withLock {
            AuditEntryDraft(actor: _caller?.name ?? "-", role: _caller?.role.rawValue ?? "-", endpoint: endpoint, applicant: _applicant,
                            job: _job, status: status, detail: _detail, subjects: _subjects + (_applicant.map { [$0] } ?? []),
                            requestID: _requestID)
        }
    }
}
