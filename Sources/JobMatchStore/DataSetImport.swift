import JobMatchCore

/// What importing a data-set folder reports.
public enum DataSetImport {
    /// What an import changed.
    public struct Summary: Sendable, Equatable {
        public var applicantsAdded = 0
        public var applicantsReplaced = 0
        public var jobsAdded = 0
        public var jobsReplaced = 0
        public var interactionsAdded = 0
        /// Interactions already recorded with the same applicant, job, event and time.
        public var interactionsAlreadyPresent = 0
        /// Version 1.1: courses new to the database, and courses whose id was stored (replaced).
        public var trainingsAdded = 0
        public var trainingsReplaced = 0
        /// Version 1.1: service entries recorded, and entries already recorded exactly so (skipped).
        public var servicesAdded = 0
        public var servicesAlreadyPresent = 0
        /// Unknown fields and other things that were ignored, one line per kind.
        public var warnings: [String] = []
        /// The longest write transaction of the import (the time it held the database's write lock at once).
        public var longestWriteTransaction: Duration = .zero
        /// How long the transaction that made the new data visible took.
        public var switchDuration: Duration = .zero
    }

    /// How far an import has read, for a progress display.
    public struct Progress: Sendable {
        public var file: String
        public var bytesRead: Int
        public var totalBytes: Int
        public var records: Int
    }

    /// An import that wrote nothing because of invalid records.
    public struct Failure: Error, CustomStringConvertible {
        /// The first errors, each naming file, line and field.
        public var errors: [JobMatchError]
        /// How many errors there were in all (more than `errors.count` when capped).
        public var totalErrors: Int

        public var description: String {
            var lines = errors.map(\.description)
            if totalErrors > errors.count { lines.append("… and \(totalErrors - errors.count) more errors") }
            lines.append("import failed: \(totalErrors) error\(totalErrors == 1 ? "" : "s"); nothing was written")
            return lines.joined(separator: "\n")
        }
    }

    /// Import settings.
    public struct Options: Sendable {
        /// Errors listed before the rest are only counted.
        public var maxReportedErrors: Int
        /// Seconds added to every timestamp before it is stored (0: as written). Replays a bundled
        /// data set at another date; see ``DataSetManifest/shift(toAsOf:)``.
        public var timeShift: Double
        /// Called every few thousand records and at the end of each file.
        public var progress: (@Sendable (Progress) -> Void)?
        /// Rows staged per write transaction (each transaction holds the write lock only that long).
        public var rowsPerTransaction: Int
        /// An import naming at most this many applicants and postings logs one change per record at its switch,
        /// so a follower (the daemon) patches them in; a larger one logs a single `bulk` change and the follower
        /// rebuilds from a full read. 40,000 keeps the switch short (one small insert per record, ~0.1 s) and stays
        /// under the daemon's rebuild threshold (50,000 entries).
        public var perRecordChangesUpTo: Int

        public init(maxReportedErrors: Int = 100, timeShift: Double = 0, progress: (@Sendable (Progress) -> Void)? = nil,
                    rowsPerTransaction: Int = 2_000, perRecordChangesUpTo: Int = 40_000)
        {
            self.maxReportedErrors = maxReportedErrors
            self.timeShift = timeShift
            self.progress = progress
            self.rowsPerTransaction = rowsPerTransaction
            self.perRecordChangesUpTo = perRecordChangesUpTo
        }
    }
}
