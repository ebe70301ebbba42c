import Foundation
import GRDB
import JobMatchCore

extension AppDatabase {
    /// What an export wrote.
    public struct ExportSummary: Sendable, Equatable {
        public var applicants = 0
        public var jobs = 0
        public var interactions = 0
        /// Version 1.1: courses and service entries (their files are written only when there are some).
        public var trainings = 0
        public var services = 0
    }

    /// Writes the database as a data-set folder: applicants, jobs and trainings by id, interactions and service
    /// entries in the order they were recorded. Reads one snapshot; each file appears only when complete.
    ///
    /// `applicants.jsonl`, `jobs.jsonl` and `interactions.jsonl` are always written. The version 1.1 files
    /// (`trainings.jsonl`, `services.jsonl`) are written only when the database holds some, and a file of that
    /// name left in the folder is removed otherwise: a version 1 data set exports to exactly its three files and
    /// a 1.1 one to its five, each byte for byte as imported when the input was in the canonical form.
    @discardableResult
    public func exportDataSet(to folder: String) throws -> ExportSummary {
        let path = { (file: Interchange.File) in URL(fileURLWithPath: folder).appendingPathComponent(file.rawValue).path }
        let writers = try Dictionary(uniqueKeysWithValues: Interchange.File.allCases.map { ($0, try JSONLinesWriter(path: path($0))) })
        do {
            let summary = try dbWriter.read { db -> ExportSummary in
                var summary = ExportSummary()
                summary.applicants = try Self.copyRecords(db, "SELECT record FROM applicant ORDER BY id", to: writers[.applicants]!)
                summary.jobs = try Self.copyRecords(db, "SELECT record FROM job ORDER BY id", to: writers[.jobs]!)
                let interactions = try Row.fetchCursor(db, sql: "SELECT applicant_id, job_id, event, at FROM interaction ORDER BY id")
                while let row = try interactions.next() {
                    try writers[.interactions]!.write(try AppDatabase.interaction(from: row).interchangeJSON)
                    summary.interactions += 1
                }
                summary.trainings = try Self.copyRecords(db, "SELECT record FROM training ORDER BY id", to: writers[.trainings]!)
                summary.services = try Self.copyRecords(db, "SELECT record FROM service ORDER BY id", to: writers[.services]!)
                return summary
            }
            let empty: [Interchange.File: Bool] = [.trainings: summary.trainings == 0, .services: summary.services == 0]
            for (file, writer) in writers {
                guard empty[file] == true else { try writer.commit(); continue }
                writer.discard()
                if FileManager.default.fileExists(atPath: writer.path) { try FileManager.default.removeItem(atPath: writer.path) }
            }
            return summary
        } catch {
            writers.values.forEach { $0.discard() }
            throw error
        }
    }

    /// Writes each stored record (its interchange JSON, as stored) as a line; returns how many.
    private static func copyRecords(_ db: Database, _ sql: String, to writer: JSONLinesWriter) throws -> Int {
        let records = try String.fetchCursor(db, sql: sql)
        var count = 0
        while let record = try records.next() {
            try writer.write(line: record)
            count += 1
        }
        return count
    }
}
