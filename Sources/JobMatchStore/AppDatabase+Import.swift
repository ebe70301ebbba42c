import Foundation
import GRDB
import JobMatchCore

extension AppDatabase {
    /// Imports a data-set folder (`applicants.jsonl`, `jobs.jsonl`, `interactions.jsonl`) in one transaction.
    ///
    /// Every line is validated; on any error nothing is written and ``DataSetImport/Failure`` lists the
    /// errors as `file:line: field: message`. A record whose id is already stored replaces it; an
    /// interaction already stored is skipped. Files are streamed, never read whole.
    @discardableResult
    public func importDataSet(at folder: String, options: DataSetImport.Options = .init()) throws -> DataSetImport.Summary {
        let paths = Dictionary(uniqueKeysWithValues: Interchange.File.allCases.map {
            ($0, URL(fileURLWithPath: folder).appendingPathComponent($0.rawValue).path)
        })
        for file in Interchange.File.allCases where file != .interactions || JSONLinesReader(path: paths[file]!).exists {
            try JSONLinesReader(path: paths[file]!).checkReadable()
        }
        return try dbWriter.write { db in
            var run = ImportRun(options: options)
            try run.read(paths[.applicants]!, as: .applicants, db: db)
            try run.read(paths[.jobs]!, as: .jobs, db: db)
            if FileManager.default.fileExists(atPath: paths[.interactions]!) {
                try run.read(paths[.interactions]!, as: .interactions, db: db)
            } else {
                run.summary.warnings.append("\(paths[.interactions]!): missing, read as empty")
            }
            if run.errorCount > 0 {
                throw DataSetImport.Failure(errors: run.errors, totalErrors: run.errorCount)
            }
            run.summary.warnings += run.warningLines()
            return run.summary
        }
    }
}

/// The state of one import: what was seen, what went wrong, what was written.
private struct ImportRun {
    let options: DataSetImport.Options
    var summary = DataSetImport.Summary()
    var errors: [JobMatchError] = []
    var errorCount = 0
    /// Ids seen in this import, with the line that defined them.
    var applicantLines: [String: Int] = [:]
    var jobLines: [String: Int] = [:]
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
                if let existed = try store(shifted, decoded, in: .applicants, path: path, line: line.number, db: db, upsert: AppDatabase.upsert) {
                    if existed { summary.applicantsReplaced += 1 } else { summary.applicantsAdded += 1 }
                }
            case .jobs:
                let decoded = Interchange.decodeJob(line.bytes)
                let shifted = decoded.record.map { shift == 0 ? $0 : $0.shifted(by: shift) }
                if let existed = try store(shifted, decoded, in: .jobs, path: path, line: line.number, db: db, upsert: AppDatabase.upsert) {
                    if existed { summary.jobsReplaced += 1 } else { summary.jobsAdded += 1 }
                }
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
                if try AppDatabase.insert(interaction, db) {
                    summary.interactionsAdded += 1
                } else {
                    summary.interactionsAlreadyPresent += 1
                }
            }
        }
        options.progress?(.init(file: path, bytesRead: total, totalBytes: total, records: records))
    }

    /// Notes an applicant's or job's issues, claims its id, and upserts it while the import is still clean.
    /// Returns whether the id was already stored, or nil when nothing was written.
    mutating func store<R: Identifiable>(
        _ record: R?, _ decoded: Interchange.Decoded<R>, in file: Interchange.File, path: String, line: Int, db: Database,
        upsert: (R, Database) throws -> Void
    ) throws -> Bool? where R.ID == String {
        note(decoded, path: path, line: line)
        guard let record, claim(record.id, in: file, path: path, line: line), errorCount == 0 else { return nil }
        let existed = try AppDatabase.exists(table: file == .applicants ? "applicant" : "job", id: record.id, db)
        try upsert(record, db)
        return existed
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
        let first = file == .applicants ? applicantLines[id] : jobLines[id]
        if let first {
            fail(JobMatchError(.invalidRecord, "duplicate id \"\(id)\" (first on line \(first))", field: "id", file: path, line: line))
            return false
        }
        if file == .applicants { applicantLines[id] = line } else { jobLines[id] = line }
        return true
    }

    func warningLines() -> [String] {
        warnings.values.sorted { $0.message < $1.message }.map {
            $0.count > 1 ? "\($0.message) (and \($0.count - 1) more lines)" : $0.message
        }
    }
}
