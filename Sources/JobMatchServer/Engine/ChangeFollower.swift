import JobMatchCore
import JobMatchStore

/// Keeps the engine's index and pools in step with the database's change log, one catch-up at a time.
///
/// ``catchUp()`` reads the data version (the last version the change-log triggers handed out, committed
/// with the change itself); when the engine is behind it reads, in one snapshot, the committed rows of the
/// ids changed since and patches them in. Patches come from the committed state only, in version order,
/// so two writes of the same id always leave the newer one.
///
/// When more changed than ``rebuildThreshold``, the log was trimmed past what the engine has, or an import
/// switched in a new generation of the data (a `bulk` entry), the index is rebuilt from a full read in the
/// background, off the request path, and swapped in whole when built. Until then no list can be computed
/// from data as new as the last commit, so every catch-up throws 503 with `Retry-After` at once (lists,
/// candidate lists and `/readyz` answer it; nothing waits for the rebuild), rather than serve the old index.
actor ChangeFollower {
    unowned let engine: MatcherEngine
    private var running: Task<Void, any Error>?
    private var rebuild: Task<Void, Never>?
    private var trimmedThrough: Int64 = 0

    /// More log entries than this since the last catch-up: rebuild instead of patching.
    static let rebuildThreshold = 50_000
    /// Entries kept in the log behind what the engine has applied (others following the same database).
    static let trimKeep: Int64 = 100_000

    init(engine: MatcherEngine) { self.engine = engine }

    /// Returns once the engine reflects every change committed before the call; throws 503 while the
    /// index is rebuilt.
    func catchUp() async throws {
        guard engine.lock.withLock({ engine.index != nil }) else { return }
        let target = try await engine.database.dataVersion()
        while engine.indexVersion < target {
            if rebuild != nil { throw Problem.rebuilding(retryAfterSeconds: engine.limits.retryAfterSeconds) }
            if let running {
                try await running.value
                continue
            }
            let task = Task {
                defer { self.running = nil }
                try await self.pull()
            }
            running = task
            try await task.value
        }
    }

    /// True while a rebuild runs in the background.
    var isRebuilding: Bool { rebuild != nil }

    /// Applies everything committed up to now, or starts a rebuild.
    private func pull() async throws {
        let since = engine.indexVersion
        guard let changes = try await engine.database.changes(since: since, limit: Self.rebuildThreshold) else {
            startRebuild()
            return
        }
        guard changes.version > since else { return }
        await engine.on(engine.maintenanceQueue) { [engine] in engine.apply(changes) }
        let applied = engine.indexVersion
        if applied - trimmedThrough > 2 * Self.trimKeep {
            trimmedThrough = applied - Self.trimKeep
            try? await engine.database.trimChangeLog(through: trimmedThrough)
        }
    }

    /// Builds a new index from one snapshot in the background and installs it (lists are refused meanwhile).
    private func startRebuild() {
        guard rebuild == nil else { return }
        let engine = self.engine
        engine.lock.withLock { engine.rebuilding = true }
        rebuild = Task.detached(priority: .userInitiated) {
            let start = ContinuousClock.now
            do {
                let snapshot = try await engine.database.snapshot()
                let history = try engine.readHistory(for: engine.servedModel?.model)
                engine.logger.notice("rebuilding the index from the database", metadata: ["data.version": "\(snapshot.version)"])
                // The model read on the maintenance queue, where reloads install theirs: a reload that finished
                // meanwhile is not undone.
                await engine.on(engine.maintenanceQueue) {
                    if let served = engine.servedModel {
                        engine.install(served: served, snapshot: snapshot, history: history)
                    } else {
                        engine.lock.withLock { engine.rebuilding = false }
                    }
                }
                engine.logger.notice("index rebuilt", metadata: [
                    "data.version": "\(snapshot.version)", "index.jobs": "\(snapshot.jobs.count)",
                    "index.applicants": "\(snapshot.applicants.count)", "index.build_seconds": "\(ContinuousClock.now - start)",
                ])
            } catch {
                engine.logger.error("index rebuild failed; the next request tries again", metadata: ["error": "\(error)"])
                engine.lock.withLock { engine.rebuilding = false }
            }
            await self.rebuildEnded()
        }
    }

    private func rebuildEnded() { rebuild = nil }
}

extension Problem {
    /// 503 with `Retry-After`: the index is being rebuilt after a bulk change; no list is computed from older data.
    static func rebuilding(retryAfterSeconds: Int) -> Problem {
        var problem = Problem(status: .serviceUnavailable, code: "not_ready",
                              detail: "the job index is being rebuilt after a bulk change to the database; retry shortly")
        problem.retryAfterSeconds = retryAfterSeconds
        return problem
    }
}

extension MatcherEngine {
    /// Patches a change set into the index and the people (on the maintenance queue). The reverse-matching
    /// pools take their part when a candidate list next asks for them (``poolPatch``), so lists do not wait
    /// for people's vectors.
    func apply(_ changes: ChangeSet) {
        lock.withLock {
            guard index != nil, changes.version > appliedVersion else { return }
            index!.patch(upserts: changes.jobs, removals: changes.removedJobs)
            for a in changes.applicants {
                people[a.id] = a
                poolPatch.upserts[a.id] = a
            }
            for id in changes.removedApplicants {
                people[id] = nil
                poolPatch.upserts[id] = nil
                poolPatch.removals.insert(id)
            }
            appliedVersion = changes.version
        }
        updateSizeGauges()
        if !changes.isEmpty {
            logger.debug("index caught up", metadata: [
                "data.version": "\(changes.version)", "jobs.changed": "\(changes.jobs.count + changes.removedJobs.count)",
                "applicants.changed": "\(changes.applicants.count + changes.removedApplicants.count)",
            ])
        }
    }
}

/// People changed since the pools were last patched: the latest committed row of each, or its removal.
struct PoolPatch: Sendable {
    var upserts: [String: Applicant] = [:]
    var removals: Set<String> = []

    var isEmpty: Bool { upserts.isEmpty && removals.isEmpty }

    /// Applies the patch to a pool of seeking people.
    func apply(to pool: inout ApplicantPool) {
        let seeking = upserts.values.filter { $0.status == .seeking }.sorted { $0.id < $1.id }
        let leaving = removals.union(upserts.values.filter { $0.status != .seeking }.map(\.id))
        pool.patch(upserts: seeking, removals: leaving.sorted())
    }
}
