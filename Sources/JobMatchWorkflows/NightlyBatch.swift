import Foundation
import JobMatchCore
import JobMatchStore

/// The nightly push batch as one workflow, shared by `jobmatch batch`, `jobmatch batch merge` and anything else
/// that runs a night: read the inputs at the as-of time, score in checkpointed chunks, then allocate under the
/// exposure caps and publish (or, for one shard of several, write the shard's candidate file for a later merge).
public enum NightlyBatch {
    /// What decides the scored candidates (shards of one night must agree on all of it).
    public struct Scoring: Sendable {
        public var depth: Int
        public var windowDays: Double
        /// A model folder overriding the database's model in force.
        public var model: String?
        public var chunkSize: Int
        public var threads: Int

        public init(depth: Int = 50, windowDays: Double = 7, model: String? = nil, chunkSize: Int = 2000,
                    threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.depth = depth
            self.windowDays = windowDays
            self.model = model
            self.chunkSize = chunkSize
            self.threads = threads
        }
    }

    /// How a run ended.
    public enum Outcome: Sendable {
        /// One shard of several was scored and its candidates written to `file`.
        case shard(BatchShard, applicants: Int, file: String)
        /// The night was allocated and published; `summary` is for people.
        case published(summary: String)
    }

    /// Runs the night at `asOf`. Checkpoints go to `workFolder` (removed after a successful run), so a run
    /// killed halfway resumes there with the same arguments and writes the same bytes. A shard of several
    /// needs `publish.out` for its candidate file.
    public static func run(database: AppDatabase, asOf: Timestamp, scoring: Scoring, publish: BatchPublishOptions, shard: BatchShard = .all,
                           workFolder: String, progress: BatchProgress, stopAfterChunks: Int? = nil) throws -> Outcome {
        let loaded = try BatchInputs.load(database: database, asOf: asOf, windowDays: scoring.windowDays, modelFolder: scoring.model,
                                          progress: progress, fingerprint: false)
        progress.lap("load")
        let inputs: BatchInputs, candidates: [BatchCandidates], header: BatchScoringHeader
        do {
            // The job index and the data's fingerprint (which names the checkpoints and the run) at the same time.
            // The index (the night's largest array) is gone at the end of this block, before the lines are written.
            let (index, fingerprinted) = try Concurrently.both({ BatchScoringPlan.index(for: loaded) }, { loaded.fingerprinted() })
            progress.lap("index")
            let plan = BatchScoringPlan(inputs: fingerprinted, index: index, depth: scoring.depth, windowDays: scoring.windowDays, shard: shard,
                                        chunkSize: scoring.chunkSize, threads: scoring.threads)
            candidates = try plan.score(workFolder: workFolder, progress: progress, stopAfterChunks: stopAfterChunks)
            (inputs, header) = (fingerprinted, plan.header)
        }
        if shard.count > 1 {
            guard let file = publish.out else {
                throw JobMatchError(.malformedInput, "a shard of several needs an output file for its candidates", field: "out")
            }
            try BatchShardFile.write(candidates, header: header, to: file)
            try? FileManager.default.removeItem(atPath: workFolder)
            progress.finish()
            return .shard(shard, applicants: candidates.count, file: file)
        }
        let summary = try BatchPublisher(inputs: inputs, options: publish, scoringHeader: header, progress: progress).publish(candidates: candidates)
        try? FileManager.default.removeItem(atPath: workFolder)
        return .published(summary: summary)
    }

    /// Allocates over the candidates of every shard file and publishes them as one night. The shards must all
    /// be there, scored for the same night, model and data (the database's fingerprint is checked), and every
    /// row is checked against the data (``BatchShardFile/check(_:origins:inputs:depth:)``).
    public static func merge(shardFiles: [String], database: AppDatabase, model: String?, publish: BatchPublishOptions,
                             progress: BatchProgress) throws -> String {
        let (header, candidates, origins) = try BatchShardFile.merge(paths: shardFiles)
        guard let asOf = Timestamp(rfc3339: header.asOf) else {
            throw JobMatchError(.malformedInput, "shard header has a bad as_of", field: "as_of", file: shardFiles.first)
        }
        let inputs = try BatchInputs.load(database: database, asOf: asOf, windowDays: header.windowDays, modelFolder: model, progress: progress)
        guard inputs.modelVersion == header.modelVersion else {
            throw JobMatchError(.conflict, "the shards were scored with model \(header.modelVersion), this merge has \(inputs.modelVersion) (pass the same --model)")
        }
        guard inputs.dataHash == header.dataHash else {
            throw JobMatchError(.conflict, "the database changed since the shards were scored (data hash \(inputs.dataHash.prefix(12)) ≠ \(header.dataHash.prefix(12)))")
        }
        try BatchShardFile.check(candidates, origins: origins, inputs: inputs, depth: header.depth)
        return try BatchPublisher(inputs: inputs, options: publish, scoringHeader: header, progress: progress).publish(candidates: candidates)
    }
}
