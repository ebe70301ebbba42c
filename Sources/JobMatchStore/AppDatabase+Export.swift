import Foundation
import GRDB
import JobMatchCore

extension AppDatabase {
    /// What an export wrote.
    public struct ExportSummary: Sendable, Equatable {
        public var applicants = 0
        public var jobs = 0
        public var interactions = 0
    }

    /// Writes the database as a data-set folder: applicants and jobs by id, interactions in the
    /// order they were recorded. Reads one snapshot; each file appears only when complete.
    @discardableResult
    public func exportDataSet(to folder: String) throws -> ExportSummary {
        let path = { (file: Interchange.File) in URL(fileURLWithPath: folder).appendingPathComponent(file.rawValue).path }
        let writers = try Interchange.File.allCases.map { try JSONLinesWriter(path: path($0)) }
        do {
            let summary = try dbWriter.read { db -> ExportSummary in
                var summary = ExportSummary()
                let applicants = try String.fetchCursor(db, sql: "SELECT record FROM applicant ORDER BY id")
                while let record = try applicants.next() {
                    try writers[0].write(line: record)
                    summary.applicants += 1
                }
                let jobs = try String.fetchCursor(db, sql: "SELECT record FROM job ORDER BY id")
                while let record = try jobs.next() {
                    try writers[1].write(line: record)
                    summary.jobs += 1
                }
                let interactions = try Row.fetchCursor(db, sql: "SELECT applicant_id, job_id, event, at FROM interaction ORDER BY id")
                while let row = try interactions.next() {
                    try writers[2].write(try AppDatabase.interaction(from: row).interchangeJSON)
                    summary.interactions += 1
                }
                return summary
            }
            for writer in writers { try writer.commit() }
            return summary
        } catch {
            writers.forEach { $0.discard() }
            throw error
        }
    }
}
