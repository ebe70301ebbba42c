import ArgumentParser
import JobMatchStore

/// `jobmatch export DIR`: writes the database back as a data set folder (files 0600; audited under the OS user).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the database as a data set folder (interchange format).",
        discussion: """
        Applicants, jobs and trainings are written by id, interactions and services in the order they were recorded. \
        trainings.jsonl and services.jsonl (interchange 1.1) are written only when the database holds some.
        """
    )

    @Argument(help: "The output folder (created when missing).") var folder: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        // Audited before anything is written: the export reads every person.
        try CLIAudit.record(db, command: "export", people: try db.applicantIDs(), detail: "export to \(folder)")
        let summary = try db.exportDataSet(to: folder)
        print("exported \(summary.applicants) applicants, \(summary.jobs) jobs, \(summary.interactions) interactions, "
            + "\(summary.trainings) trainings, \(summary.services) services to \(folder)")
    }
}
