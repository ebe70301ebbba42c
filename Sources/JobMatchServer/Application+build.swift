import Hummingbird
import JobMatchStore
import Logging

/// Builds the `jobmatchd` application: opens the database and wires the routes.
/// The daemon's `main` and the tests both call this.
public func buildApplication(_ configuration: ServerConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let database = try AppDatabase.open(path: configuration.databasePath)
    logger.info("database open", metadata: ["db.path": "\(configuration.databasePath)"])
    let router = Router()
    router.get("healthz") { _, _ -> String in "ok" }
    _ = database
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "jobmatchd"),
        logger: logger
    )
}
