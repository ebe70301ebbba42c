import Foundation
import GRDB
import JobMatchCore

/// One line of the audit log: who did what to whom, through which endpoint, with what outcome.
public struct AuditEntry: Sendable, Hashable {
    /// Sequence number, increasing (0 before the entry is stored).
    public var id: Int64
    /// When the request was answered (or the command ran).
    public var at: Timestamp
    /// The token name of the caller (`-` when no valid token was shown), or `os:USER` for the CLI.
    public var actor: String
    /// The caller's role (`caseworker`, `operator`, `evaluator`, `cli`, `-`).
    public var role: String
    /// `METHOD /path` as requested, or `cli COMMAND`.
    public var endpoint: String
    /// The one person concerned, when there is exactly one (every person is in ``subjects``).
    public var applicant: String?
    /// The job concerned, when there is one.
    public var job: String?
    /// The HTTP status the request was answered with (0 for CLI commands).
    public var status: Int
    /// Anything else worth keeping (the jobs a list showed, a walk-in's district).
    public var detail: String?
    /// Every person the entry touches (stored one per row in `audit_subject`), sorted, no duplicates.
    public var subjects: [String]
    /// The daemon's request id (also sent as `X-Request-ID`), or nil.
    public var requestID: String?
    /// The row's link in the hash chain (hex SHA-256), set when stored.
    public var hash: String?

    public init(
        id: Int64 = 0, at: Timestamp, actor: String, role: String, endpoint: String,
        applicant: String? = nil, job: String? = nil, status: Int, detail: String? = nil,
        subjects: [String]? = nil, requestID: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.role = role
        self.endpoint = endpoint
        self.applicant = applicant
        self.job = job
        self.status = status
        self.detail = detail
        self.subjects = Array(Set(subjects ?? applicant.map { [$0] } ?? [])).sorted()
        self.requestID = requestID
    }

    /// The entry as a JSON object (the API's and `jobmatch audit --json`'s shape).
    public var json: JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("id", .number(Double(id))), ("at", .string(at.text)), ("actor", .string(actor)),
            ("role", .string(role)), ("endpoint", .string(endpoint)),
        ]
        if let applicant { pairs.append(("applicant", .string(applicant))) }
        if let job { pairs.append(("job", .string(job))) }
        pairs.append(("status", .number(Double(status))))
        if let detail { pairs.append(("detail", .string(detail))) }
        pairs.append(("subjects", .array(subjects.map(JSONValue.string))))
        if let requestID { pairs.append(("request_id", .string(requestID))) }
        if let hash { pairs.append(("hash", .string(hash))) }
        return .object(pairs)
    }
}

/// Which audit entries to return.
public struct AuditQuery: Sendable, Hashable {
    public var actor: String?
    /// Entries that touch this person (exact match on `audit_subject`; `_` and `%` are plain characters).
    public var applicant: String?
    public var since: Timestamp?
    /// At most this many, newest last.
    public var limit: Int

    public init(actor: String? = nil, applicant: String? = nil, since: Timestamp? = nil, limit: Int = 1000) {
        self.actor = actor
        self.applicant = applicant
        self.since = since
        self.limit = limit
    }
}

extension AppDatabase {
    /// Migration "v2: audit log": an append-only table. Triggers abort every UPDATE and DELETE,
    /// so an entry, once written, stays as written (the database file itself is the operator's to guard).
    static func createAuditLog(_ db: Database) throws {
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("at_epoch", .double).notNull().indexed()
            t.column("actor", .text).notNull().indexed()
            t.column("role", .text).notNull()
            t.column("endpoint", .text).notNull()
            t.column("applicant_id", .text).indexed()
            t.column("job_id", .text)
            t.column("status", .integer).notNull()
            t.column("detail", .text)
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            """)
    }

    /// Appends entries to the audit log in one transaction (chained, with their subjects).
    public func appendAudit(_ entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        try dbWriter.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                for e in entries { _ = try Self.appendAudit(e, db) }
                return .commit
            }
        }
    }

    /// Appends one entry to the audit log.
    public func appendAudit(_ entry: AuditEntry) throws { try appendAudit([entry]) }

    /// Audit entries matching the query, oldest first (the newest `limit` of them).
    public func auditEntries(_ query: AuditQuery = AuditQuery()) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let actor = query.actor {
            conditions.append("actor = ?")
            arguments.append(actor)
        }
        if let applicant = query.applicant {
            conditions.append("id IN (SELECT audit_id FROM audit_subject WHERE applicant_id = ?)")
            arguments.append(applicant)
        }
        if let since = query.since {
            conditions.append("at_epoch >= ?")
            arguments.append(since.secondsSince1970)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(max(0, query.limit))
        let sql = """
            SELECT * FROM (SELECT * FROM audit_log \(whereClause) ORDER BY id DESC LIMIT ?) ORDER BY id
            """
        return try dbWriter.read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            return try rows.map { try Self.auditEntry($0, db) }
        }
    }

    static func auditEntry(_ row: Row, _ db: Database) throws -> AuditEntry {
        let atText: String = row["at"]
        let id: Int64 = row["id"]
        let subjects = try String.fetchAll(db, sql: "SELECT applicant_id FROM audit_subject WHERE audit_id = ? ORDER BY applicant_id",
                                           arguments: [id])
        var entry = AuditEntry(
            id: id, at: Timestamp(rfc3339: atText) ?? Timestamp(secondsSince1970: row["at_epoch"]),
            actor: row["actor"], role: row["role"], endpoint: row["endpoint"], applicant: row["applicant_id"],
            job: row["job_id"], status: row["status"], detail: row["detail"], subjects: subjects, requestID: row["request_id"]
        )
        entry.subjects = subjects
        entry.hash = row["hash"]
        return entry
    }
}

extension AppDatabase {
    /// Every applicant id, sorted: the people an export or a whole-database read touches (its audit subjects).
    public func applicantIDs() throws -> [String] {
        try dbWriter.read { db in try String.fetchAll(db, sql: "SELECT id FROM applicant ORDER BY id") }
    }
}
