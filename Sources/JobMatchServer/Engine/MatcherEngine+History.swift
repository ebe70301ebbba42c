import Foundation
import JobMatchCore
import JobMatchStore

/// What a hybrid model's history index was built from: the as-of time, the data version of the index it
/// re-extracted, the last interaction recorded, and the install it belongs to.
struct HistoryKey: Equatable, Sendable {
    var asOf: Double
    var version: Int64
    var lastInteraction: Int64
    var generation: Int
}

extension MatcherEngine {
    /// The matcher for lists at `asOf`. A content-only model: the installed index. A hybrid model (history
    /// blocks): the installed index's jobs re-extracted with the history `jobmatch recommend` and `jobmatch batch`
    /// use — the stored interactions strictly before `asOf` (``InteractionHistory``) — so a list equals theirs
    /// for the same person, model and as-of. It is kept for the next batch at the same time, and built again
    /// when the as-of time, the data version, the last recorded interaction (`POST /v1/outcomes`, or any
    /// other writer) or the model changes.
    func matcher(asOf: Timestamp) async throws -> Matcher {
        let (installed, version, generation) = lock.withLock { (index, appliedVersion, self.generation) }
        guard let installed else { return try matcher() }
        let base = Matcher(index: installed, configuration: configuration)
        guard base.model.configuration.historyBlocks else { return base }
        let key = HistoryKey(asOf: asOf.secondsSince1970, version: version, lastInteraction: try database.lastInteractionID(),
                             generation: generation)
        if let cached = lock.withLock({ historyIndex }), cached.key == key {
            return Matcher(index: cached.index, configuration: configuration)
        }
        let interactions = try database.interactions(before: asOf)
        let named = try database.jobs()
        let model = base.model
        let jobs = base.index.jobs
        let built = await on(maintenanceQueue) {
            JobIndex(model: model, jobs: SpatialOrder.jobs(jobs), history: InteractionHistory(interactions: interactions, jobs: named, before: asOf))
        }
        lock.withLock { if self.generation == generation { historyIndex = (key, built) } }
        return Matcher(index: built, configuration: configuration)
    }
}
