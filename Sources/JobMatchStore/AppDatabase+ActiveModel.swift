import Foundation
import GRDB
import JobMatchCore

/// The model in force for this database: one row naming a model folder and the SHA-256 of its files,
/// written by `jobmatch train` on this database and by nothing else, so training on one database never
/// changes what another database's `recommend`, `batch` or daemon uses.
extension AppDatabase {
    /// The migration "v6: active model": the one-row `active_model` table.
    static func createActiveModel(_ db: Database) throws {
        try db.create(table: "active_model") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("path", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("activated_at", .text).notNull()
        }
    }

    /// The recorded active model of this database, if `jobmatch train` has set one.
    public func activeModel() throws -> (path: String, sha256: String)? {
        try dbWriter.read { db in
            try Row.fetchOne(db, sql: "SELECT path, sha256 FROM active_model WHERE id = 1").map { ($0["path"], $0["sha256"]) }
        }
    }

    /// Makes `folder` (stored as an absolute path) this database's active model, with the hash of its files now.
    public func setActiveModel(folder: String, at time: Timestamp = .now()) throws {
        let path = URL(fileURLWithPath: folder).standardizedFileURL.path
        let hash = try ModelDirectory(path: path).contentHash()
        try dbWriter.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO active_model (id, path, sha256, activated_at) VALUES (1, ?, ?, ?)",
                           arguments: [path, hash, time.text])
        }
    }
}

extension ModelDirectory {
    /// Hex SHA-256 over the model's files (name, then bytes), in name order.
    public func contentHash() throws -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".json") && $0 != "training.json" }.sorted()
        guard names.contains("manifest.json") else { throw JobMatchError(.notFound, "no model here (manifest.json is missing)", file: path) }
        return OutcomeHash.sha256(chunks: names.flatMap { name in
            [Array((name + "\n").utf8), [UInt8](FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(name)) ?? Data())]
        })
    }
}
