import Foundation
import JobMatchCore
import JobMatchStore
import Logging

/// First start: an empty database gets the sample data set, its times shifted so that the manifest's
/// `as_of` falls on the moment of import (postings open today, whatever day it is).
enum SampleBootstrap {
    /// Imports `folder` into an empty database; does nothing when the database holds anything or the
    /// folder is missing. Returns the shift applied, in seconds.
    @discardableResult
    static func importIfEmpty(_ database: AppDatabase, folder: String?, shiftToNow: Bool, logger: Logger) throws -> Double? {
        guard let folder else { return nil }
        let counts = try database.counts()
        guard counts.applicants == 0, counts.jobs == 0, counts.interactions == 0 else { return nil }
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent("jobs.jsonl").path) else {
            logger.warning("empty database and no sample data set to import", metadata: ["sample.path": "\(folder)"])
            return nil
        }
        var shift = 0.0
        if shiftToNow, let asOf = manifestAsOf(folder) {
            shift = (Timestamp.now().secondsSince1970 - asOf.secondsSince1970).rounded()
        }
        let source = shift == 0 ? folder : try shiftedCopy(of: folder, by: shift)
        defer { if source != folder { try? FileManager.default.removeItem(atPath: source) } }
        let summary = try database.importDataSet(at: source)
        logger.notice("imported the sample data set into the empty database", metadata: [
            "sample.path": "\(folder)", "sample.shift_days": "\(Int((shift / 86_400).rounded()))",
            "import.applicants": "\(summary.applicantsAdded)", "import.jobs": "\(summary.jobsAdded)",
            "import.interactions": "\(summary.interactionsAdded)",
        ])
        return shift
    }

    /// The manifest's `as_of`, when there is one.
    static func manifestAsOf(_ folder: String) -> Timestamp? {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("manifest.json").path
        guard let data = FileManager.default.contents(atPath: path),
              case let .success(value) = Interchange.parse(Array(data)),
              case let .string(text)? = value["as_of"]
        else { return nil }
        return Timestamp(rfc3339: text)
    }

    /// A copy of the data set in a temporary folder with every time moved by `seconds` (birth years by
    /// the whole years in it, so ages stay as they were).
    static func shiftedCopy(of folder: String, by seconds: Double) throws -> String {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-sample-\(UUID().uuidString)").path
        let years = Int((seconds / (365.2425 * 86_400)).rounded(.towardZero))
        func lines(_ file: Interchange.File) -> JSONLinesReader {
            JSONLinesReader(path: URL(fileURLWithPath: folder).appendingPathComponent(file.rawValue).path)
        }
        func out(_ file: Interchange.File) throws -> JSONLinesWriter {
            try JSONLinesWriter(path: URL(fileURLWithPath: target).appendingPathComponent(file.rawValue).path)
        }
        // Lines that do not decode are copied as they are, so the import reports them as usual.
        let applicants = try out(.applicants)
        for line in lines(.applicants) {
            if var a = Interchange.decodeApplicant(line.bytes).record {
                a.updatedAt = a.updatedAt.adding(seconds: seconds)
                a.birthYear += years
                try applicants.write(a.interchangeJSON)
            } else {
                try applicants.write(line: String(decoding: line.bytes, as: UTF8.self))
            }
        }
        try applicants.commit()
        let jobs = try out(.jobs)
        for line in lines(.jobs) {
            if var j = Interchange.decodeJob(line.bytes).record {
                j.postedAt = j.postedAt.adding(seconds: seconds)
                j.expiresAt = j.expiresAt.adding(seconds: seconds)
                try jobs.write(j.interchangeJSON)
            } else {
                try jobs.write(line: String(decoding: line.bytes, as: UTF8.self))
            }
        }
        try jobs.commit()
        let interactions = try out(.interactions)
        for line in lines(.interactions) {
            if var i = Interchange.decodeInteraction(line.bytes).record {
                i.at = i.at.adding(seconds: seconds)
                try interactions.write(i.interchangeJSON)
            } else {
                try interactions.write(line: String(decoding: line.bytes, as: UTF8.self))
            }
        }
        try interactions.commit()
        return target
    }
}
