extension Matcher {
    /// Reverse matching: the `k` applicants a job suits best at `asOf`, under the same hard rules,
    /// ties broken by applicant id. Empty when the job is not open at `asOf`.
    public func candidates(for job: Job, among applicants: [Applicant], k: Int, asOf: Timestamp) -> [Candidate] {
        guard job.isOpen(at: asOf), !applicants.isEmpty, k > 0 else { return [] }
        let d = extractor.dimension
        let jobVector = extractor.jobVector(job)
        var columns = RuleColumns()
        columns.append(job)
        let ids = applicants.map(\.id)
        var collector = TopKCollector(capacity: k)
        let block = max(1, configuration.applicantBlock)
        var matrix = [Float](repeating: 0, count: min(block, applicants.count) * d)
        var scores = [Float](repeating: 0, count: min(block, applicants.count))
        for start in stride(from: 0, to: applicants.count, by: block) {
            let end = min(start + block, applicants.count)
            for i in start..<end {
                matrix.replaceSubrange((i - start) * d..<(i - start + 1) * d, with: extractor.applicantVector(applicants[i], at: asOf))
            }
            // Scores as one job row against the applicant block: jobs = applicants, applicant = the job.
            jobVector.withUnsafeBufferPointer { j in
                matrix.withUnsafeBufferPointer { a in
                    scores.withUnsafeMutableBufferPointer { c in
                        kernel.score(applicants: j.baseAddress!, applicantCount: 1, jobs: a.baseAddress!, jobCount: end - start,
                                     dimension: d, scores: c.baseAddress!)
                    }
                }
            }
            for i in start..<end {
                let s = scores[i - start]
                guard s >= collector.threshold else { continue }
                let profile = ApplicantRuleProfile(applicants[i], at: asOf)
                guard columns.allows(profile, 0) else { continue }
                collector.offer(score: s, row: Int32(i), ids: ids)
            }
        }
        let explainer = Explainer(model: model)
        return collector.sorted(ids: ids).enumerated().map { position, entry in
            Candidate(applicant: ids[entry.row], rank: position + 1, score: Recommendation.rounded(entry.score),
                      reasons: explainer.reasons(applicant: applicants[entry.row], job: job, asOf: asOf, fallback: false))
        }
    }
}
