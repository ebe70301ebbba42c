import Foundation
import GRDB
import JobMatchCore

/// An import's staged generation of the data tables: `applicant_next`, `job_next`, `interaction_next` and the
/// interchange 1.1 tables `training_next` and `service_next`, in the database file itself, with the visible tables' definitions and indexes, filled in bounded
/// transactions (a copy of the visible rows, then the import's records merged in), and made visible by
/// ``switchIn(_:importedApplicants:importedJobs:)`` — one short transaction that renames tables, whatever
/// the size. Readers see the old generation or the new one, never a mix.
///
/// Other writers go on while the generation is staged (the daemon's `PUT`s, `DELETE`s and outcomes): the
/// switch carries over, from the change log and the interactions recorded since ``baseInteraction``, what
/// they committed to rows the import does not replace (an import still replaces what it names, as if it
/// had committed last).
struct ImportGeneration {
    /// The tables an import replaces, children last.
    static let tables = ["applicant", "job", "interaction", "training", "service"]
    /// The tables whose rows are events with an autoincremented id (new ones are carried over at the switch).
    static let eventTables = ["interaction", "service"]
    static func next(_ table: String) -> String { table + "_next" }
    static func old(_ table: String) -> String { table + "_old" }

    /// The data version when the copy of the visible rows began: later changes are carried over at the switch.
    let baseVersion: Int64
    /// The interactions' autoincrement counter then: visible rows above it were recorded during the import,
    /// staged rows above it are the import's own.
    let baseInteraction: Int64
    /// The service entries' autoincrement counter then (the same for the record of assistance).
    let baseService: Int64

    /// Drops what an import that did not finish left behind (`*_next`, staged; `*_old`, switched out but
    /// not yet dropped), each table in its own transaction. The caller holds the ``ImportLock``.
    static func removeLeftovers(_ db: Database, writes: inout BoundedWrites) throws {
        for table in tables.reversed() {
            for name in [next(table), old(table)] where try db.tableExists(name) {
                try writes.transaction { try db.execute(sql: "DROP TABLE \"\(name)\"") }
            }
        }
    }

    /// Creates the `*_next` tables and copies the visible rows into them, in bounded transactions.
    static func stage(_ db: Database, writes: inout BoundedWrites, rowsPerTransaction: Int) throws -> ImportGeneration {
        let (version, sequences) = try writes.transaction { () -> (Int64, [String: Int64]) in
            for table in tables {
                guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                                                    arguments: [table]),
                    let head = sql.range(of: #"^CREATE TABLE\s+("?)"# + table + #"\1(?=[\s(])"#, options: .regularExpression)
                else { throw JobMatchError(.internal, "table \(table) has no definition to copy") }
                try db.execute(sql: sql.replacingCharacters(in: head, with: "CREATE TABLE \"\(next(table))\""))
                for index in try Row.fetchAll(db, sql: """
                    SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
                    """, arguments: [table])
                {
                    let name: String = index["name"]
                    let sql: String = index["sql"]
                    // Index names are one namespace: the staged table's alternate between NAME and NAME__next.
                    let staged = name.hasSuffix("__next") ? String(name.dropLast(6)) : name + "__next"
                    // Names as GRDB writes them ("job_applicant_id" ON "job"(…)) or as plain SQL does (name ON table (…)).
                    guard let on = sql.range(of: #"\sON\s+("?)"# + table + #"\1\s*\("#, options: .regularExpression),
                          let named = sql.range(of: #"^CREATE (UNIQUE )?INDEX\s+("?)"# + name + #"\2(?=\s)"#, options: .regularExpression)
                    else { throw JobMatchError(.internal, "index \(name) has no definition to copy") }
                    var copy = sql
                    copy.replaceSubrange(on, with: " ON \"\(next(table))\" (")
                    let prefix = sql[named].hasPrefix("CREATE UNIQUE") ? "CREATE UNIQUE INDEX" : "CREATE INDEX"
                    copy.replaceSubrange(named, with: "\(prefix) \"\(staged)\"")
                    try db.execute(sql: copy)
                }
            }
            var sequences: [String: Int64] = [:]
            for table in eventTables {
                let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [next(table), sequence])
                sequences[table] = sequence
            }
            return (try AppDatabase.dataVersion(db), sequences)
        }
        for table in tables {
            var low = Int64.min
            while true {
                let copied = try writes.transaction { () -> Int64? in
                    guard let high = try Int64.fetchOne(db, sql: """
                        SELECT MAX(rowid) FROM (SELECT rowid FROM "\(table)" WHERE rowid > ? ORDER BY rowid LIMIT ?)
                        """, arguments: [low, rowsPerTransaction])
                    else { return nil }
                    try db.execute(sql: "INSERT INTO \"\(next(table))\" SELECT * FROM \"\(table)\" WHERE rowid > ? AND rowid <= ?",
                                   arguments: [low, high])
                    return high
                }
                guard let copied else { break }
                low = copied
            }
        }
        return ImportGeneration(baseVersion: version, baseInteraction: sequences["interaction"] ?? 0, baseService: sequences["service"] ?? 0)
    }

    /// Makes the staged generation the visible one (in the caller's transaction, with foreign keys off and
    /// `legacy_alter_table` on, so that no other table's references follow the renames): first what other
    /// writers committed since ``baseVersion`` to rows the import does not replace, then the renames, the
    /// change-log triggers moved to the new tables, and one `bulk` change-log entry (readers of the log
    /// rebuild rather than patch). The work is bounded by what others wrote during the import.
    /// Courses are few and not in the change log: the ones the import does not name are copied over again whole.
    /// `logging`: the imported ids to log one change each (a small import: followers patch them in); nil logs one
    /// `bulk` change instead (followers rebuild).
    func switchIn(_ db: Database, importedApplicants: (String) -> Bool, importedJobs: (String) -> Bool,
                  importedTrainings: (String) -> Bool, logging: (applicants: [String], jobs: [String])? = nil) throws {
        let now = try AppDatabase.dataVersion(db)
        if now > baseVersion {
            let oldest = try Int64.fetchOne(db, sql: "SELECT MIN(version) FROM change_log") ?? (now + 1)
            let bulk = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM change_log WHERE version > ? AND kind = 'bulk')",
                                         arguments: [baseVersion]) ?? false
            guard oldest <= baseVersion + 1, !bulk else {
                throw JobMatchError(.conflict, "the database changed too much while the import ran; nothing was written, import again")
            }
        }
        let changed = try Row.fetchAll(db, sql: """
            SELECT DISTINCT kind, id FROM change_log WHERE version > ? AND kind IN ('applicant', 'job')
            """, arguments: [baseVersion])
        for row in changed {
            let (kind, id): (String, String) = (row["kind"], row["id"])
            let column = kind == "applicant" ? "applicant_id" : "job_id"
            let imported = kind == "applicant" ? importedApplicants(id) : importedJobs(id)
            let present = try AppDatabase.exists(table: kind, id: id, db)
            if !imported {
                if present {
                    try db.execute(sql: "INSERT OR REPLACE INTO \(Self.next(kind)) SELECT * FROM main.\(kind) WHERE id = ?", arguments: [id])
                } else {
                    try db.execute(sql: "DELETE FROM \(Self.next(kind)) WHERE id = ?", arguments: [id])
                }
            }
            // Interactions copied at the start that went since (deleted with their person or job).
            try db.execute(sql: """
                DELETE FROM interaction_next WHERE \(column) = ? AND id <= ?
                  AND id NOT IN (SELECT id FROM main.interaction WHERE \(column) = ?)
                """, arguments: [id, baseInteraction, id])
            // Service entries of a person deleted since (their record goes with them); entries naming a deleted
            // posting stay (the record of help given outlives the posting).
            if kind == "applicant" {
                try db.execute(sql: """
                    DELETE FROM service_next WHERE applicant_id = ? AND id <= ?
                      AND id NOT IN (SELECT id FROM main.service WHERE applicant_id = ?)
                    """, arguments: [id, baseService, id])
            }
            let orphans = kind == "applicant"
                ? "SELECT EXISTS(SELECT 1 FROM interaction_next WHERE applicant_id = ?1) OR EXISTS(SELECT 1 FROM service_next WHERE applicant_id = ?1)"
                : "SELECT EXISTS(SELECT 1 FROM interaction_next WHERE job_id = ?1)"
            if !imported, !present, try Bool.fetchOne(db, sql: orphans, arguments: [id]) ?? false {
                throw JobMatchError(.conflict, "\(kind) \"\(id)\" was deleted while the import ran, and imported interactions name it; "
                    + "nothing was written, import again")
            }
        }
        try db.execute(sql: """
            INSERT OR IGNORE INTO interaction_next (applicant_id, job_id, event, at, at_epoch)
            SELECT applicant_id, job_id, event, at, at_epoch FROM main.interaction WHERE id > ? ORDER BY id
            """, arguments: [baseInteraction])
        try db.execute(sql: """
            INSERT OR IGNORE INTO service_next (applicant_id, kind, at, at_epoch, job_id, training_id, record)
            SELECT applicant_id, kind, at, at_epoch, job_id, training_id, record FROM main.service WHERE id > ? ORDER BY id
            """, arguments: [baseService])
        for id in try String.fetchAll(db, sql: "SELECT id FROM main.training") where !importedTrainings(id) {
            try db.execute(sql: "INSERT OR REPLACE INTO training_next SELECT * FROM main.training WHERE id = ?", arguments: [id])
        }
        let triggers = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN (\(Self.tables.map { "'\($0)'" }.joined(separator: ", ")))
            """)
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER \"\(trigger["name"] as String)\"") }
        for table in Self.tables { try db.execute(sql: "ALTER TABLE \"\(table)\" RENAME TO \"\(Self.old(table))\"") }
        for table in Self.tables { try db.execute(sql: "ALTER TABLE \"\(Self.next(table))\" RENAME TO \"\(table)\"") }
        for trigger in triggers { try db.execute(sql: trigger["sql"] as String) }
        if let logging {
            let insert = try db.cachedStatement(sql: "INSERT INTO change_log (kind, id) VALUES (?, ?)")
            for id in logging.applicants { try insert.execute(arguments: ["applicant", id]) }
            for id in logging.jobs { try insert.execute(arguments: ["job", id]) }
        } else {
            try db.execute(sql: "INSERT INTO change_log (kind, id) VALUES ('bulk', 'import')")
        }
    }

    /// Drops the switched-out tables, each in its own transaction.
    static func dropOld(_ db: Database, writes: inout BoundedWrites) throws {
        for table in tables.reversed() where try db.tableExists(old(table)) {
            try writes.transaction { try db.execute(sql: "DROP TABLE \"\(old(table))\"") }
        }
    }
}
