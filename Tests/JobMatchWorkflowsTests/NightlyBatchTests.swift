import Foundation
import JobMatchCore
import JobMatchMarket
import JobMatchStore
import JobMatchWorkflows
import Testing

/// The nightly batch as a workflow, run without the CLI: a night scored in two shards and merged publishes the
/// very bytes of the same night scored whole (the batch's promise in docs/batch.md), and the model in force is
/// found the one documented way.
@Suite("the nightly batch workflow", .serialized)
struct NightlyBatchTests {
    static let asOf = Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!

    /// A generated market imported into a fresh database file in `folder`.
    static func database(in folder: URL, name: String) throws -> AppDatabase {
        let data = folder.appendingPathComponent("market")
        if !FileManager.default.fileExists(atPath: data.path) {
            let market = try MarketGenerator(configuration: MarketConfiguration(applicants: 300, jobs: 120, seed: 11, asOf: asOf)).generate()
            try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
            func write(_ lines: [String], _ file: String) throws {
                try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: data.appendingPathComponent(file))
            }
            try write(market.applicants.map(\.interchangeJSON.jsonText), "applicants.jsonl")
            try write(market.jobs.map(\.interchangeJSON.jsonText), "jobs.jsonl")
            try write(market.interactions.map(\.interchangeJSON.jsonText), "interactions.jsonl")
        }
        let db = try AppDatabase.open(path: folder.appendingPathComponent(name).path)
        _ = try db.importDataSet(at: data.path)
        return db
    }

    static let publish = BatchPublishOptions(allocation: AllocationConfiguration(k: 10, capsEnabled: true, capFactor: 20, minimumCap: 20),
                                             gate: QualityGate(maximumRelativeDrop: 0.25, minimumGroupSize: 20))

    @Test func twoShardsMergedPublishTheBytesOfOneNight() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-night-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scoring = NightlyBatch.Scoring(depth: 30, chunkSize: 64, threads: 2)

        let whole = try Self.database(in: folder, name: "whole.sqlite")
        var options = Self.publish
        options.out = folder.appendingPathComponent("whole.jsonl").path
        guard case .published = try NightlyBatch.run(database: whole, asOf: Self.asOf, scoring: scoring, publish: options,
                                                     workFolder: folder.appendingPathComponent("whole.work").path, progress: BatchProgress())
        else { Issue.record("an unsharded night must publish"); return }

        let sharded = try Self.database(in: folder, name: "sharded.sqlite")
        var shardFiles: [String] = []
        for i in 0..<2 {
            var shardOptions = Self.publish
            shardOptions.out = folder.appendingPathComponent("shard-\(i).cand").path
            let outcome = try NightlyBatch.run(database: sharded, asOf: Self.asOf, scoring: scoring, publish: shardOptions,
                                               shard: BatchShard(index: i, count: 2),
                                               workFolder: folder.appendingPathComponent("s\(i).work").path, progress: BatchProgress())
            guard case let .shard(_, _, file) = outcome else { Issue.record("shard \(i) must not publish"); return }
            shardFiles.append(file)
        }
        #expect(try sharded.previousPublishedRun(before: Timestamp(rfc3339: "2027-01-01T00:00:00+08:00")!) == nil, "shards publish nothing")
        options.out = folder.appendingPathComponent("merged.jsonl").path
        _ = try NightlyBatch.merge(shardFiles: shardFiles.reversed(), database: sharded, model: nil, publish: options, progress: BatchProgress())

        let one = try Data(contentsOf: folder.appendingPathComponent("whole.jsonl"))
        let merged = try Data(contentsOf: folder.appendingPathComponent("merged.jsonl"))
        #expect(!one.isEmpty)
        #expect(one == merged)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("whole.work").path), "checkpoints removed after success")
    }

    @Test func theModelInForceIsFoundOneWay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-model-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(in: folder, name: "db.sqlite")
        let data = { (try db.applicants(), try db.jobs()) }
        let missing = folder.appendingPathComponent("no-such-model").path
        // A folder given explicitly that holds no model is an error, unless learning is allowed (the daemon's setting).
        #expect(throws: JobMatchError.self) { try ModelInForce.open(configured: missing, database: db, data: data) }
        var notes: [String] = []
        let learned = try ModelInForce.open(configured: missing, database: db, learnWhenConfiguredIsMissing: true, data: data, note: { notes.append($0) })
        #expect(learned.isLearned)
        #expect(learned.sha256 == "learned")
        #expect(learned.version.hasPrefix("learned:"))
        #expect(notes.count == 1)
        // A model folder on disk is read, and its version names it.
        let saved = folder.appendingPathComponent("saved").path
        try ModelDirectory(path: saved).write(learned.model)
        let read = try ModelInForce.open(configured: saved, database: db, data: { Issue.record("must not learn"); return ([], []) })
        #expect(!read.isLearned)
        #expect(read.sha256.count == 64)
        #expect(read.version == "\(learned.model.manifest.name)@\(learned.model.manifest.dataHash.prefix(16))")
    }
}
