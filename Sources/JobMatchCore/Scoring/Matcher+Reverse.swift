extension Matcher {
    /// Reverse matching: the `k` applicants a job suits best at `asOf`, under the same hard rules,
    /// ties broken by applicant id. Empty when the job is not open at `asOf`. Extracts every applicant's
    /// vector; a caller asking often keeps an ``ApplicantPool`` and calls
    /// ``candidates(for:in:k:asOf:isCancelled:)``.
    public func candidates(for job: Job, among applicants: [Applicant], k: Int, asOf: Timestamp) -> [Candidate] {
        guard job.isOpen(at: asOf), !applicants.isEmpty, k > 0 else { return [] }
        return candidates(for: job, in: ApplicantPool(extractor: extractor, applicants: applicants, at: asOf), k: k, asOf: asOf)
    }

    /// Reverse matching over a pool whose vectors serve `asOf` (``ApplicantPool/serves(_:)``; otherwise the
    /// people are re-extracted at `asOf`). Only people `including` accepts can enter the list (a
    /// caseworker's own districts, say): the best `k` of them. `isCancelled` is asked between blocks of
    /// applicants; once it says yes the scan stops and the list is empty.
    public func candidates(for job: Job, in pool: ApplicantPool, k: Int, asOf: Timestamp,
                           including: (Applicant) -> Bool = { _ in true },
                           isCancelled: () -> Bool = { false }) -> [Candidate]
    {
        guard pool.serves(asOf) else {
            let fresh = ApplicantPool(extractor: extractor, applicants: pool.applicants, at: asOf)
            return candidates(for: job, in: fresh, k: k, asOf: asOf, including: including, isCancelled: isCancelled)
        }
        guard job.isOpen(at: asOf), pool.count > 0, k > 0 else { return [] }
        let d = extractor.dimension
        let jobVector = extractor.jobVector(job)
        var columns = RuleColumns()
        columns.append(job)
        let ids = pool.ids
        var collector = TopKCollector(capacity: k)
        let block = max(1, configuration.applicantBlock)
        var scores = [Float](repeating: 0, count: min(block, pool.count))
        for start in stride(from: 0, to: pool.count, by: block) {
            if isCancelled() { return [] }
            let end = min(start + block, pool.count)
            // Scores as one job row against the applicant block: jobs = applicants, applicant = the job.
            jobVector.withUnsafeBufferPointer { j in
                pool.vectors.withUnsafeBufferPointer { a in
                    scores.withUnsafeMutableBufferPointer { c in
                        kernel.score(applicants: j.baseAddress!, applicantCount: 1, jobs: a.baseAddress! + start * d, jobCount: end - start,
                                     dimension: d, scores: c.baseAddress!)
                    }
                }
            }
            for i in start..<end {
                let s = scores[i - start]
                guard s >= collector.threshold, including(pool.applicants[i]) else { continue }
                let profile = ApplicantRuleProfile(pool.applicants[i], at: asOf)
                guard columns.allows(profile, 0) else { continue }
                collector.offer(score: s, row: Int32(i), ids: ids)
            }
        }
        let explainer = Explainer(model: model)
        return collector.sorted(ids: ids).enumerated().map { position, entry in
            Candidate(applicant: ids[entry.row], rank: position + 1, score: Recommendation.rounded(entry.score),
                      reasons: explainer.reasons(applicant: pool.applicants[entry.row], job: job, asOf: asOf, fallback: false))
        }
    }
}
