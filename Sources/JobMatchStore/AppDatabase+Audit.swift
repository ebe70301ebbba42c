import Foundation
import GRDB
import JobMatchCore

/// One line of the audit log: who did what to whom, through which endpoint, with what outcome.
public struct AuditEntry: Sendable, Hashable {
    /// Sequence number, increasing (0 before the entry is stored).
    public var id: Int64
    /// When the request was answered.
    public var at: Timestamp
    /// The token name of the caller (`-` when no valid token was shown).
    public var actor: String
    /// The caller's role (`caseworker`, `operator`, `evaluator`, `-`).
    public var role: String
    /// `METHOD /path` as requested.
    public var endpoint: String
    /// The person concerned, when there is one.
    public var applicant: String?
    /// The job concerned, when there is one.
    public var job: String?
    /// The HTTP status the request was answered with.
    public var status: Int
    /// Anything else worth keeping (e.g. the people a candidate list showed).
    public var detail: String?

    public init(
        id: Int64 = 0, at: Timestamp, actor: String, role: String, endpoint: String,
        applicant: String? = nil, job: String? = nil, status: Int, detail: String? = nil
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
        return .object(pairs)
    }
}

/// Which audit entries to return.
public struct AuditQuery: Sendable, Hashable {
    public var actor: String?
    /// Entries about this person, whether as the applicant or inside the detail (candidate lists).
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

    /// Appends entries to the audit log in one transaction.
    public func appendAudit(_ entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        try dbWriter.write { db in
            for e in entries {
                try db.execute(
                    sql: """
                    INSERT INTO audit_log (at, at_epoch, actor, role, endpoint, applicant_id, job_id, status, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    arguments: [e.at.text, e.at.secondsSince1970, e.actor, e.role, e.endpoint, e.applicant, e.job, e.status, e.detail]
                )
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
            conditions.append("(applicant_id = ? OR (',' || detail || ',') LIKE ?)")
            arguments.append(applicant)
            arguments.append("%," + applicant + ",%")
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
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let atText: String = row["at"]
                return AuditEntry(
                    id: row["id"], at: Timestamp(rfc3339: atText) ?? Timestamp(secondsSince1970: row["at_epoch"]),
                    actor: row["actor"], role: row["role"], endpoint: row["endpoint"], applicant: row["applicant_id"],
                    job: row["job_id"], status: row["status"], detail: row["detail"]
                )
            }
        }
    }
}
