import Foundation
import GRDB
import JobMatchCore

/// The audit log's hash chain: each row carries `prev_hash` (the hash of the row before it, 64 zeros for
/// the first) and `hash` = hex SHA-256 of `prev_hash + "\n" + canonical content`, where the canonical
/// content is the JSON array `[id, at, at_epoch, actor, role, endpoint, applicant_id, job_id, status,
/// detail, request_id, [subjects sorted]]`. Editing, deleting or inserting a row by any means (the sqlite3
/// shell with the triggers dropped included) breaks the chain at that row, and ``verifyAuditChain()`` names it.
/// The chain is unkeyed: someone who rewrites every later row too can only be caught against a head hash
/// kept elsewhere (`jobmatch audit verify` prints it).
extension AppDatabase {
    /// The `prev_hash` of the first row.
    public static let auditGenesisHash = String(repeating: "0", count: 64)

    /// Migration "v4: audit chain and subjects": `request_id`, `prev_hash`, `hash` on `audit_log`; the table
    /// `audit_subject(audit_id, applicant_id)` naming every person an entry touches (append-only too).
    /// Existing rows get their subjects (the applicant, the people of a candidate list or an outcome batch)
    /// and their chain links.
    static func createAuditChain(_ db: Database) throws {
        try db.alter(table: "audit_log") { t in
            t.add(column: "request_id", .text)
            t.add(column: "prev_hash", .text)
            t.add(column: "hash", .text)
        }
        try db.create(table: "audit_subject") { t in
            t.column("audit_id", .integer).notNull().references("audit_log", onDelete: .restrict)
            t.column("applicant_id", .text).notNull().indexed()
            t.primaryKey(["audit_id", "applicant_id"])
        }
        // Backfill: the old rows become the chain's start, with the people their text named.
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id")
        try db.execute(sql: "DROP TRIGGER audit_log_no_update")
        var previous = auditGenesisHash
        for row in rows {
            var values = AuditRowValues(row, subjects: [])
            var subjects = Set<String>(values.applicant.map { [$0] } ?? [])
            if let detail = values.detail {
                if values.endpoint.hasSuffix("/candidates") {
                    subjects.formUnion(detail.split(separator: ",").map(String.init))
                } else if detail.hasPrefix("events: ") {
                    subjects.formUnion(detail.dropFirst(8).split(separator: ",").compactMap { $0.split(separator: "/").first.map(String.init) })
                }
            }
            values.subjects = subjects.sorted()
            for subject in values.subjects {
                try db.execute(sql: "INSERT INTO audit_subject (audit_id, applicant_id) VALUES (?, ?)", arguments: [values.id, subject])
            }
            let hash = values.chainHash(previous: previous)
            try db.execute(sql: "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [previous, hash, values.id])
            previous = hash
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_subject_no_update BEFORE UPDATE ON audit_subject
            BEGIN SELECT RAISE(ABORT, 'audit_subject is append-only'); END;
            CREATE TRIGGER audit_subject_no_delete BEFORE DELETE ON audit_subject
            BEGIN SELECT RAISE(ABORT, 'audit_subject is append-only'); END;
            """)
    }

    /// Appends one entry inside the caller's write transaction: the next id, its subjects, its chain link.
    /// Returns the stored id.
    @discardableResult
    static func appendAudit(_ e: AuditEntry, _ db: Database) throws -> Int64 {
        let last = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
        let lastID: Int64 = last?["id"] ?? 0
        let previous: String = last?["hash"] ?? auditGenesisHash
        let values = AuditRowValues(
            id: max(lastID, sequence) + 1, at: e.at.text, atEpoch: e.at.secondsSince1970, actor: e.actor, role: e.role,
            endpoint: e.endpoint, applicant: e.applicant, job: e.job, status: Int64(e.status), detail: e.detail,
            requestID: e.requestID, subjects: e.subjects)
        try db.execute(
            sql: """
            INSERT INTO audit_log (id, at, at_epoch, actor, role, endpoint, applicant_id, job_id, status, detail, request_id, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            arguments: [values.id, values.at, values.atEpoch, values.actor, values.role, values.endpoint, values.applicant, values.job,
                        values.status, values.detail, values.requestID, previous, values.chainHash(previous: previous)])
        for subject in values.subjects {
            try db.execute(sql: "INSERT INTO audit_subject (audit_id, applicant_id) VALUES (?, ?)", arguments: [values.id, subject])
        }
        return values.id
    }

    /// Walks the chain from the first row and reports the first row that does not fit.
    public func verifyAuditChain() throws -> AuditVerification {
        try dbWriter.read { db in
            var previous = Self.auditGenesisHash
            var lastID: Int64 = 0
            var checked = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
            while let row = try cursor.next() {
                let id: Int64 = row["id"]
                let subjects = try String.fetchAll(
                    db, sql: "SELECT applicant_id FROM audit_subject WHERE audit_id = ? ORDER BY applicant_id", arguments: [id])
                let values = AuditRowValues(row, subjects: subjects)
                if id != lastID + 1 {
                    return AuditVerification(checked: checked, head: previous, problem: .init(
                        row: lastID + 1, message: id == lastID + 2 ? "row \(lastID + 1) is missing (deleted)"
                            : "rows \(lastID + 1) to \(id - 1) are missing (deleted)"))
                }
                let stored: String? = row["hash"]
                let storedPrevious: String? = row["prev_hash"]
                if storedPrevious != previous {
                    return AuditVerification(checked: checked, head: previous, problem: .init(
                        row: id, message: "row \(id) does not link to row \(lastID) (its prev_hash differs): a row was inserted or re-hashed"))
                }
                if stored != values.chainHash(previous: previous) {
                    return AuditVerification(checked: checked, head: previous, problem: .init(
                        row: id, message: "row \(id) does not match its hash: it was edited (or its subjects were)"))
                }
                previous = stored!
                lastID = id
                checked += 1
            }
            let orphans = try Int64.fetchOne(db, sql: "SELECT MIN(audit_id) FROM audit_subject WHERE audit_id > ?", arguments: [lastID])
            let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
            if let orphan = orphans ?? (sequence > lastID ? lastID + 1 : nil) {
                return AuditVerification(checked: checked, head: previous, problem: .init(
                    row: orphan, message: "row \(orphan) and any after it are missing (deleted from the end)"))
            }
            return AuditVerification(checked: checked, head: previous, problem: nil)
        }
    }
}

/// What ``AppDatabase/verifyAuditChain()`` found.
public struct AuditVerification: Sendable, Hashable {
    /// The first row that breaks the chain.
    public struct Problem: Sendable, Hashable {
        /// The id of the edited, inserted or (first) deleted row.
        public var row: Int64
        public var message: String
    }

    /// Rows checked and found in order before the first problem.
    public var checked: Int
    /// The hash of the last good row (the chain's head when there is no problem).
    public var head: String
    public var problem: Problem?
    public var isIntact: Bool { problem == nil }
}

/// The stored columns of one audit row, as the chain hashes them.
struct AuditRowValues {
    var id: Int64
    var at: String
    var atEpoch: Double
    var actor: String
    var role: String
    var endpoint: String
    var applicant: String?
    var job: String?
    var status: Int64
    var detail: String?
    var requestID: String?
    var subjects: [String]
}

extension AuditRowValues {
    init(_ row: Row, subjects: [String]) {
        self.init(id: row["id"], at: row["at"], atEpoch: row["at_epoch"], actor: row["actor"], role: row["role"],
                  endpoint: row["endpoint"], applicant: row["applicant_id"], job: row["job_id"], status: row["status"],
                  detail: row["detail"], requestID: row.hasColumn("request_id") ? row["request_id"] : nil, subjects: subjects)
    }

    /// `[id, at, at_epoch, actor, role, endpoint, applicant_id, job_id, status, detail, request_id, [subjects]]`.
    var canonical: String {
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        return JSONValue.array([
            .number(Double(id)), .string(at), .number(atEpoch), .string(actor), .string(role), .string(endpoint),
            text(applicant), text(job), .number(Double(status)), text(detail), text(requestID),
            .array(subjects.sorted().map(JSONValue.string)),
        ]).jsonText
    }

    func chainHash(previous: String) -> String {
        BatchFingerprint.hash(previous + "\n" + canonical)
    }
}
