import ArgumentParser
import JobMatchServer
import Logging

/// `jobmatchd`: the JobMatch daemon that serves caseworkers over HTTP/JSON.
@main
struct JobMatchDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobmatchd", abstract: "The JobMatch daemon (HTTP/JSON).")

    @Option(help: "The SQLite database file; missing folders are created (default var/jobmatch.sqlite).") var db: String?
    @Option(help: "Address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default 8080).") var port: Int?
    @Option(help: "A JSON config file (tokens, model, sample, coalescing window…); flags win over it.") var config: String?
    @Option(help: "Log level (trace, debug, info, notice, warning, error).") var logLevel: String = "info"

    func run() async throws {
        var logger = Logger(label: "jobmatchd")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var settings = ServerConfiguration()
        if let config { try settings.apply(configFile: config) }
        if let db { settings.databasePath = db }
        if let host { settings.host = host }
        if let port { settings.port = port }
        let app = try await buildApplication(settings, logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
