import ArgumentParser
import Foundation
import JobMatchStore

/// `--db PATH`, shared by every subcommand that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (default: $JOBMATCH_DB or var/jobmatch.sqlite); missing folders are created.")
    var db: String?

    /// The path in force: the option, then `JOBMATCH_DB`, then the default under the working directory.
    var path: String { db ?? ProcessInfo.processInfo.environment["JOBMATCH_DB"] ?? AppDatabase.defaultPath }

    func open() throws -> AppDatabase { try AppDatabase.open(path: path) }
}
