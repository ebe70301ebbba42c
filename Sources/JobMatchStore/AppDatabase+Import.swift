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
    /// Readers and other writers are not held up while the files are read: the records are staged in
    /// TEMP tables of the writer connection (which take no lock on the database file), then moved into the
    /// main tables in one short IMMEDIATE transaction, followed by a passive WAL checkpoint.
    @discardableResult
    public func importDataSet(at folder: String, options: DataSetImport.Options = .init()) throws -> DataSetImport.Summary {
        let paths = Dictionary(uniqueKeysWithValues: Interchange.File.allCases.map {
            ($0, URL(fileURLWithPath: folder).appendingPathComponent($0.rawValue).path)
        })
        for file in Interchange.File.allCases where !file.isOptional || JSONLinesReader(path: paths[file]!).exists {
            try JSONLinesReader(path: paths[file]!).checkReadable()
        }
        return try dbWriter.writeWithoutTransaction { db in
            // A large page cache for this import, so the swap writes its pages once, at commit.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")
            try ImportStage.create(db)
            defer {
                try? ImportStage.drop(db)
                try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
            }
            var run = ImportRun(options: options)
            try db.inTransaction(.deferred) {
                for file in Interchange.File.allCases {
                    if file.isOptional, !FileManager.default.fileExists(atPath: paths[file]!) {
                        if !file.isVersion11 { run.summary.warnings.append("\(paths[file]!): missing, read as empty") }
                        continue
                    }
                    try run.read(paths[file]!, as: file, db: db)
                }
                return .commit
            }
            if run.errorCount > 0 {
                throw DataSetImport.Failure(errors: run.errors, totalErrors: run.errorCount)
            }
            try db.inTransaction(.immediate) {
                try ImportStage.swap(db, into: &run.summary)
                return .commit
            }
            _ = try? db.checkpoint(.passive)
            run.summary.warnings += run.warningLines()
            return run.summary
        }
    }
}

/// The TEMP tables an import stages its records in, and the one transaction that moves them in.
enum ImportStage {
    static func create(_ db: Database) throws {
        try drop(db)
        try db.execute(sql: """
            CREATE TEMP TABLE import_applicant (id TEXT PRIMARY KEY, district TEXT, status TEXT, updated_at TEXT, record TEXT);
            CREATE TEMP TABLE import_job (id TEXT PRIMARY KEY, district TEXT, status TEXT, job_type TEXT,
              posted_at_epoch REAL, expires_at_epoch REAL, record TEXT);
            CREATE TEMP TABLE import_interaction (seq INTEGER PRIMARY KEY, applicant_id TEXT, job_id TEXT, event TEXT, at TEXT, at_epoch REAL);
            """)
        try createAssistance(db)
    }

    static func drop(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.import_applicant; DROP TABLE IF EXISTS temp.import_job; DROP TABLE IF EXISTS temp.import_interaction;
            """)
        try dropAssistance(db)
    }

    static func stage(_ a: Applicant, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO temp.import_applicant VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [a.id, a.district, a.status.rawValue, a.updatedAt.text, a.interchangeJSON.jsonText])
    }

    static func stage(_ j: Job, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO temp.import_job VALUES (?, ?, ?, ?, ?, ?, ?)").execute(arguments: [
            j.id, j.district, j.status.rawValue, j.jobType.rawValue, j.postedAt.secondsSince1970, j.expiresAt.secondsSince1970,
            j.interchangeJSON.jsonText,
        ])
    }

    static func stage(_ i: Interaction, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO temp.import_interaction (applicant_id, job_id, event, at, at_epoch) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [i.applicant, i.job, i.event.rawValue, i.at.text, i.at.secondsSince1970])
    }

    /// Moves the staged rows into the main tables (the caller's transaction) and counts what changed.
    static func swap(_ db: Database, into summary: inout DataSetImport.Summary) throws {
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
        let applicants = try count("SELECT COUNT(*) FROM temp.import_applicant")
        summary.applicantsReplaced = try count("SELECT COUNT(*) FROM temp.import_applicant WHERE id IN (SELECT id FROM main.applicant)")
        summary.applicantsAdded = applicants - summary.applicantsReplaced
        let jobs = try count("SELECT COUNT(*) FROM temp.import_job")
        summary.jobsReplaced = try count("SELECT COUNT(*) FROM temp.import_job WHERE id IN (SELECT id FROM main.job)")
        summary.jobsAdded = jobs - summary.jobsReplaced
        try db.execute(sql: """
            INSERT INTO main.applicant (id, district, status, updated_at, record)
            SELECT id, district, status, updated_at, record FROM temp.import_applicant WHERE true
            ON CONFLICT(id) DO UPDATE SET district = excluded.district, status = excluded.status,
              updated_at = excluded.updated_at, record = excluded.record;
            INSERT INTO main.job (id, district, status, job_type, posted_at_epoch, expires_at_epoch, record)
            SELECT id, district, status, job_type, posted_at_epoch, expires_at_epoch, record FROM temp.import_job WHERE true
            ON CONFLICT(id) DO UPDATE SET district = excluded.district, status = excluded.status,
              job_type = excluded.job_type, posted_at_epoch = excluded.posted_at_epoch,
              expires_at_epoch = excluded.expires_at_epoch, record = excluded.record;
            """)
        let interactions = try count("SELECT COUNT(*) FROM temp.import_interaction")
        try db.execute(sql: """
            INSERT OR IGNORE INTO main.interaction (applicant_id, job_id, event, at, at_epoch)
            SELECT applicant_id, job_id, event, at, at_epoch FROM temp.import_interaction ORDER BY seq
            """)
        summary.interactionsAdded = db.changesCount
        summary.interactionsAlreadyPresent = interactions - summary.interactionsAdded
        try swapAssistance(db, into: &summary)
    }
}

/// The state of one import: what was seen, what went wrong, what was written. The 1.1 files' readers are in
/// `ImportRun+Assistance.swift`.
struct ImportRun {
    let options: DataSetImport.Options
    var summary = DataSetImport.Summary()
    var errors: [JobMatchError] = []
    var errorCount = 0
    /// Ids seen in this import, with the line that defined them.
    var applicantLines: [String: Int] = [:]
    var jobLines: [String: Int] = [:]
    var trainingLines: [String: Int] = [:]
    /// Warnings grouped by file and field: count and first line.
    var warnings: [String: (count: Int, firstLine: Int, message: String)] = [:]

    init(options: DataSetImport.Options) { self.options = options }

    mutating func fail(_ error: JobMatchError) {
        errorCount += 1
        if errors.count < options.maxReportedErrors { errors.append(error) }
    }

    mutating func read(_ path: String, as file: Interchange.File, db: Database) throws {
        let shift = options.timeShift
        let reader = JSONLinesReader(path: path)
        let total = reader.byteCount()
        var records = 0
        for line in reader {
            records += 1
            if records % 5000 == 0 {
                options.progress?(.init(file: path, bytesRead: line.bytesRead, totalBytes: total, records: records))
            }
            switch file {
            case .applicants:
                let decoded = Interchange.decodeApplicant(line.bytes)
                let shifted = decoded.record.map { shift == 0 ? $0 : $0.shifted(by: shift) }
                try store(shifted, decoded, in: .applicants, path: path, line: line.number, db: db, stage: ImportStage.stage)
            case .jobs:
                let decoded = Interchange.decodeJob(line.bytes)
                let shifted = decoded.record.map { shift == 0 ? $0 : $0.shifted(by: shift) }
                try store(shifted, decoded, in: .jobs, path: path, line: line.number, db: db, stage: ImportStage.stage)
            case .interactions:
                let decoded = Interchange.decodeInteraction(line.bytes)
                note(decoded, path: path, line: line.number)
                guard let interaction = decoded.record.map({ shift == 0 ? $0 : $0.shifted(by: shift) }) else { continue }
                if applicantLines[interaction.applicant] == nil,
                   try !AppDatabase.exists(table: "applicant", id: interaction.applicant, db)
                {
                    fail(JobMatchError(.invalidRecord, "unknown applicant \"\(interaction.applicant)\"", field: "applicant", file: path, line: line.number))
                }
                if jobLines[interaction.job] == nil, try !AppDatabase.exists(table: "job", id: interaction.job, db) {
                    fail(JobMatchError(.invalidRecord, "unknown job \"\(interaction.job)\"", field: "job", file: path, line: line.number))
                }
                guard errorCount == 0 else { continue }
                try ImportStage.stage(interaction, db)
            case .trainings:
                try readTraining(line.bytes, path: path, line: line.number, db: db)
            case .services:
                try readService(line.bytes, path: path, line: line.number, db: db)
            }
        }
        options.progress?(.init(file: path, bytesRead: total, totalBytes: total, records: records))
    }

    /// Notes an applicant's or job's issues, claims its id, and stages it while the import is still clean.
    mutating func store<R: Identifiable>(
        _ record: R?, _ decoded: Interchange.Decoded<R>, in file: Interchange.File, path: String, line: Int, db: Database,
        stage: (R, Database) throws -> Void
    ) throws where R.ID == String {
        note(decoded, path: path, line: line)
        guard let record, claim(record.id, in: file, path: path, line: line), errorCount == 0 else { return }
        try stage(record, db)
    }

    /// Records the decode's errors and warnings against the file and line.
    mutating func note<R>(_ decoded: Interchange.Decoded<R>, path: String, line: Int) {
        for issue in decoded.errors {
            fail(JobMatchError(.invalidRecord, issue.message, field: issue.field.isEmpty ? nil : issue.field, file: path, line: line))
        }
        for issue in decoded.warnings {
            let key = "\(path)\u{0}\(issue.field)"
            if let seen = warnings[key] {
                warnings[key] = (seen.count + 1, seen.firstLine, seen.message)
            } else {
                warnings[key] = (1, line, "\(path):\(line): \(issue.field): \(issue.message)")
            }
        }
    }

    /// False (and an error) when the id already appeared earlier in the same file.
    mutating func claim(_ id: String, in file: Interchange.File, path: String, line: Int) -> Bool {
        let lines: WritableKeyPath<ImportRun, [String: Int]> =
            file == .applicants ? \.applicantLines : file == .jobs ? \.jobLines : \.trainingLines
        if let first = self[keyPath: lines][id] {
            fail(JobMatchError(.invalidRecord, "duplicate id \"\(id)\" (first on line \(first))", field: "id", file: path, line: line))
            return false
        }
        self[keyPath: lines][id] = line
        return true
    }

    func warningLines() -> [String] {
        warnings.values.sorted { $0.message < $1.message }.map {
            $0.count > 1 ? "\($0.message) (and \($0.count - 1) more lines)" : $0.message
        }
    }
}
