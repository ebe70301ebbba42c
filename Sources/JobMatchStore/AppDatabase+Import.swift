import Foundation
import GRDB
import JobMatchCore

extension AppDatabase {
    /// Imports a data-set folder (`applicants.jsonl`, `jobs.jsonl`, `interactions.jsonl`, and the version 1.1
    /// `trainings.jsonl` and `services.jsonl`), all or nothing. Only applicants and jobs are required; a missing
    /// interactions file is read as empty with a warning, missing 1.1 files silently (a version 1 data set).
    ///
    /// Every line is validated; on any error nothing is written and ``DataSetImport/Failure`` lists the
    /// errors as `file:line: field: message`. A record whose id is already stored replaces it (applicants,
    /// jobs, trainings); an interaction or service entry already stored is skipped. An interaction's and a
    /// service entry's references (applicant, job, training) must name a record of the data set or of the
    /// database. Files are streamed, never read whole.
    ///
    /// No write transaction is long, whatever the size: the new generation of the data tables is staged
    /// in the database file (``ImportGeneration``: the visible rows copied, the records merged in, a few
    /// thousand rows per transaction), then made visible by one short transaction that renames tables, so
    /// readers see the old data or the new, never a mix, and other writers (the daemon's audit log) wait
    /// at most one such transaction. The switch logs one `bulk` change. A killed import leaves the visible
    /// data as it was; its staged tables are dropped by the next import (or ``removeImportLeftovers()``).
    /// One import at a time per database file (another one is refused with `conflict`).
    @discardableResult
    public func importDataSet(at folder: String, options: DataSetImport.Options = .init()) throws -> DataSetImport.Summary {
        let paths = Dictionary(uniqueKeysWithValues: Interchange.File.allCases.map {
            ($0, URL(fileURLWithPath: folder).appendingPathComponent($0.rawValue).path)
        })
        for file in Interchange.File.allCases where !file.isOptional || JSONLinesReader(path: paths[file]!).exists {
            try JSONLinesReader(path: paths[file]!).checkReadable()
        }
        let lock = try path.map { path -> ImportLock in
            guard let lock = try ImportLock.acquire(database: path, wait: false) else {
                throw JobMatchError(.conflict, "another import is running on this database", file: path)
            }
            return lock
        }
        return try withExtendedLifetime(lock) {
            try dbWriter.writeWithoutTransaction { db in
                try Self.withImportSettings(db) { try Self.importDataSet(paths: paths, options: options, db: db) }
            }
        }
    }

    /// Drops the staged tables an import that was killed left behind, unless an import is running now.
    /// Returns true when there was nothing left or it was dropped.
    @discardableResult
    public func removeImportLeftovers() throws -> Bool {
        guard let path else { return true }
        guard let lock = try ImportLock.acquire(database: path, wait: false) else { return false }
        return try withExtendedLifetime(lock) {
            try dbWriter.writeWithoutTransaction { db in
                try Self.withImportSettings(db) {
                    var writes = BoundedWrites(db: db)
                    try ImportGeneration.removeLeftovers(db, writes: &writes)
                    return true
                }
            }
        }
    }

    /// Runs `body` with foreign keys off (staged rows name people and jobs not yet visible; the import
    /// checks every reference itself), `legacy_alter_table` on (renames leave other tables' references
    /// alone) and a large page cache, then restores them.
    private static func withImportSettings<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize); PRAGMA foreign_keys = ON; PRAGMA legacy_alter_table = OFF") }
        return try body()
    }

    private static func importDataSet(paths: [Interchange.File: String], options: DataSetImport.Options, db: Database) throws
        -> DataSetImport.Summary
    {
        var writes = BoundedWrites(db: db)
        try ImportGeneration.removeLeftovers(db, writes: &writes)
        var run: ImportRun
        do {
            let generation = try ImportGeneration.stage(db, writes: &writes, rowsPerTransaction: options.rowsPerTransaction)
            run = ImportRun(options: options, writes: writes)
            for file in Interchange.File.allCases {
                if file.isOptional, !FileManager.default.fileExists(atPath: paths[file]!) {
                    if !file.isVersion11 { run.summary.warnings.append("\(paths[file]!): missing, read as empty") }
                    continue
                }
                try run.read(paths[file]!, as: file, db: db)
            }
            try run.flush(db)
            if run.errorCount > 0 { throw DataSetImport.Failure(errors: run.errors, totalErrors: run.errorCount) }
            let (applicants, jobs, trainings) = (run.applicantLines, run.jobLines, run.trainingLines)
            let perRecord = applicants.count + jobs.count <= options.perRecordChangesUpTo
                ? (applicants: applicants.keys.sorted(), jobs: jobs.keys.sorted()) : nil
            let start = ContinuousClock.now
            try run.writes.transaction {
                try generation.switchIn(db, importedApplicants: { applicants[$0] != nil }, importedJobs: { jobs[$0] != nil },
                                        importedTrainings: { trainings[$0] != nil }, logging: perRecord)
            }
            run.summary.switchDuration = .now - start
        } catch {
            try? ImportGeneration.removeLeftovers(db, writes: &writes)
            throw error
        }
        try ImportGeneration.dropOld(db, writes: &run.writes)
        _ = try? db.checkpoint(.passive)
        run.summary.longestWriteTransaction = max(run.writes.longest, writes.longest)
        run.summary.warnings += run.warningLines()
        return run.summary
    }
}
