import Foundation
import JobMatchCore
import JobMatchStore
import Logging
import ServiceLifecycle

/// Builds the job index in the background when the daemon starts (`/readyz` answers 503 until then) from
/// one snapshot of the database, at that snapshot's data version; later commits are caught up on the next
/// request. Then stays until shutdown.
struct IndexBuildService: Service {
    let database: AppDatabase
    let engine: MatcherEngine
    let modelPath: String
    let logger: Logger

    func run() async throws {
        let start = ContinuousClock.now
        let snapshot = try await database.snapshot()
        let model = try ModelSource.load(path: modelPath, applicants: snapshot.applicants, jobs: snapshot.jobs, logger: logger)
        await engine.on(engine.maintenanceQueue) { [engine] in engine.install(model: model, snapshot: snapshot) }
        logger.notice("job index ready", metadata: [
            "index.jobs": "\(snapshot.jobs.count)", "index.applicants": "\(snapshot.applicants.count)",
            "data.version": "\(snapshot.version)",
            "index.dimension": "\(model.dimension)", "index.build_seconds": "\(ContinuousClock.now - start)",
        ])
        try? await gracefulShutdown()
    }
}

/// Where the model comes from: the model folder (`models/default` unless configured), else — when the
/// folder is missing — one learned from the stored data, with a warning.
enum ModelSource {
    static func load(path: String, applicants: [Applicant], jobs: [Job], logger: Logger) throws -> MatchModel {
        let manifest = URL(fileURLWithPath: path).appendingPathComponent("manifest.json").path
        if FileManager.default.fileExists(atPath: manifest) {
            let model = try ModelDirectory(path: path).read()
            logger.info("model loaded", metadata: ["model.path": "\(path)", "model.name": "\(model.manifest.name)"])
            return model
        }
        logger.warning("no model folder; learning one from the stored data", metadata: ["model.path": "\(path)"])
        return MatchModel.build(from: applicants, jobs: jobs)
    }
}
