import JobMatchCore

extension MatcherEngine {
    /// The people a job suits best: reverse matching over the cached vectors of the seeking people, on its
    /// own queue (beside lists, never ahead of them), at most ``WorkLimits/candidatesRunning`` at a time and
    /// ``WorkLimits/candidatesWaiting`` waiting (503 beyond). Stops between blocks when `isCancelled` says
    /// the client has gone.
    func candidates(for job: Job, k: Int, asOf: Timestamp, including: @escaping @Sendable (Applicant) -> Bool,
                    isCancelled: @escaping @Sendable () -> Bool) async throws -> [Candidate] {
        _ = try matcher()
        return try await candidateSlots.run {
            try await self.catchUp()
            if isCancelled() { throw CancellationError() }
            let matcher = try self.matcher()
            let pool = try await self.pool(for: asOf, extractor: matcher.extractor)
            let histogram = self.metrics.scoringLatency
            let found = await self.on(self.reverseQueue) {
                let start = ContinuousClock.now
                let found = matcher.candidates(for: job, in: pool, k: k, asOf: asOf, including: including, isCancelled: isCancelled)
                histogram.record(ContinuousClock.now - start)
                return found
            }
            if isCancelled() { throw CancellationError() }
            return found
        }
    }

    /// The pool of seeking people whose vectors serve `asOf`, with every change applied so far: the cached
    /// one for its year (patched here, on the reverse queue, with what changed since), else one built now
    /// (kept for the next request in that year; at most three years are kept).
    private func pool(for asOf: Timestamp, extractor: FeatureExtractor) async throws -> ApplicantPool {
        let year = asOf.year
        return await on(reverseQueue) { [self] in
            let (patch, cached, generation) = lock.withLock { () -> (PoolPatch, [Int: ApplicantPool], Int) in
                let taken = (poolPatch, pools, self.generation)
                poolPatch = PoolPatch()
                pools = [:]   // taken out while patched, so the patch does not copy them
                return taken
            }
            var patched = cached
            if !patch.isEmpty { for key in patched.keys { patch.apply(to: &patched[key]!) } }
            if patched[year] == nil {
                let seeking = lock.withLock { people.values.filter { $0.status == .seeking } }.sorted { $0.id < $1.id }
                if patched.count >= 3, let other = patched.keys.first(where: { $0 != Timestamp.now().year }) { patched[other] = nil }
                patched[year] = ApplicantPool(extractor: extractor, applicants: seeking, at: asOf)
            }
            let result = patched[year]!
            lock.withLock {
                // Changes that arrived meanwhile stay in poolPatch for the next request; they are newer.
                guard self.generation == generation else { return }
                for (key, pool) in patched where pools[key] == nil { pools[key] = pool }
            }
            return result
        }
    }
}
