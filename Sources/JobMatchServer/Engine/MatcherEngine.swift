import Dispatch
import Foundation
import JobMatchCore
import Logging

/// The matching core behind the API: a job index patched in place on every change, the people for
/// reverse matching, and a serial scoring queue off the event loop. Recommendation requests go through
/// ``RecommendationBatcher``, which hands the queue whole batches (one sgemm block per batch).
final class MatcherEngine: RecommendationEngine, @unchecked Sendable {
    private let lock = NSLock()
    private var index: JobIndex?
    private var people: [String: Applicant] = [:]
    private var peopleSorted: [Applicant]?
    /// Changes that arrived while the index was being built, applied after it.
    private var pendingChanges: [Change] = []
    private let configuration: MatcherConfiguration
    private let metrics: ServerMetrics
    private let queue = DispatchQueue(label: "jobmatchd.scoring", qos: .userInitiated)
    private(set) var batcher: RecommendationBatcher!

    enum Change {
        case job(Job), jobRemoved(String), applicant(Applicant), applicantRemoved(String)
    }

    init(configuration: MatcherConfiguration = MatcherConfiguration(), metrics: ServerMetrics,
         coalescingWindowMilliseconds: Int, maxBatchSize: Int)
    {
        self.configuration = configuration
        self.metrics = metrics
        batcher = nil
        batcher = RecommendationBatcher(windowMilliseconds: coalescingWindowMilliseconds, maxBatchSize: maxBatchSize) {
            [unowned self] batch in try await self.score(batch)
        }
    }

    /// Installs a freshly built index and the people, then applies changes that came in meanwhile.
    func install(model: MatchModel, jobs: [Job], applicants: [Applicant]) {
        var built = JobIndex(model: model, jobs: SpatialOrder.jobs(jobs))
        lock.withLock {
            var people = Dictionary(applicants.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            for change in pendingChanges {
                switch change {
                case let .job(job): built.upsert(job)
                case let .jobRemoved(id): built.remove(id: id)
                case let .applicant(a): people[a.id] = a
                case let .applicantRemoved(id): people[id] = nil
                }
            }
            pendingChanges = []
            self.people = people
            peopleSorted = nil
            index = built
        }
        metrics.indexDimension.set(Double(built.dimension))
        updateSizeGauges()
    }

    var isReady: Bool { lock.withLock { index != nil } }

    var sizes: (jobs: Int, applicants: Int) { lock.withLock { (index?.count ?? 0, people.count) } }

    private func updateSizeGauges() {
        let (jobs, applicants) = sizes
        metrics.indexJobs.set(Double(jobs))
        metrics.indexApplicants.set(Double(applicants))
    }

    private func apply(_ change: Change) {
        lock.withLock {
            guard index != nil else {
                pendingChanges.append(change)
                return
            }
            switch change {
            case let .job(job): index!.upsert(job)
            case let .jobRemoved(id): index!.remove(id: id)
            case let .applicant(a):
                people[a.id] = a
                peopleSorted = nil
            case let .applicantRemoved(id):
                people[id] = nil
                peopleSorted = nil
            }
        }
        updateSizeGauges()
    }

    func jobChanged(_ job: Job) { apply(.job(job)) }
    func jobRemoved(id: String) { apply(.jobRemoved(id)) }
    func applicantChanged(_ applicant: Applicant) { apply(.applicant(applicant)) }
    func applicantRemoved(id: String) { apply(.applicantRemoved(id)) }

    private func matcher() throws -> Matcher {
        guard let index = lock.withLock({ index }) else {
            throw Problem(status: .serviceUnavailable, code: "not_ready", detail: "the job index is still being built")
        }
        return Matcher(index: index, configuration: configuration)
    }

    func recommend(_ query: RecommendationQuery) async throws -> RecommendationList {
        _ = try matcher()
        return try await batcher.submit(query)
    }

    /// Scores one batch (same k, time and filter) in one pass on the scoring queue.
    private func score(_ batch: RecommendationBatcher.Batch) async throws -> [RecommendationList] {
        let matcher = try matcher()
        let histogram = metrics.scoringLatency
        let batchSize = metrics.batchSize
        return await onScoringQueue {
            let start = ContinuousClock.now
            let lists = matcher.recommend(applicants: batch.applicants, k: batch.key.k, asOf: batch.asOf, filter: batch.key.filter)
            histogram.record(ContinuousClock.now - start)
            batchSize.record(Double(batch.applicants.count))
            return lists
        }
    }

    func candidates(for job: Job, k: Int, asOf: Timestamp) async throws -> [Candidate] {
        let matcher = try matcher()
        let people = lock.withLock {
            if peopleSorted == nil { peopleSorted = self.people.values.filter { $0.status == .seeking }.sorted { $0.id < $1.id } }
            return peopleSorted!
        }
        let histogram = metrics.scoringLatency
        return await onScoringQueue {
            let start = ContinuousClock.now
            let found = matcher.candidates(for: job, among: people, k: k, asOf: asOf)
            histogram.record(ContinuousClock.now - start)
            return found
        }
    }

    /// The people reverse matching looks at, by id (for redaction by district).
    func applicant(id: String) -> Applicant? { lock.withLock { people[id] } }

    private func onScoringQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
