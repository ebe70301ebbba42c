import ArgumentParser

/// `jobmatch export DIR`: writes the database back as a data set folder.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the database as a data set folder (interchange format).")
    @Argument(help: "The output folder.") var folder: String
    func run() async throws { throw CleanExit.message("not yet implemented") }
}
