import Foundation
import Logging
import ServiceLifecycle

/// Builds the job index in the background when the daemon starts (`/readyz` answers 503 until then) from
/// one snapshot of the database, at that snapshot's data version, with the model ``ModelReloader`` resolves;
/// later commits are caught up on the next request. First drops what a killed `jobmatch import` left
/// staged (unless an import is running). Then stays until shutdown.
struct IndexBuildService: Service {
    let reloader: ModelReloader

    func run() async throws {
        let (engine, database, logger) = (reloader.engine, reloader.database, reloader.logger)
        await engine.on(engine.maintenanceQueue) {
            do { try database.removeImportLeftovers() } catch {
                logger.warning("could not drop what a killed import left staged", metadata: ["error": "\(error)"])
            }
        }
        _ = try await reloader.reload()
        try? await gracefulShutdown()
    }
}
