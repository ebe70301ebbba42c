import ArgumentParser
import JobMatchServer
import Logging

/// `jobmatchd`: the JobMatch daemon that serves caseworkers over HTTP/JSON.
@main
struct JobMatchDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobmatchd", abstract: "The JobMatch daemon (HTTP/JSON).")

    @Option(help: "The SQLite database file; missing folders are created.") var db = "var/jobmatch.sqlite"
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Log level (trace, debug, info, notice, warning, error).") var logLevel: String = "info"

    func run() async throws {
        var logger = Logger(label: "jobmatchd")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let app = try await buildApplication(ServerConfiguration(host: host, port: port, databasePath: db), logger: logger)
        try await app.runService()
    }
}
