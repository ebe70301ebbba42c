import GRDB
import JobMatchCore

// The readers of the interchange 1.1 files: each line validated field by field, then its references checked
// against the data set and the database, then staged while the import is still clean.
extension ImportRun {
    /// One line of `trainings.jsonl`: decoded, its id claimed (unique in the file), staged.
    mutating func readTraining(_ bytes: ArraySlice<UInt8>, path: String, line: Int, db: Database) throws {
        let decoded = Interchange.decodeTraining(bytes)
        let shift = options.timeShift
        let shifted = decoded.record.map { shift == 0 ? $0 : $0.shifted(by: shift) }
        try store(shifted, decoded, in: .trainings, path: path, line: line, db: db, as: StagedRow.training)
    }

    /// One line of `services.jsonl`: decoded; `applicant`, `job` and `training` must name a record of this
    /// data set or of the database (an error naming the field otherwise); staged.
    mutating func readService(_ bytes: ArraySlice<UInt8>, path: String, line: Int, db: Database) throws {
        let decoded = Interchange.decodeService(bytes)
        note(decoded, path: path, line: line)
        let shift = options.timeShift
        guard let service = decoded.record.map({ shift == 0 ? $0 : $0.shifted(by: shift) }) else { return }
        if applicantLines[service.applicant] == nil, try !AppDatabase.exists(table: ImportGeneration.next("applicant"), id: service.applicant, db) {
            fail(JobMatchError(.invalidRecord, "unknown applicant \"\(service.applicant)\"", field: "applicant", file: path, line: line))
        }
        if let job = service.job, jobLines[job] == nil, try !AppDatabase.exists(table: ImportGeneration.next("job"), id: job, db) {
            fail(JobMatchError(.invalidRecord, "unknown job \"\(job)\"", field: "job", file: path, line: line))
        }
        if let training = service.training, trainingLines[training] == nil,
           try !AppDatabase.exists(table: ImportGeneration.next("training"), id: training, db)
        {
            fail(JobMatchError(.invalidRecord, "unknown training \"\(training)\"", field: "training", file: path, line: line))
        }
        guard errorCount == 0 else { return }
        try stage(.service(service), db: db)
    }
}
