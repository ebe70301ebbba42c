import Dispatch
import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows
import Logging

/// The matching core behind the API: a job index and a pool of seeking people's vectors, both following the
/// database's change log (``MatcherEngine/catchUp()``), with two bounded kinds of work off the event loop:
/// lists (coalesced by ``RecommendationBatcher`` into one sgemm block per batch, on the scoring queue) and
/// candidate lists (reverse matching over the cached pool, on their own queue beside the lists).
///
/// The guarantee: a list never uses data older than the last commit that preceded the request. Every
/// batch and every candidate list first reads the data version (one indexed read) and, when the database
/// is ahead, applies the committed rows of what changed before scoring.
final class MatcherEngine: RecommendationEngine, @unchecked Sendable {
    let lock = NSLock()
    var index: JobIndex?
    /// Every stored applicant by id (districts for redaction).
    var people: [String: Applicant] = [:]
    /// The seeking people's vectors, one pool per as-of year asked for (the current one built at install),
    /// and the people changed since they were last patched.
    var pools: [Int: ApplicantPool] = [:]
    var poolPatch = PoolPatch()
    /// Counts installs, so that pools patched across a rebuild are not put back.
    var generation = 0
    /// The data version the index and the pools reflect.
    var appliedVersion: Int64 = 0
    /// True while the index is rebuilt from a full read (too many changes at once): `/readyz` says 503.
    var rebuilding = false
    /// The model the index was built with, and where it came from.
    var served: ModelInForce?
    /// A hybrid model's index re-extracted with the history before one past as-of time (``matcher(asOf:)``).
    var historyIndex: (key: HistoryKey, index: JobIndex)?
    /// What the installed index's history was read from (a hybrid model only): its cutoff, the daemon's "now"
    /// (``MatcherEngine/refreshHistory()``).
    var historyStamp: HistoryStamp?
    /// The history refresh under way, if any.
    var historyRefresh: Task<Void, Never>?
    let database: AppDatabase
    let configuration: MatcherConfiguration
    let limits: WorkLimits
    let metrics: ServerMetrics
    let logger: Logger
    let scoringQueue = DispatchQueue(label: "jobmatchd.scoring", qos: .userInitiated)
    let reverseQueue = DispatchQueue(label: "jobmatchd.reverse", qos: .userInitiated)
    let maintenanceQueue = DispatchQueue(label: "jobmatchd.index-sync", qos: .userInitiated)
    let candidateSlots: WorkSlots
    private(set) var batcher: RecommendationBatcher!
    private(set) var follower: ChangeFollower!

    init(database: AppDatabase, configuration: MatcherConfiguration = MatcherConfiguration(), limits: WorkLimits,
         metrics: ServerMetrics, logger: Logger)
    {
        self.database = database
        self.configuration = configuration
        self.limits = limits
        self.metrics = metrics
        self.logger = logger
        candidateSlots = WorkSlots(kind: "candidate lists", running: limits.candidatesRunning, waiting: limits.candidatesWaiting,
                                   retryAfterSeconds: limits.retryAfterSeconds)
        batcher = nil
        follower = nil
        batcher = RecommendationBatcher(windowMilliseconds: limits.coalescingWindowMilliseconds, maxBatchSize: limits.maxBatchSize,
                                        maxWaiting: limits.listsWaiting, retryAfterSeconds: limits.retryAfterSeconds) {
            [unowned self] batch in try await self.score(batch)
        }
        follower = ChangeFollower(engine: self)
    }

    /// Installs a freshly built index and pool, at the data version of the snapshot they were built from; a
    /// hybrid model's with `history` (``readHistory(for:)``, read before the snapshot was taken or after).
    func install(served model: ModelInForce, snapshot: DataSnapshot, history: HistoryRead?) {
        let history = model.model.configuration.historyBlocks ? history : nil
        let built = JobIndex(model: model.model, jobs: SpatialOrder.jobs(snapshot.jobs), history: history?.history)
        let now = Timestamp.now()
        let pool = ApplicantPool(extractor: built.extractor, applicants: snapshot.applicants.filter { $0.status == .seeking }, at: now)
        lock.withLock {
            people = Dictionary(snapshot.applicants.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            pools = [pool.year: pool]
            poolPatch = PoolPatch()
            generation += 1
            index = built
            served = model
            historyIndex = nil
            historyStamp = history?.stamp
            appliedVersion = snapshot.version
            rebuilding = false
        }
        metrics.indexDimension.set(Double(built.dimension))
        updateSizeGauges()
    }

    /// The model in force (nil before the first install).
    var servedModel: ModelInForce? { lock.withLock { served } }

    var isReady: Bool { lock.withLock { index != nil && !rebuilding } }

    var sizes: (jobs: Int, applicants: Int) { lock.withLock { (index?.count ?? 0, people.count) } }

    /// The data version the index reflects.
    var indexVersion: Int64 { lock.withLock { appliedVersion } }

    func updateSizeGauges() {
        let (jobs, applicants) = sizes
        metrics.indexJobs.set(Double(jobs))
        metrics.indexApplicants.set(Double(applicants))
    }

    /// Brings the index and the pools up to the database's data version (see ``ChangeFollower``).
    func catchUp() async throws { try await follower.catchUp() }

    func matcher() throws -> Matcher {
        guard let index = lock.withLock({ index }) else {
            throw Problem(status: .serviceUnavailable, code: "not_ready", detail: "the job index is still being built")
        }
        return Matcher(index: index, configuration: configuration)
    }

    func recommend(_ query: RecommendationQuery) async throws -> RecommendationList {
        _ = try matcher()
        return try await batcher.submit(query)
    }

    /// Scores one batch (same k, time and filter) in one pass on the scoring queue, after catching up.
    private func score(_ batch: RecommendationBatcher.Batch) async throws -> [RecommendationList] {
        try await catchUp()
        try noticeNewHistory()
        let installed = lock.withLock { generation }
        let matcher = try await matcher(asOf: batch.asOf)
        let pooled = pooledVectors(batch.applicants, asOf: batch.asOf, matcher: matcher, generation: installed)
        let histogram = metrics.scoringLatency
        let batchSize = metrics.batchSize
        return await on(scoringQueue) {
            let start = ContinuousClock.now
            let extractor = matcher.extractor
            let vectors = zip(batch.applicants, pooled).map { a, v in v ?? extractor.applicantVector(a, at: batch.asOf) }
            let lists = matcher.recommend(applicants: batch.applicants, vectors: vectors, k: batch.key.k, asOf: batch.asOf,
                                          filter: batch.key.filter)
            histogram.record(ContinuousClock.now - start)
            batchSize.record(Double(batch.applicants.count))
            return lists
        }
    }

    /// The vectors of a batch's people already in the reverse-matching pool of `asOf`'s year (nil for the others,
    /// extracted by the batch): only for a content-only model, whose pool and index come from one install
    /// (`generation` unchanged since before `matcher` was taken), and only where the pooled record is the
    /// request's record, so a pooled vector is exactly the one extraction would give.
    func pooledVectors(_ applicants: [Applicant], asOf: Timestamp, matcher: Matcher, generation installed: Int) -> [[Float]?] {
        guard !matcher.model.configuration.historyBlocks else { return applicants.map { _ in nil } }
        return lock.withLock {
            guard generation == installed, let pool = pools[asOf.year], pool.serves(asOf) else { return applicants.map { _ in nil } }
            return applicants.map { a in pool.vector(of: a) }
        }
    }

    /// The people reverse matching looks at, by id (for redaction by district).
    func applicant(id: String) -> Applicant? { lock.withLock { people[id] } }

    func on<T: Sendable>(_ queue: DispatchQueue, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
