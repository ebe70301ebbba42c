import GRDB
import JobMatchCore

/// The committed changes since a data version, read in one snapshot: the changed applicants' and jobs'
/// rows as committed at ``version``, and the ids whose rows are gone.
public struct ChangeSet: Sendable {
    /// The data version the set brings a reader up to.
    public var version: Int64
    public var jobs: [Job] = []
    public var removedJobs: [String] = []
    public var applicants: [Applicant] = []
    public var removedApplicants: [String] = []

    public var isEmpty: Bool { jobs.isEmpty && removedJobs.isEmpty && applicants.isEmpty && removedApplicants.isEmpty }
}

/// Every applicant and job at one data version (read in one snapshot).
public struct DataSnapshot: Sendable {
    public var version: Int64
    public var jobs: [Job]
    public var applicants: [Applicant]
}

// The change log: triggers on `applicant` and `job` append (version, kind, id) to `change_log` in the
// transaction that changes the row, whoever writes (the daemon, the CLI, another process). The data
// version is the last version handed out (`sqlite_sequence`), so it stays right after old entries are
// trimmed. An import logs one `bulk` entry instead of one per row (``ImportGeneration``): a follower
// rebuilds from a snapshot. Interactions are not logged: no index or pool is built from them.
extension AppDatabase {
    /// The `v5` migration: the `change_log` table and its triggers.
    static func createChangeLog(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE change_log (
              version INTEGER PRIMARY KEY AUTOINCREMENT,
              kind TEXT NOT NULL,
              id TEXT NOT NULL
            );
            """)
        for table in ["applicant", "job"] {
            try db.execute(sql: """
                CREATE TRIGGER change_log_\(table)_insert AFTER INSERT ON \(table) BEGIN
                  INSERT INTO change_log (kind, id) VALUES ('\(table)', NEW.id);
                END;
                CREATE TRIGGER change_log_\(table)_update AFTER UPDATE ON \(table) BEGIN
                  INSERT INTO change_log (kind, id) VALUES ('\(table)', NEW.id);
                  INSERT INTO change_log (kind, id) SELECT '\(table)', OLD.id WHERE OLD.id IS NOT NEW.id;
                END;
                CREATE TRIGGER change_log_\(table)_delete AFTER DELETE ON \(table) BEGIN
                  INSERT INTO change_log (kind, id) VALUES ('\(table)', OLD.id);
                END;
                """)
        }
    }

    /// The data version: the number of committed row changes ever logged (one indexed read).
    public func dataVersion() async throws -> Int64 {
        try await dbWriter.read { db in try Self.dataVersion(db) }
    }

    static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'") ?? 0
    }

    /// The changes committed after `version`, or nil when a full ``snapshot()`` is the better way (more
    /// than `limit` entries, the log no longer reaches back to `version` because it was trimmed, or a
    /// `bulk` entry: an import switched in a new generation of the data tables, logged as one change).
    public func changes(since version: Int64, limit: Int) async throws -> ChangeSet? {
        try await dbWriter.read { db in
            let now = try Self.dataVersion(db)
            var set = ChangeSet(version: now)
            guard now > version else { return set }
            let oldest = try Int64.fetchOne(db, sql: "SELECT MIN(version) FROM change_log") ?? (now + 1)
            guard oldest <= version + 1 else { return nil }
            let entries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM change_log WHERE version > ?", arguments: [version]) ?? 0
            guard entries <= limit else { return nil }
            let bulk = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM change_log WHERE version > ? AND kind = 'bulk')",
                                         arguments: [version]) ?? false
            guard !bulk else { return nil }
            let changed = "SELECT DISTINCT id FROM change_log WHERE version > ? AND kind = ?"
            set.jobs = try String.fetchAll(db, sql: "SELECT record FROM job WHERE id IN (\(changed))", arguments: [version, "job"])
                .decodedOnAllCores(Self.decodeJob)
            let jobIDs = try String.fetchAll(db, sql: changed, arguments: [version, "job"])
            let keptJobs = Set(set.jobs.map(\.id))
            set.removedJobs = jobIDs.filter { !keptJobs.contains($0) }
            set.applicants = try String.fetchAll(
                db, sql: "SELECT record FROM applicant WHERE id IN (\(changed))", arguments: [version, "applicant"])
                .decodedOnAllCores(Self.decodeApplicant)
            let applicantIDs = try String.fetchAll(db, sql: changed, arguments: [version, "applicant"])
            let keptApplicants = Set(set.applicants.map(\.id))
            set.removedApplicants = applicantIDs.filter { !keptApplicants.contains($0) }
            return set
        }
    }

    /// Every applicant and job with the data version they make up.
    public func snapshot() async throws -> DataSnapshot {
        try await dbWriter.read { db in
            let version = try Self.dataVersion(db)
            let jobs = try String.fetchAll(db, sql: "SELECT record FROM job ORDER BY id").decodedOnAllCores(Self.decodeJob)
            let applicants = try String.fetchAll(db, sql: "SELECT record FROM applicant ORDER BY id").decodedOnAllCores(Self.decodeApplicant)
            return DataSnapshot(version: version, jobs: jobs, applicants: applicants)
        }
    }

    /// Deletes the log entries up to `version` (a short write); the data version stays.
    public func trimChangeLog(through version: Int64) async throws {
        try await dbWriter.write { db in try db.execute(sql: "DELETE FROM change_log WHERE version <= ?", arguments: [version]) }
    }
}
