import Foundation
import JobMatchCore
import JobMatchStore
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

/// The model the daemon serves, with where it came from: its folder and the SHA-256 of its files
/// (``ModelDirectory/contentHash()``), or `learned` when no folder was found.
struct ServedModel: Sendable {
    var model: MatchModel
    var path: String
    var sha256: String
}

/// Where the model comes from: the configured folder, else the database's active model
/// (``ActiveModel/resolvedPath(for:root:)``, the resolver every `jobmatch` command uses); when that folder is
/// missing, one learned from the stored data, with a warning.
enum ModelSource {
    static func load(configured: String?, database: AppDatabase, snapshot: DataSnapshot, logger: Logger) throws -> ServedModel {
        let path = try configured ?? ActiveModel.resolvedPath(for: database)
        let manifest = URL(fileURLWithPath: path).appendingPathComponent("manifest.json").path
        if FileManager.default.fileExists(atPath: manifest) {
            let folder = ModelDirectory(path: path)
            return ServedModel(model: try folder.read(), path: path, sha256: try folder.contentHash())
        }
        logger.warning("no model folder; learning one from the stored data", metadata: ["model.path": "\(path)"])
        return ServedModel(model: MatchModel.build(from: snapshot.applicants, jobs: snapshot.jobs), path: path, sha256: "learned")
    }
}
