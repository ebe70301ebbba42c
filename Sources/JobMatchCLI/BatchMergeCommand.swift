import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore

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
        let progress = BatchProgress()
        let (header, candidates, origins) = try BatchShardFile.merge(paths: shards)
        guard let asOf = Timestamp(rfc3339: header.asOf) else {
            throw JobMatchError(.malformedInput, "shard header has a bad as_of", field: "as_of", file: shards.first)
        }
        let db = try database.open()
        let inputs = try BatchInputs.load(database: db, asOf: asOf, windowDays: header.windowDays, modelFolder: model, progress: progress)
        guard inputs.modelVersion == header.modelVersion else {
            throw JobMatchError(.conflict, "the shards were scored with model \(header.modelVersion), this merge has \(inputs.modelVersion) (pass the same --model)")
        }
        guard inputs.dataHash == header.dataHash else {
            throw JobMatchError(.conflict, "the database changed since the shards were scored (data hash \(inputs.dataHash.prefix(12)) ≠ \(header.dataHash.prefix(12)))")
        }
        try BatchShardFile.check(candidates, origins: origins, inputs: inputs, depth: header.depth)
        let publisher = BatchPublisher(inputs: inputs, options: options, scoringHeader: header, progress: progress)
        print(try publisher.publish(candidates: candidates))
    }
}
