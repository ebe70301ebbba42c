import Foundation
import JobMatchCore

extension MatcherEngine {
    /// With a hybrid model, starts a history refresh (not awaited: the request goes on with the installed
    /// history) when an interaction was recorded since the installed history was read, by this daemon or any
    /// other writer, or when it is older than ``historyMaxAge``. One indexed read per call.
    func noticeNewHistory() throws {
        let (hybrid, stamp, running) = lock.withLock {
            (index?.model.configuration.historyBlocks ?? false, historyStamp, historyRefresh != nil)
        }
        guard hybrid, !running else { return }
        if let stamp, stamp.cutoff.adding(seconds: Self.historyMaxAge) > Timestamp.now(),
           try database.lastInteractionID() == stamp.lastInteraction { return }
        startHistoryRefresh()
    }

    /// Starts ``refreshHistory()`` unless one is under way.
    func startHistoryRefresh() {
        lock.withLock {
            guard historyRefresh == nil else { return }
            historyRefresh = Task { [self] in
                do { try await refreshHistory() } catch {
                    logger.error("history refresh failed; the installed history stays in force", metadata: ["error": "\(error)"])
                }
                lock.withLock { historyRefresh = nil }
            }
        }
    }

    /// Waits for the refresh under way, if any (tests, and a reload that must not race one).
    func historyRefreshed() async { await lock.withLock({ historyRefresh })?.value }

    /// Reads the interactions recorded before now and swaps them into the installed index off the request
    /// path: on the maintenance queue (where patches and installs run, so none is lost) every job row's
    /// evidence entries are rewritten (``JobIndex/init(rebasing:history:)``) and the cached pools re-extract
    /// only the people whose history changed. Lists keep being served from the old index until the swap.
    func refreshHistory() async throws {
        guard let model = lock.withLock({ index?.model }), let read = try readHistory(for: model) else { return }
        let start = ContinuousClock.now
        let swapped: (jobs: Int, people: Int)? = await on(maintenanceQueue) { [self] in
            guard let current = lock.withLock({ index }), current.model.configuration.historyBlocks else { return nil }
            if let stamp = lock.withLock({ historyStamp }), stamp.lastInteraction > read.stamp.lastInteraction
                || stamp.cutoff > read.stamp.cutoff { return nil }
            let rebased = JobIndex(rebasing: current, history: read.history)
            let changed = current.extractor.history.map { read.history.applicantsChanged(since: $0) }
            // Taken out as a candidate list takes them, with the people changed since they were patched.
            let (pools, patch) = lock.withLock { () -> ([Int: ApplicantPool], PoolPatch) in
                defer { self.pools = [:]; poolPatch = PoolPatch() }
                return (self.pools, poolPatch)
            }
            var patched = pools
            if !patch.isEmpty { for key in patched.keys { patch.apply(to: &patched[key]!) } }
            let refreshed = patched.mapValues { pool in
                changed.map { ApplicantPool(rebasing: pool, extractor: rebased.extractor, changed: $0) }
                    ?? ApplicantPool(extractor: rebased.extractor, applicants: pool.applicants, at: pool.referenceTime)
            }
            lock.withLock {
                index = rebased
                historyStamp = read.stamp
                // Pools taken out by a candidate list meanwhile are not put back (their generation is old).
                generation += 1
                self.pools = refreshed
                historyIndex = nil
            }
            return (rebased.count, changed?.count ?? -1)
        }
        if let swapped {
            logger.info("history refreshed", metadata: [
                "history.cutoff": "\(read.stamp.cutoff.text)", "history.last_interaction": "\(read.stamp.lastInteraction)",
                "index.jobs": "\(swapped.jobs)", "pool.people_reextracted": "\(swapped.people)",
                "refresh_seconds": "\(ContinuousClock.now - start)",
            ])
        }
    }
}
