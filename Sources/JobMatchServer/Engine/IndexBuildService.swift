import Foundation
import JobMatchCore
import JobMatchStore
import Logging
import ServiceLifecycle

/// Builds the job index in the background when the daemon starts (`/readyz` answers 503 until then),
/// then stays until shutdown.
struct IndexBuildService: Service {
    let database: AppDatabase
    let engine: MatcherEngine
    let modelPath: String
    let logger: Logger

    func run() async throws {
        let start = ContinuousClock.now
        let (jobs, applicants) = try await Task.detached { [database] in (try database.jobs(), try database.applicants()) }.value
        let model = try ModelSource.load(path: modelPath, applicants: applicants, jobs: jobs, logger: logger)
        await Task.detached { [engine] in engine.install(model: model, jobs: jobs, applicants: applicants) }.value
        logger.notice("job index ready", metadata: [
            "index.jobs": "\(jobs.count)", "index.applicants": "\(applicants.count)",
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
