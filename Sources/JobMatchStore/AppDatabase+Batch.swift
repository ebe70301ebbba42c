import GRDB
import JobMatchCore

/// A nightly batch run as stored: what it read (as-of, model version, data hash, parameters), what it
/// reported, and whether it was published or refused by the quality gates.
public struct BatchRunRecord: Sendable, Hashable {
    public var id: String
    public var asOf: Timestamp
    public var modelVersion: String
    public var dataHash: String
    /// The run's parameters as JSON text.
    public var parameters: String
    /// The ``BatchReport`` as JSON text.
    public var report: String
    public var status: Status
    /// Hex SHA-256 of the output file's bytes (empty for refused runs).
    public var outputHash: String
    /// Wall-clock time the run was recorded (RFC 3339).
    public var recordedAt: String

    public enum Status: String, Sendable, Hashable {
        /// `writing`: lists and pushes are being stored (or the writer died); counts for nothing until published.
        case published, refused, writing
    }

    public init(id: String, asOf: Timestamp, modelVersion: String, dataHash: String, parameters: String, report: String,
                status: Status, outputHash: String, recordedAt: String)
    {
        self.id = id
        self.asOf = asOf
        self.modelVersion = modelVersion
        self.dataHash = dataHash
        self.parameters = parameters
        self.report = report
        self.status = status
        self.outputHash = outputHash
        self.recordedAt = recordedAt
    }
}

/// One push of a published run, kept so the same posting is not pushed to the same person again.
public struct PushRecord: Sendable, Hashable {
    public var applicant: String
    public var job: String
    public var rank: Int

    public init(applicant: String, job: String, rank: Int) {
        self.applicant = applicant
        self.job = job
        self.rank = rank
    }
}

extension AppDatabase {
    /// The `v3` migration: batch runs, their lists (one output line per applicant), push history.
    static func createBatchTables(_ db: Database) throws {
        try db.create(table: "batch_run") { t in
            t.primaryKey("id", .text)
            t.column("as_of", .text).notNull()
            t.column("as_of_epoch", .double).notNull().indexed()
            t.column("model_version", .text).notNull()
            t.column("data_hash", .text).notNull()
            t.column("parameters", .text).notNull()
            t.column("report", .text).notNull()
            t.column("status", .text).notNull()
            t.column("output_hash", .text).notNull()
            t.column("recorded_at", .text).notNull()
        }
        try db.create(table: "batch_list") { t in
            t.column("run_id", .text).notNull().references("batch_run", onDelete: .cascade)
            t.column("applicant_id", .text).notNull()
            t.column("line", .text).notNull()
            t.primaryKey(["run_id", "applicant_id"])
        }
        try db.create(table: "push_history") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("run_id", .text).notNull().indexed().references("batch_run", onDelete: .cascade)
            t.column("applicant_id", .text).notNull().references("applicant", onDelete: .cascade)
            t.column("job_id", .text).notNull().references("job", onDelete: .cascade)
            t.column("rank", .integer).notNull()
            t.column("pushed_at_epoch", .double).notNull().indexed()
        }
        try db.create(index: "push_history_pair", on: "push_history", columns: ["applicant_id", "job_id"])
    }

    /// Lines stored per transaction while a run is published.
    public static let publishBlock = 500

    /// Pushes stored per insert statement while a run is published.
    static let pushRows = 50

    /// Stores a published run: the run, every applicant's line and the pushes (at the run's as-of time).
    /// `produce` is called with a function that stores one line and its pushes, and returns the output's
    /// hash, saved on the run. A run with the same id is replaced, so re-running the same night is idempotent.
    ///
    /// Writes go in bounded transactions (``publishBlock`` lines each) so that other writers — the daemon's
    /// audit log and changes — never wait long: the run is first stored as `writing`, its rows follow, and
    /// the last transaction marks it `published`. A run that is not `published` counts for nothing
    /// (``pushes(from:to:)`` and ``previousPublishedRun(before:)`` ignore it); when `produce` throws, the
    /// rows written so far are deleted, and after a crash the rerun replaces them.
    public func savePublishedRun(
        _ run: BatchRunRecord,
        produce: (_ add: (_ applicant: String, _ line: String, _ pushes: [PushRecord]) throws -> Void) throws -> String
    ) throws {
        try dbWriter.writeWithoutTransaction { db in
            var writing = run
            writing.status = .writing
            try Self.removeRun(id: run.id, db)
            try db.inTransaction(.immediate) {
                try Self.insert(writing, db)
                return .commit
            }
            let list = try db.makeStatement(sql: "INSERT INTO batch_list (run_id, applicant_id, line) VALUES (?, ?, ?)")
            // Pushes go in multi-row inserts (ids, and so the order of the rows, as one row at a time).
            let pushSQL = "INSERT INTO push_history (run_id, applicant_id, job_id, rank, pushed_at_epoch) VALUES "
            let push = try db.makeStatement(sql: pushSQL + "(?, ?, ?, ?, ?)")
            let pushes = try db.makeStatement(sql: pushSQL + Array(repeating: "(?, ?, ?, ?, ?)", count: Self.pushRows).joined(separator: ", "))
            let at = run.asOf.secondsSince1970
            let (runValue, atValue) = (run.id.databaseValue, at.databaseValue)
            var pending: [(applicant: String, line: String, pushes: [PushRecord])] = []
            func flush() throws {
                guard !pending.isEmpty else { return }
                let start = ContinuousClock.now
                defer { BoundedWrites.pause(after: .now - start) }   // other writers get a turn (see BoundedWrites)
                try db.inTransaction(.immediate) {
                    var values: [DatabaseValue] = []
                    for item in pending {
                        try list.execute(arguments: [run.id, item.applicant, item.line])
                        for p in item.pushes { values += [runValue, p.applicant.databaseValue, p.job.databaseValue, p.rank.databaseValue, atValue] }
                    }
                    let many = 5 * Self.pushRows
                    var start = 0
                    while values.count - start >= many {
                        try pushes.execute(arguments: StatementArguments(values[start..<start + many]))
                        start += many
                    }
                    for row in stride(from: start, to: values.count, by: 5) { try push.execute(arguments: StatementArguments(values[row..<row + 5])) }
                    return .commit
                }
                pending.removeAll(keepingCapacity: true)
            }
            do {
                let outputHash = try produce { applicant, line, pushes in
                    pending.append((applicant, line, pushes))
                    if pending.count >= Self.publishBlock { try flush() }
                }
                try flush()
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "UPDATE batch_run SET status = ?, output_hash = ? WHERE id = ?",
                                   arguments: [BatchRunRecord.Status.published.rawValue, outputHash, run.id])
                    return .commit
                }
            } catch {
                try? Self.removeRun(id: run.id, db)
                throw error
            }
            _ = try? db.checkpoint(.passive)
        }
    }

    /// Deletes a stored run with its lists and pushes in bounded transactions: first it is marked `writing`
    /// (from then on it counts for nothing, as if gone), then its rows go ``publishBlock`` at a time, then
    /// the run itself. A city-scale night (200,000 lists, 2 million pushes) never goes in one transaction.
    static func removeRun(id: String, _ db: Database) throws {
        try db.inTransaction(.immediate) {
            try db.execute(sql: "UPDATE batch_run SET status = 'writing' WHERE id = ?", arguments: [id])
            return .commit
        }
        for table in ["push_history", "batch_list"] {
            var deleted = 0
            repeat {
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "DELETE FROM \(table) WHERE rowid IN (SELECT rowid FROM \(table) WHERE run_id = ? LIMIT ?)",
                                   arguments: [id, publishBlock * 5])
                    deleted = db.changesCount
                    return .commit
                }
            } while deleted > 0
        }
        try db.inTransaction(.immediate) {
            try db.execute(sql: "DELETE FROM batch_run WHERE id = ?", arguments: [id])
            return .commit
        }
    }

    /// Records a run the quality gates refused (no lists, no pushes), replacing one with the same id.
    public func saveRefusedRun(_ run: BatchRunRecord) throws {
        try dbWriter.write { db in
            try db.execute(sql: "DELETE FROM batch_run WHERE id = ?", arguments: [run.id])
            try Self.insert(run, db)
        }
    }

    /// The latest published run with an as-of time before `time`, or nil.
    public func previousPublishedRun(before time: Timestamp) throws -> BatchRunRecord? {
        try dbWriter.read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM batch_run WHERE status = 'published' AND as_of_epoch < ?
                ORDER BY as_of_epoch DESC, recorded_at DESC, id DESC LIMIT 1
                """, arguments: [time.secondsSince1970]).map(Self.batchRun(from:))
        }
    }

    /// A run by id.
    public func batchRun(id: String) throws -> BatchRunRecord? {
        try dbWriter.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM batch_run WHERE id = ?", arguments: [id]).map(Self.batchRun(from:))
        }
    }

    /// All runs, oldest as-of first.
    public func batchRuns() throws -> [BatchRunRecord] {
        try dbWriter.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM batch_run ORDER BY as_of_epoch, recorded_at, id").map(Self.batchRun(from:))
        }
    }

    /// The output line a run wrote for an applicant (to reproduce a list for an appeal).
    public func batchLine(run: String, applicant: String) throws -> String? {
        try dbWriter.read { db in
            try String.fetchOne(db, sql: "SELECT line FROM batch_list WHERE run_id = ? AND applicant_id = ?", arguments: [run, applicant])
        }
    }

    /// Every line of a run, by applicant id.
    public func batchLines(run: String) throws -> [String] {
        try dbWriter.read { db in
            try String.fetchAll(db, sql: "SELECT line FROM batch_list WHERE run_id = ? ORDER BY applicant_id", arguments: [run])
        }
    }

    /// Pushes of published runs recorded at `[start, end)` (epoch seconds).
    public func pushes(from start: Double, to end: Double) throws -> [(applicant: String, job: String, at: Double)] {
        try dbWriter.read { db in
            try Row.fetchAll(db, sql: """
                SELECT applicant_id, job_id, pushed_at_epoch FROM push_history
                WHERE pushed_at_epoch >= ? AND pushed_at_epoch < ?
                  AND run_id IN (SELECT id FROM batch_run WHERE status = 'published') ORDER BY id
                """, arguments: [start, end]).map { row -> (applicant: String, job: String, at: Double) in
                    (applicant: row["applicant_id"], job: row["job_id"], at: row["pushed_at_epoch"])
                }
        }
    }

    static func insert(_ run: BatchRunRecord, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO batch_run (id, as_of, as_of_epoch, model_version, data_hash, parameters, report, status, output_hash, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [run.id, run.asOf.text, run.asOf.secondsSince1970, run.modelVersion, run.dataHash, run.parameters,
                             run.report, run.status.rawValue, run.outputHash, run.recordedAt])
    }

    static func batchRun(from row: Row) throws -> BatchRunRecord {
        let asOfText: String = row["as_of"]
        let statusText: String = row["status"]
        guard let asOf = Timestamp(rfc3339: asOfText), let status = BatchRunRecord.Status(rawValue: statusText) else {
            throw JobMatchError(.internal, "stored batch run is corrupt: \(asOfText) \(statusText)")
        }
        return BatchRunRecord(id: row["id"], asOf: asOf, modelVersion: row["model_version"], dataHash: row["data_hash"],
                              parameters: row["parameters"], report: row["report"], status: status,
                              outputHash: row["output_hash"], recordedAt: row["recorded_at"])
    }
}
