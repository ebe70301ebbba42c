import ArgumentParser
import JobMatchStore

/// `jobmatch export DIR`: writes the database back as a data set folder.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the database as a data set folder (interchange format).",
        discussion: "Applicants and jobs are written by id, interactions in the order they were recorded."
    )

    @Argument(help: "The output folder (created when missing).") var folder: String
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let summary = try database.open().exportDataSet(to: folder)
        print("exported \(summary.applicants) applicants, \(summary.jobs) jobs, \(summary.interactions) interactions to \(folder)")
    }
}
