import Foundation
import GRDB
import JobMatchCore

/// The state of one import: what was seen, what went wrong, what was written.
struct ImportRun {
    let options: DataSetImport.Options
    /// The bounded transactions the records are staged in, and the records waiting for the next one.
    var writes: BoundedWrites
    var pending: [StagedRow] = []
    var summary = DataSetImport.Summary()
    var errors: [JobMatchError] = []
    var errorCount = 0
    /// Ids seen in this import, with the line that defined them.
    var applicantLines: [String: Int] = [:]
    var jobLines: [String: Int] = [:]
    var trainingLines: [String: Int] = [:]
    /// Warnings grouped by file and field: count and first line.
    var warnings: [String: (count: Int, firstLine: Int, message: String)] = [:]

    init(options: DataSetImport.Options, writes: BoundedWrites) {
        self.options = options
        self.writes = writes
    }

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
                try store(shifted, decoded, in: .applicants, path: path, line: line.number, db: db, as: StagedRow.applicant)
            case .jobs:
                let decoded = Interchange.decodeJob(line.bytes)
                let shifted = decoded.record.map { shift == 0 ? $0 : $0.shifted(by: shift) }
                try store(shifted, decoded, in: .jobs, path: path, line: line.number, db: db, as: StagedRow.job)
            case .interactions:
                let decoded = Interchange.decodeInteraction(line.bytes)
                note(decoded, path: path, line: line.number)
                guard let interaction = decoded.record.map({ shift == 0 ? $0 : $0.shifted(by: shift) }) else { continue }
                if applicantLines[interaction.applicant] == nil,
                   try !AppDatabase.exists(table: ImportGeneration.next("applicant"), id: interaction.applicant, db)
                {
                    fail(JobMatchError(.invalidRecord, "unknown applicant \"\(interaction.applicant)\"", field: "applicant", file: path, line: line.number))
                }
                if jobLines[interaction.job] == nil, try !AppDatabase.exists(table: ImportGeneration.next("job"), id: interaction.job, db) {
                    fail(JobMatchError(.invalidRecord, "unknown job \"\(interaction.job)\"", field: "job", file: path, line: line.number))
                }
                guard errorCount == 0 else { continue }
                try stage(.interaction(interaction), db: db)
            case .trainings:
                try readTraining(line.bytes, path: path, line: line.number, db: db)
            case .services:
                try readService(line.bytes, path: path, line: line.number, db: db)
            }
        }
        try flush(db)
        options.progress?(.init(file: path, bytesRead: total, totalBytes: total, records: records))
    }

    /// Notes an applicant's or job's issues, claims its id, and stages it while the import is still clean.
    mutating func store<R: Identifiable>(
        _ record: R?, _ decoded: Interchange.Decoded<R>, in file: Interchange.File, path: String, line: Int, db: Database,
        as row: (R) -> StagedRow
    ) throws where R.ID == String {
        note(decoded, path: path, line: line)
        guard let record, claim(record.id, in: file, path: path, line: line), errorCount == 0 else { return }
        try stage(row(record), db: db)
    }

    /// Queues a record; a full queue is written in one short transaction.
    mutating func stage(_ row: StagedRow, db: Database) throws {
        pending.append(row)
        if pending.count >= options.rowsPerTransaction { try flush(db) }
    }

    /// Writes the queued records in one transaction (records are decoded and checked before, outside it,
    /// so the write lock is held only for the inserts).
    mutating func flush(_ db: Database) throws {
        guard !pending.isEmpty else { return }
        let rows = pending
        pending.removeAll(keepingCapacity: true)
        var counts = DataSetImport.Summary()
        try writes.transaction { for row in rows { try row.stage(db, counting: &counts) } }
        summary.applicantsAdded += counts.applicantsAdded
        summary.applicantsReplaced += counts.applicantsReplaced
        summary.jobsAdded += counts.jobsAdded
        summary.jobsReplaced += counts.jobsReplaced
        summary.interactionsAdded += counts.interactionsAdded
        summary.interactionsAlreadyPresent += counts.interactionsAlreadyPresent
        summary.trainingsAdded += counts.trainingsAdded
        summary.trainingsReplaced += counts.trainingsReplaced
        summary.servicesAdded += counts.servicesAdded
        summary.servicesAlreadyPresent += counts.servicesAlreadyPresent
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
        let first = switch file {
        case .applicants: applicantLines[id]
        case .trainings: trainingLines[id]
        default: jobLines[id]
        }
        if let first {
            fail(JobMatchError(.invalidRecord, "duplicate id \"\(id)\" (first on line \(first))", field: "id", file: path, line: line))
            return false
        }
        switch file {
        case .applicants: applicantLines[id] = line
        case .trainings: trainingLines[id] = line
        default: jobLines[id] = line
        }
        return true
    }

    func warningLines() -> [String] {
        warnings.values.sorted { $0.message < $1.message }.map {
            $0.count > 1 ? "\($0.message) (and \($0.count - 1) more lines)" : $0.message
        }
    }
}
