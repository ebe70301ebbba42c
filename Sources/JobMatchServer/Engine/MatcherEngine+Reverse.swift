import JobMatchCore

extension MatcherEngine {
    /// The people a job suits best: reverse matching over the cached vectors of the seeking people, on its
    /// own queue (beside lists, never ahead of them), at most ``WorkLimits/candidatesRunning`` at a time and
    /// ``WorkLimits/candidatesWaiting`` waiting (503 beyond). Stops between blocks when `isCancelled` says
    /// the client has gone. A hybrid model's history blocks enter as for lists (``matcher(asOf:)``): at or
    /// after the installed history's cutoff the cached pool (its people's rows carry that history); before
    /// it, the index and the people re-extracted with the interactions strictly before `asOf`.
    func candidates(for job: Job, k: Int, asOf: Timestamp, including: @escaping @Sendable (Applicant) -> Bool,
                    isCancelled: @escaping @Sendable () -> Bool) async throws -> [Candidate] {
        _ = try matcher()
        return try await candidateSlots.run {
            try await self.catchUp()
            try self.noticeNewHistory()
            if isCancelled() { throw CancellationError() }
            let (matcher, pool) = try await self.reverseSources(asOf: asOf)
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

    /// The matcher and the pool of seeking people for a candidate list at `asOf`, both under the same extractor.
    private func reverseSources(asOf: Timestamp) async throws -> (Matcher, ApplicantPool) {
        let past = lock.withLock { () -> Bool in
            guard let index, index.model.configuration.historyBlocks else { return false }
            return historyStamp.map { asOf < $0.cutoff } ?? true
        }
        guard past else { return try await pool(for: asOf) }
        let matcher = try await matcher(asOf: asOf)
        let extractor = matcher.extractor
        let seeking = lock.withLock { people.values.filter { $0.status == .seeking } }.sorted { $0.id < $1.id }
        return (matcher, await on(reverseQueue) { ApplicantPool(extractor: extractor, applicants: seeking, at: asOf) })
    }

    /// The installed index's matcher and the pool of seeking people whose vectors serve `asOf`, with every
    /// change applied so far: the cached one for its year (patched here, on the reverse queue, with what
    /// changed since), else one built now (kept for the next request in that year; at most three years are
    /// kept). The index and the pools are read together, so their extractors (and histories) are the same.
    private func pool(for asOf: Timestamp) async throws -> (Matcher, ApplicantPool) {
        let year = asOf.year
        let configuration = configuration
        return try await on(reverseQueue) { [self] () -> Result<(Matcher, ApplicantPool), Problem> in
            let taken = lock.withLock { () -> (PoolPatch, [Int: ApplicantPool], Int, JobIndex?) in
                let taken = (poolPatch, pools, self.generation, index)
                poolPatch = PoolPatch()
                pools = [:]   // taken out while patched, so the patch does not copy them
                return taken
            }
            let (patch, cached, generation) = (taken.0, taken.1, taken.2)
            guard let index = taken.3 else {
                return .failure(Problem(status: .serviceUnavailable, code: "not_ready", detail: "the job index is still being built"))
            }
            var patched = cached
            if !patch.isEmpty { for key in patched.keys { patch.apply(to: &patched[key]!) } }
            if patched[year] == nil {
                let seeking = lock.withLock { people.values.filter { $0.status == .seeking } }.sorted { $0.id < $1.id }
                if patched.count >= 3, let other = patched.keys.first(where: { $0 != Timestamp.now().year }) { patched[other] = nil }
                patched[year] = ApplicantPool(extractor: index.extractor, applicants: seeking, at: asOf)
            }
            let result = patched[year]!
            lock.withLock {
                // Changes that arrived meanwhile stay in poolPatch for the next request; they are newer.
                guard self.generation == generation else { return }
                for (key, pool) in patched where pools[key] == nil { pools[key] = pool }
            }
            return .success((Matcher(index: index, configuration: configuration), result))
        }.get()
    }
}
