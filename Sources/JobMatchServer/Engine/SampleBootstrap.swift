import Foundation
import JobMatchCore
import JobMatchStore
import Logging

/// First start: an empty database gets the sample data set, moved in time so that the manifest's
/// `as_of` falls on today (postings open, whatever day the daemon first runs).
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
        if shiftToNow, let manifest = try DataSetManifest.read(folder: folder), manifest.asOf != nil {
            shift = try manifest.shift(toAsOf: .now())
        }
        let summary = try database.importDataSet(at: folder, options: DataSetImport.Options(timeShift: shift))
        logger.notice("imported the sample data set into the empty database", metadata: [
            "sample.path": "\(folder)", "sample.shift_days": "\(Int((shift / 86_400).rounded()))",
            "import.applicants": "\(summary.applicantsAdded)", "import.jobs": "\(summary.jobsAdded)",
            "import.interactions": "\(summary.interactionsAdded)",
        ])
        return shift
    }
}
