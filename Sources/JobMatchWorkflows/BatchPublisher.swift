import Foundation
import JobMatchCore
import JobMatchStore

/// The allocation and publication step of a batch (shared by `batch` and `batch merge`): allocate over
/// the candidates, judge the run against the previous published one, then write the output file and the
/// run with its lists and pushes to the database.
public struct BatchPublisher {
    public let inputs: BatchInputs
    public let options: BatchPublishOptions
    public let scoringHeader: BatchScoringHeader
    public let progress: BatchProgress

    public init(inputs: BatchInputs, options: BatchPublishOptions, scoringHeader: BatchScoringHeader, progress: BatchProgress) {
        self.inputs = inputs
        self.options = options
        self.scoringHeader = scoringHeader
        self.progress = progress
    }

    /// Lines explained together on all cores before they are written.
    static let writeBlock = 4096

    /// The run's parameters as stored with it.
    struct Parameters: Codable {
        var allocation: AllocationConfiguration
        var depth: Int
        var windowDays: Double
        var shards: Int
        var gate: QualityGate
        var forced: Bool

        enum CodingKeys: String, CodingKey {
            case allocation, depth, shards, gate, forced
            case windowDays = "window_days"
        }
    }

    /// Publishes and returns the summary for people; throws `refused` when a quality gate says no.
    public func publish(candidates: [BatchCandidates]) throws -> String {
        let plans = try Self.pushPlans(inputs: inputs, candidates: candidates, k: options.allocation.k)
        let seekers = try Self.seekers(applicants: inputs.applicants, candidates: candidates).enumerated().map { i, seeker in
            var limited = seeker
            limited.limit = plans[i].limit
            return limited
        }
        let postings = inputs.jobs.map { AllocationPosting(id: $0.id, openings: $0.openings) }
        let configuration = options.allocation
        progress.note("allocating")
        let result = Allocator(configuration: configuration).allocate(seekers: seekers, postings: postings)
        let report = BatchReport(seekers: seekers, postings: postings, result: result, k: configuration.k)
        let parameters = Parameters(allocation: configuration, depth: scoringHeader.depth, windowDays: scoringHeader.windowDays,
                                    shards: scoringHeader.shardCount, gate: options.gate, forced: options.force)
        let runID = "run-" + BatchFingerprint.hash([inputs.asOf.text, inputs.modelVersion, inputs.dataHash, Self.json(configuration),
                                                    "\(scoringHeader.depth)", "\(scoringHeader.windowDays)"].joined(separator: "|")).prefix(16)
        var run = BatchRunRecord(id: runID, asOf: inputs.asOf, modelVersion: inputs.modelVersion, dataHash: inputs.dataHash,
                                 parameters: Self.json(parameters), report: Self.json(report), status: .published, outputHash: "",
                                 recordedAt: Timestamp.now().text)
        let previous = try inputs.database.previousPublishedRun(before: inputs.asOf)
        let previousReport = previous.flatMap { try? JSONDecoder().decode(BatchReport.self, from: Data($0.report.utf8)) }
        let failures = options.gate.failures(current: report, previous: previousReport)
        if !failures.isEmpty, !options.force {
            run.status = .refused
            try inputs.database.saveRefusedRun(run)
            progress.finish()
            throw JobMatchError(.refused, "quality gate refused run \(runID) against \(previous?.id ?? "-"): "
                + failures.joined(separator: "; ") + " (use --force to publish anyway)")
        }
        let writer = try options.out.map { try JSONLinesWriter(path: $0) }
        let explainer = Explainer(model: inputs.model)
        progress.lap("allocation")
        progress.start("writing", total: seekers.count)
        do {
            try inputs.database.savePublishedRun(run) { add in
                var hash = StreamingHash()
                let (applicants, lists, jobs, asOf) = (inputs.applicants, result.lists, inputs.jobs, inputs.asOf)
                // Lines are explained and encoded on all cores a block at a time, on a thread of their own, while
                // the block before is written in order (file, hash, database): the database's bounded transactions
                // and their pauses for other writers no longer leave the cores idle.
                let blocks = (applicants.count + Self.writeBlock - 1) / Self.writeBlock
                // Each posting pushed to someone is read for its explanations once, not once per list it is in.
                var pushed = [Bool](repeating: false, count: jobs.count)
                for list in lists { for item in list { pushed[Int(item.posting)] = true } }
                let facts = Array(jobs.indices).concurrentMap { [pushed] row in pushed[row] ? explainer.posting(jobs[row]) : nil }
                try OrderedPipeline.run(count: blocks, produce: { b in
                    Array(b * Self.writeBlock..<min((b + 1) * Self.writeBlock, applicants.count)).concurrentMap { i in
                        BatchLine.make(applicant: applicants[i], items: lists[i], facts: { facts[$0]! }, explainer: explainer, asOf: asOf,
                                       planReason: plans[i].reason).jsonText
                    }
                }, consume: { b, lines in
                    let start = b * Self.writeBlock
                    for (offset, line) in lines.enumerated() {
                        let (applicant, list) = (applicants[start + offset], lists[start + offset])
                        try writer?.write(line: line)
                        hash.update(line + "\n")
                        try add(applicant.id, line, list.enumerated().map { PushRecord(applicant: applicant.id, job: jobs[Int($1.posting)].id, rank: $0 + 1) })
                    }
                    progress.advance(to: start + lines.count, detail: "")
                })
                run.outputHash = hash.finalize()
                return run.outputHash
            }
            try writer?.commit()
        } catch {
            writer?.discard()
            throw error
        }
        progress.end("wrote \(seekers.count) lists")
        progress.lap("writing")
        return Self.summary(run: run, report: report, configuration: configuration, failures: failures, out: options.out)
    }

    /// One seeker per applicant (by id), with the candidates scored for them.
    static func seekers(applicants: [Applicant], candidates: [BatchCandidates]) throws -> [AllocationSeeker] {
        guard applicants.count == candidates.count, zip(applicants, candidates).allSatisfy({ $0.id == $1.applicant }) else {
            throw JobMatchError(.conflict, "the candidates do not cover the seeking applicants one to one (\(candidates.count) lists for \(applicants.count) applicants)")
        }
        return zip(applicants, candidates).map { AllocationSeeker(id: $0.id, groups: $0.groups, candidates: $1.candidates) }
    }

    /// Each applicant's push plan (``PushPlan``: fewer, explained pushes on a training or guidance track), in order.
    static func pushPlans(inputs: BatchInputs, candidates: [BatchCandidates], k: Int) throws -> [PushPlan] {
        let jobs = inputs.jobs
        return zip(inputs.applicants, candidates).map { person, scored in
            PushPlan.decide(person, candidates: scored.candidates, isPublicWelfare: { jobs[Int($0)].jobType == .publicWelfare }, k: k)
        }
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    static func summary(run: BatchRunRecord, report r: BatchReport, configuration: AllocationConfiguration, failures: [String], out: String?) -> String {
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        var lines = [
            "batch \(run.id) published (as of \(run.asOf.text), model \(run.modelVersion), data \(run.dataHash.prefix(12)))",
            "  people: \(r.people), items: \(r.itemsPushed), fewer than k=\(configuration.k): \(r.fewerThanK), none: \(r.withNone)",
            "  open postings: \(r.openPostings), pushed to someone: \(r.postingsPushed) (coverage \(pct(r.coverage)))",
            "  largest exposure: \(r.largestExposure) people, \(String(format: "%.1f", r.largestExposurePerOpening)) per opening; caps "
                + (configuration.capsEnabled ? "max(\(configuration.minimumCap), \(configuration.capFactor) × openings), exceeded \(r.capExceeded)" : "off"),
        ]
        for key in r.groups.keys.sorted() {
            let g = r.groups[key]!
            lines.append("  \(key): \(g.members) people, served \(pct(g.servedShare)), full lists \(g.full), items \(g.items)")
        }
        if !failures.isEmpty { lines.append("  published with --force despite: " + failures.joined(separator: "; ")) }
        lines.append("  output: \(out ?? "(database only)") sha256 \(run.outputHash)")
        return lines.joined(separator: "\n")
    }
}
