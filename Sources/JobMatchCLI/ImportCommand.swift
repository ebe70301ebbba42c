import ArgumentParser
import Foundation
import JobMatchStore

/// `jobmatch import DIR`: loads a data set folder into the database, all or nothing (staged in bounded
/// transactions, made visible by one short switch).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a data set folder (interchange format), all or nothing.",
        discussion: """
        Reads applicants.jsonl, jobs.jsonl and interactions.jsonl (optional). On any invalid record nothing \
        is written, the exit code is 1, and stderr lists the errors as file:line: field: message. A record \
        whose id is already in the database replaces it; an interaction already recorded is skipped. \
        Readers see the data as it was until the import is complete, then all of it at once; no write \
        transaction holds the database for long, so a daemon on the same file goes on answering.
        """
    )

    @Argument(help: "The data set folder.") var folder: String
    @Option(help: ArgumentHelp(
        "Move every time in the data set by whole days so that its manifest's as_of falls on this day ('now' or an RFC 3339 time).",
        valueName: "time"))
    var shiftTo: String?
    @OptionGroup var database: DatabaseOptions

    static func milliseconds(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    func run() throws {
        let db = try database.open()
        var shift = 0.0
        if let shiftTo {
            let target = try TimeArgument.parse(shiftTo, option: "--shift-to")
            guard let manifest = try DataSetManifest.read(folder: folder) else {
                throw ValidationError("--shift-to needs \(folder)/manifest.json with an as_of")
            }
            shift = try manifest.shift(toAsOf: target)
        }
        let options = DataSetImport.Options(timeShift: shift, progress: { p in
            let share = p.totalBytes > 0 ? Int(100 * Double(p.bytesRead) / Double(p.totalBytes)) : 100
            Console.progress("\((p.file as NSString).lastPathComponent): \(p.records) records, \(Console.bytes(p.bytesRead)) of \(Console.bytes(p.totalBytes)) (\(share)%)")
        })
        do {
            let summary = try db.importDataSet(at: folder, options: options)
            Console.endProgress()
            for warning in summary.warnings { Console.error("warning: \(warning)") }
            print("""
            imported into \(database.path):
              applicants: \(summary.applicantsAdded) added, \(summary.applicantsReplaced) replaced
              jobs: \(summary.jobsAdded) added, \(summary.jobsReplaced) replaced
              interactions: \(summary.interactionsAdded) added, \(summary.interactionsAlreadyPresent) already present
              longest write transaction: \(Self.milliseconds(summary.longestWriteTransaction)); switch: \(Self.milliseconds(summary.switchDuration))
              trainings: \(summary.trainingsAdded) added, \(summary.trainingsReplaced) replaced
              services: \(summary.servicesAdded) added, \(summary.servicesAlreadyPresent) already present
            """)
        } catch let failure as DataSetImport.Failure {
            Console.endProgress()
            Console.error(failure.description)
            throw ExitCode.failure
        }
    }
}
