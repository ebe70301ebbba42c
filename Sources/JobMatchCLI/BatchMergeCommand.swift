import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

/// `jobmatch batch merge SHARD... --db PATH --out FILE.jsonl`: the single allocation step over the
/// candidates of every shard, then the same output and database run as an unsharded batch.
struct BatchMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Allocate over the merged candidates of shard files written by `batch --shard I/N`, then publish.",
        discussion: """
        Every shard 0..N-1 must be given once, all scored with the same as-of time, depth, window, model \
        and data; the database must still hold the same data (its fingerprint is checked).
        """
    )

    @Argument(help: "The shard candidate files.") var shards: [String]
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: BatchAllocationOptions
    @Option(help: "The model folder the shards were scored with (when they were).") var model: String?

    func run() async throws {
        let progress = BatchProgress(display: TerminalProgress())
        print(try NightlyBatch.merge(shardFiles: shards, database: try database.open(), model: model, publish: options.publish, progress: progress))
    }
}
