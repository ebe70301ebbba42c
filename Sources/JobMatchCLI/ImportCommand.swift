import ArgumentParser

/// `jobmatch import DIR`: loads a data set folder into the database in one transaction.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import a data set folder (interchange format) in one transaction.")
    @Argument(help: "The data set folder.") var folder: String
    func run() async throws { throw CleanExit.message("not yet implemented") }
}
