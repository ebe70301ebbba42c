import JobMatchCore

extension BatchShardFile {
    /// Checks every row of merged shards against the data the merge publishes from, so a damaged or
    /// forged shard can never push a posting the hard rules forbid, a posting that does not exist, or a
    /// person twice. Errors name the shard file, the record number in it (as the line) and the field:
    /// `shard-1.bin:12: candidates[3].posting: …`. Throws the first errors (at most 20) together.
    public static func check(_ records: [BatchCandidates], origins: [String: Origin], inputs: BatchInputs, depth: Int) throws {
        let applicants = Dictionary(uniqueKeysWithValues: inputs.applicants.map { ($0.id, $0) })
        var errors: [JobMatchError] = []
        var total = 0
        func fail(_ record: BatchCandidates, _ field: String, _ message: String) {
            total += 1
            let origin = origins[record.applicant]
            if errors.count < 20 { errors.append(JobMatchError(.malformedInput, message, field: field, file: origin?.file, line: origin?.record)) }
        }
        for record in records {
            guard let applicant = applicants[record.applicant] else {
                fail(record, "applicant", "\"\(record.applicant)\" is not a seeking applicant of this database")
                continue
            }
            if record.candidates.count > depth {
                fail(record, "candidates", "\(record.candidates.count) candidates, more than the depth \(depth) the shards were scored with")
            }
            var seen = Set<Int32>()
            for (i, c) in record.candidates.enumerated() {
                let field = "candidates[\(i)]"
                guard c.posting >= 0, Int(c.posting) < inputs.jobs.count else {
                    fail(record, field + ".posting", "row \(c.posting) is not one of the \(inputs.jobs.count) open postings")
                    continue
                }
                let job = inputs.jobs[Int(c.posting)]
                if !seen.insert(c.posting).inserted { fail(record, field + ".posting", "posting \(job.id) is listed twice") }
                if !c.score.isFinite { fail(record, field + ".score", "score \(c.score) is not a finite number") }
                if c.isFallback && job.jobType != .publicWelfare {
                    fail(record, field + ".fallback", "posting \(job.id) is marked as the public-welfare fallback but is \(job.jobType.rawValue)")
                }
                let broken = HardRules.violations(applicant: applicant, job: job, at: inputs.asOf)
                if !broken.isEmpty {
                    fail(record, field + ".posting", "posting \(job.id) breaks hard rule \(broken.map(\.rawValue).joined(separator: ", ")) for \(applicant.id)")
                }
            }
        }
        guard errors.isEmpty else { throw ShardCheckFailure(errors: errors, total: total) }
    }
}

/// Shard rows that do not fit the data: nothing was published.
public struct ShardCheckFailure: Error, CustomStringConvertible {
    public var errors: [JobMatchError]
    public var total: Int

    public var description: String {
        var lines = errors.map(\.description)
        if total > errors.count { lines.append("… and \(total - errors.count) more errors") }
        lines.append("batch merge failed: \(total) invalid shard row\(total == 1 ? "" : "s"); nothing was published")
        return lines.joined(separator: "\n")
    }
}
