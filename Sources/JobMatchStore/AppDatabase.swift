import Foundation
import GRDB
import JobMatchCore

/// The JobMatch database: one SQLite file that holds applicants, jobs, interactions and what the
/// services built on them record. `AppDatabase` owns the writer; every write is a transaction.
///
/// Records are stored in their interchange JSON (`record` column) beside the columns that queries
/// filter on, so export writes back exactly what import read.
public struct AppDatabase: Sendable {
    /// The connection pool (WAL mode for files); all writes go through it.
    let dbWriter: any DatabaseWriter

    /// Wraps a writer and migrates its schema to the current version.
    public init(_ dbWriter: any DatabaseWriter) throws {
        self.dbWriter = dbWriter
        try Self.migrator.migrate(dbWriter)
    }

    /// Opens (or creates) the database file at `path`, creating missing folders. The file holds personal
    /// data: it is created 0600 and an existing one (with its `-wal` and `-shm`) is set to 0600; SQLite
    /// gives the `-wal` and `-shm` files it creates the database file's mode.
    public static func open(path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: url.path) { try PrivateFile.create(url.path).close() }
            for suffix in ["", "-wal", "-shm"] { try PrivateFile.restrict(url.path + suffix) }
            let pool = try DatabasePool(path: url.path, configuration: makeConfiguration())
            return try AppDatabase(pool)
        } catch let error as JobMatchError {
            throw error
        } catch {
            throw JobMatchError(.io, "cannot open the database: \(error)", file: path)
        }
    }

    /// The default database path: `var/jobmatch.sqlite` under the working directory.
    public static let defaultPath = "var/jobmatch.sqlite"

    /// The configuration every connection uses: foreign keys on, a busy timeout for concurrent processes,
    /// and the WAL checkpoint policy: SQLite's automatic checkpoint every 1,000 pages (about 4 MB), the WAL
    /// file truncated back to 64 MB after a checkpoint; bulk writers (import, batch) also run a passive
    /// checkpoint after their last commit. Writers hold the write lock only for short transactions (imports
    /// stage in TEMP tables, batches commit in blocks), so the 10 s busy timeout is never reached in use.
    public static func makeConfiguration(_ base: Configuration = Configuration()) -> Configuration {
        var config = base
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000; PRAGMA journal_size_limit = 67108864")
        }
        return config
    }

    /// A passive WAL checkpoint: copies what it can back into the database file without waiting for readers.
    public func checkpoint() throws {
        guard path != nil else { return }
        try dbWriter.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }

    /// Read-only access for queries that span several statements.
    public var reader: any DatabaseReader { dbWriter }

    /// The path of the database file, or nil for an in-memory database.
    public var path: String? {
        let path = dbWriter.path
        return path.isEmpty || path == ":memory:" ? nil : path
    }
}
