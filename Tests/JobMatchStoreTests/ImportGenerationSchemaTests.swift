import Foundation
import GRDB
import JobMatchCore
import JobMatchStore
import Testing

/// An import switches in a new generation of every data table (docs/daemon.md, "Imports beside a running daemon"):
/// the tables it brings in must have every column, key and index the migrations gave the old ones, including the
/// interchange 1.1 tables and the expression index on the household, and entries recorded while it ran survive.
@Suite("Import: the switched-in tables keep the schema")
struct ImportGenerationSchemaTests {
    /// The indexes of the data tables, without their names (a generation's indexes alternate NAME and NAME__next).
    static func indexShapes(_ db: AppDatabase) throws -> [String] {
        try db.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
                  AND tbl_name IN ('applicant', 'job', 'interaction', 'training', 'service') ORDER BY tbl_name, sql
                """).map { row -> String in
                let name: String = row["name"], table: String = row["tbl_name"], sql: String = row["sql"]
                let bare = name.hasSuffix("__next") ? String(name.dropLast(6)) : name
                return table + ": " + sql.replacingOccurrences(of: "\"\(name)\"", with: bare).replacingOccurrences(of: name, with: bare)
                    .replacingOccurrences(of: "\"\(table)_next\"", with: table).replacingOccurrences(of: "\"\(table)\"", with: table)
                    .replacingOccurrences(of: " (", with: "(")
            }.sorted()
        }
    }

    @Test("two imports in a row keep every index, the household's too, and householdMembers uses it")
    func indexesSurvive() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.indexShapes(db)
        #expect(before.contains { $0.hasPrefix("applicant: ") && $0.contains("household") })
        #expect(before.contains { $0.hasPrefix("service: ") && $0.contains("applicant_id") })
        try db.importDataSet(at: fixture("v11"))
        #expect(try Self.indexShapes(db) == before)
        try db.importDataSet(at: fixture("v11"))
        #expect(try Self.indexShapes(db) == before)
        let plan = try db.reader.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT record FROM applicant WHERE json_extract(record, '$.household') = 'H500103-0001'")
                .map { $0["detail"] as String }
        }
        #expect(plan.joined().contains("USING INDEX"), "\(plan)")
        #expect(try db.householdMembers(of: "H500103-0001").map(\.id) == ["P01", "P02"])
    }

    @Test("a course saved and an entry recorded by others during an import are there after its switch")
    func concurrentAssistanceWritesSurvive() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.importDataSet(at: fixture("v11"))
        let at = Timestamp(rfc3339: "2026-11-25T10:00:00+08:00")!
        let course = Training(id: "T-DURING", title: "叉车司机培训", district: "500112", startsAt: at, endsAt: at.adding(days: 20))
        let entry = ServiceRecord(applicant: "P01", kind: .followUp, at: at, by: "staff-7", note: "written while the import ran")
        let other = try AppDatabase.open(path: db.path!)
        let wrote = WrittenOnce()
        var options = DataSetImport.Options()
        // When the import has read its applicants (its generation is staged, the switch not yet made), another
        // connection saves a course and records an entry, between two of the import's short transactions.
        options.progress = { progress in
            guard progress.file.hasSuffix("applicants.jsonl"), progress.bytesRead == progress.totalBytes else { return }
            wrote.once { try? other.save(course); _ = try? other.record(entry) }
        }
        try db.importDataSet(at: fixture("v11"), options: options)
        #expect(wrote.done)
        #expect(try db.training(id: "T-DURING") != nil)
        #expect(try db.services(applicant: "P01").contains(entry))
    }
}

/// Runs a block once, from whichever thread calls first.
final class WrittenOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var ran = false
    var done: Bool { lock.withLock { ran } }
    func once(_ body: () -> Void) {
        lock.withLock {
            guard !ran else { return }
            ran = true
            body()
        }
    }
}
