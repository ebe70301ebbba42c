import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows
import Logging

/// Opens the model the daemon serves and installs an index built with it, off the request path: lists
/// keep being served from the old index until ``MatcherEngine/install(served:snapshot:history:)`` swaps in the new
/// one. Used at start, by `POST /v1/admin/model/reload` and by `SIGHUP`; reloads run one after another.
actor ModelReloader {
    let configuredPath: String?
    let database: AppDatabase
    let engine: MatcherEngine
    let logger: Logger
    private var last: Task<ModelInForce, any Error>?

    init(configuredPath: String?, database: AppDatabase, engine: MatcherEngine, logger: Logger) {
        self.configuredPath = configuredPath
        self.database = database
        self.engine = engine
        self.logger = logger
    }

    /// Reads the model in force now (the configured folder, else the database's active model) and a
    /// snapshot of the data, builds the index and installs it. A model that does not load leaves the old
    /// one in force and throws.
    func reload() async throws -> ModelInForce {
        let previous = last
        let task = Task { [self] in
            _ = try? await previous?.value
            return try await build()
        }
        last = task
        return try await task.value
    }

    private nonisolated func build() async throws -> ModelInForce {
        let start = ContinuousClock.now
        let snapshot = try await database.snapshot()
        let served: ModelInForce
        do {
            served = try ModelInForce.open(configured: configuredPath, database: database, learnWhenConfiguredIsMissing: true,
                                           data: { (snapshot.applicants, snapshot.jobs) },
                                           note: { [logger] in logger.warning("\($0)") })
        } catch {
            logger.error("model not loaded; the old one stays in force", metadata: ["error": "\(error)"])
            throw error
        }
        let history = try engine.readHistory(for: served.model)
        await engine.on(engine.maintenanceQueue) { [engine] in engine.install(served: served, snapshot: snapshot, history: history) }
        logger.notice("job index ready", metadata: [
            "model.path": "\(served.path)", "model.sha256": "\(served.sha256)", "model.name": "\(served.model.manifest.name)",
            "index.jobs": "\(snapshot.jobs.count)", "index.applicants": "\(snapshot.applicants.count)",
            "data.version": "\(snapshot.version)",
            "index.dimension": "\(served.model.dimension)", "history.cutoff": "\(history?.stamp.cutoff.text ?? "none")", "index.build_seconds": "\(ContinuousClock.now - start)",
        ])
        return served
    }
}
