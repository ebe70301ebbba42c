import Hummingbird
import JobMatchCore
import JobMatchStore

extension RouteEnvironment {
    /// Runs a change and writes its audit entry in ONE SQLite transaction: `work` reads, checks and
    /// changes through the transaction and returns its result and the status the request will be answered
    /// with; the entry (caller, endpoint, people, job, status, request id from `context.audit`, as `work`
    /// leaves it) is appended before the commit. If the entry cannot be written, the change is rolled back
    /// (no audit, no change). A refusal thrown by `work` changes nothing and is audited by ``AuditMiddleware``.
    func audited<T: Sendable>(
        _ request: Request, _ context: AppRequestContext,
        _ work: @escaping @Sendable (StoreTransaction) throws -> (result: T, status: HTTPResponse.Status)
    ) async throws -> T {
        let note = context.audit
        let endpoint = AuditMiddleware.endpoint(request)
        // A blocking write (it may wait for another process's write lock): off the cooperative pool.
        let value = try await db { database in
            try database.auditedWrite { transaction in
                let (value, status) = try work(transaction)
                return (value, note.entry(endpoint: endpoint, status: Int(status.code)).entry)
            }
        }
        note.written = true
        return value
    }
}
