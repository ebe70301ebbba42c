import GRDB
import JobMatchCore

/// The record operations available inside ``AppDatabase/auditedWrite(_:)``: all on one transaction.
public struct StoreTransaction {
    let db: Database

    public func applicant(id: String) throws -> Applicant? {
        try String.fetchOne(db, sql: "SELECT record FROM applicant WHERE id = ?", arguments: [id]).map(AppDatabase.decodeApplicant)
    }

    public func job(id: String) throws -> Job? {
        try String.fetchOne(db, sql: "SELECT record FROM job WHERE id = ?", arguments: [id]).map(AppDatabase.decodeJob)
    }

    public func save(_ applicant: Applicant) throws { try AppDatabase.upsert(applicant, db) }

    public func save(_ job: Job) throws { try AppDatabase.upsert(job, db) }

    @discardableResult
    public func deleteApplicant(id: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM applicant WHERE id = ?", arguments: [id])
        return db.changesCount > 0
    }

    @discardableResult
    public func deleteJob(id: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM job WHERE id = ?", arguments: [id])
        return db.changesCount > 0
    }

    /// Inserts an interaction unless the same one is there; true when inserted.
    public func record(_ interaction: Interaction) throws -> Bool { try AppDatabase.insert(interaction, db) }
}

extension AppDatabase {
    /// A change and its audit entry in ONE immediate transaction: `work` reads, checks and changes through
    /// the transaction and returns its result with the entry to append. If `work` throws, or the entry
    /// cannot be written, nothing is committed (no audit, no change).
    public func auditedWrite<T>(_ work: (StoreTransaction) throws -> (result: T, audit: AuditEntry)) throws -> T {
        try dbWriter.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                let (value, entry) = try work(StoreTransaction(db: db))
                try Self.appendAudit(entry, db)
                result = value
                return .commit
            }
            return result!
        }
    }
}
