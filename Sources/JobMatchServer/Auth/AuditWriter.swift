import Dispatch
import JobMatchStore

/// Appends audit entries with group commit: entries that arrive while a write is running are written
/// together in the next transaction, so a busy daemon pays one commit per group, not per request.
/// `append` returns only once the entry is stored.
actor AuditWriter {
    private let database: AppDatabase
    private var pending: [(entry: AuditEntry, continuation: CheckedContinuation<Void, any Error>)] = []
    private var writing = false

    init(database: AppDatabase) { self.database = database }

    func append(_ entry: AuditEntry) async throws {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((entry, continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let database = self.database
            let entries = batch.map(\.entry)
            // The write blocks (it may wait for an import's short swap): on the database queue, not the
            // cooperative pool, so the lists being scored meanwhile keep their threads.
            let result: Result<Void, any Error> = await withCheckedContinuation { continuation in
                RouteEnvironment.databaseQueue.async { continuation.resume(returning: Result { try database.appendAudit(entries) }) }
            }
            for item in batch { item.continuation.resume(with: result) }
        }
        writing = false
    }
}
