import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

/// `jobmatch batch`: the nightly push batch (scoring → allocation → output → database), and `batch merge`.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "The nightly push batch: every seeking applicant a fitting list, no posting flooded.",
        subcommands: [BatchRunCommand.self, BatchMergeCommand.self, BatchRunsCommand.self],
        defaultSubcommand: BatchRunCommand.self
    )
}

/// `jobmatch batch --db PATH [--as-of TIME] [-k 10] [--out FILE.jsonl] [--shard I/N] [--no-caps] [--force] [--model DIR]`.
struct BatchRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Score all seeking applicants against all open jobs, allocate under exposure caps, publish.",
        discussion: """
        Resumable: scoring is checkpointed per chunk of applicants in a work folder beside the output \
        (OUT.work, or the database's when there is no --out); a run killed halfway continues when started \
        again with the same arguments, and writes the same bytes. With --shard I/N only the scoring of shard I \
        runs and --out names the shard's candidate file; `jobmatch batch merge` allocates over all shards.
        """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scoring: BatchScoringOptions
    @OptionGroup var options: BatchAllocationOptions
    @Option(help: "Score only shard I of N (0 ≤ I < N) and write its candidates to --out.") var shard: String?
    @Option(name: .customLong("stop-after-chunks"), help: .hidden) var stopAfterChunks: Int?
    @Option(name: .customLong("export-vectors"), help: .hidden) var exportVectors: String?

    func validate() throws {
        if let shard {
            guard let parsed = BatchShard(shard) else { throw ValidationError("--shard must be I/N with 0 ≤ I < N") }
            if parsed.count > 1, options.out == nil { throw ValidationError("--shard needs --out for the shard's candidate file") }
        }
    }

    func run() async throws {
        let shard = shard.flatMap { BatchShard($0) } ?? .all
        let asOf = try TimeArgument.parse(scoring.asOf, option: "--as-of")
        let db = try database.open()
        let progress = BatchProgress(display: TerminalProgress())
        if let exportVectors {
            let inputs = try BatchInputs.load(database: db, asOf: asOf, windowDays: scoring.windowDays, modelFolder: scoring.model, progress: progress)
            print(try BatchVectorExport.write(inputs: inputs, to: exportVectors, database: db))
            return
        }
        let outcome = try NightlyBatch.run(database: db, asOf: asOf, scoring: scoring.settings, publish: options.publish, shard: shard,
                                           workFolder: (options.out ?? database.path) + ".work", progress: progress, stopAfterChunks: stopAfterChunks)
        switch outcome {
        case let .shard(shard, applicants, file):
            print("shard \(shard) of the batch at \(asOf.text): \(applicants) applicants scored, candidates in \(file)")
            print("next: jobmatch batch merge SHARD-FILES... --db \(database.path) --out FILE.jsonl")
        case let .published(summary):
            print(summary)
        }
        Console.error(progress.timeline)
    }
}
