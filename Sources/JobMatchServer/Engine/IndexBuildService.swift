import Foundation
import Logging
import ServiceLifecycle

/// Builds the job index in the background when the daemon starts (`/readyz` answers 503 until then) from
/// one snapshot of the database, at that snapshot's data version, with the model ``ModelReloader`` resolves;
/// later commits are caught up on the next request. Then stays until shutdown.
struct IndexBuildService: Service {
    let reloader: ModelReloader

    func run() async throws {
        _ = try await reloader.reload()
        try? await gracefulShutdown()
    }
}
