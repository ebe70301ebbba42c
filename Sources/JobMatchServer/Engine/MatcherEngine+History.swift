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

/// What the installed index's history was read from: the interactions strictly before `cutoff`, as recorded
/// up to the interaction numbered `lastInteraction`.
struct HistoryStamp: Equatable, Sendable {
    var cutoff: Timestamp
    var lastInteraction: Int64
}

/// A history read from the database, with its stamp.
struct HistoryRead: Sendable {
    var history: InteractionHistory
    var stamp: HistoryStamp
}

extension MatcherEngine {
    /// A history older than this is read again at the next list even when no interaction was recorded since
    /// (its freshness values and its cutoff then follow the clock).
    static let historyMaxAge: Double = 900

    /// The matcher for lists at `asOf`. A content-only model: the installed index. A hybrid model (history
    /// blocks) at or after the installed history's cutoff (every list at "now"): the installed index, whose
    /// history holds the interactions strictly before that cutoff — all of them before `asOf`, so nothing
    /// after `asOf` enters, and no job row is extracted on the request path. Before that cutoff (a list asked
    /// for a past time): the installed index's jobs re-extracted with the stored interactions strictly before
    /// `asOf`, as `jobmatch recommend` and `jobmatch batch` do, so a list equals theirs for the same person,
    /// model and as-of; kept for the next batch at the same time, built again when the as-of time, the data
    /// version, the last recorded interaction or the model changes.
    func matcher(asOf: Timestamp) async throws -> Matcher {
        let (installed, stamp, version, generation) = lock.withLock { (index, historyStamp, appliedVersion, self.generation) }
        guard let installed else { return try matcher() }
        let base = Matcher(index: installed, configuration: configuration)
        guard base.model.configuration.historyBlocks else { return base }
        if let stamp, stamp.cutoff <= asOf { return base }
        let key = HistoryKey(asOf: asOf.secondsSince1970, version: version, lastInteraction: try database.lastInteractionID(),
                             generation: generation)
        if let cached = lock.withLock({ historyIndex }), cached.key == key {
            return Matcher(index: cached.index, configuration: configuration)
        }
        let interactions = try database.interactions(before: asOf)
        let named = try database.jobs()
        let built = await on(maintenanceQueue) {
            JobIndex(rebasing: installed, history: InteractionHistory(interactions: interactions, jobs: named, before: asOf))
        }
        lock.withLock { if self.generation == generation { historyIndex = (key, built) } }
        return Matcher(index: built, configuration: configuration)
    }

    /// The cutoff of the installed history (a hybrid model's "now"), nil for a content-only model.
    var historyCutoff: Timestamp? { lock.withLock { historyStamp?.cutoff } }

    /// Reads the history at the current time, for a model with history blocks (nil for others): the number of
    /// the last interaction first, so an interaction recorded meanwhile only causes one more refresh.
    func readHistory(for model: MatchModel?) throws -> HistoryRead? {
        guard let model, model.configuration.historyBlocks else { return nil }
        let last = try database.lastInteractionID()
        let cutoff = Timestamp.now()
        let history = InteractionHistory(interactions: try database.interactions(before: cutoff), jobs: try database.jobs(), before: cutoff)
        return HistoryRead(history: history, stamp: HistoryStamp(cutoff: cutoff, lastInteraction: last))
    }
}
