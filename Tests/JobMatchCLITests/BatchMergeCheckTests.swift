import ArgumentParser
import Foundation
@testable import JobMatchCLI
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows
import Testing

/// `batch merge` checks every shard row against the data it publishes from: a damaged or forged shard is
/// refused with `file:record: field` errors and nothing is published.
@Suite("jobmatch batch merge checks shard rows", .serialized)
struct BatchMergeCheckTests {
    static let asOf = "2026-11-30T09:00:00+08:00"
    /// Rule 4 of the spec: the groups public-welfare posts are for.
    static let welfareGroups: Set<String> = ["long_term_unemployed", "older_worker", "disabled", "zero_employment_household", "low_income", "poverty_alleviated"]

    @Test func forgedRowsAreRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-merge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("db.sqlite").path
        func run(_ arguments: [String]) async throws {
            var command = try JobMatchCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        }
        let market = folder.appendingPathComponent("market").path
        try await run(["generate", "--out", market, "--applicants", "300", "--jobs", "120", "--seed", "11", "--as-of", Self.asOf])
        try await run(["import", market, "--db", db])
        var shards: [String] = []
        for i in 0..<2 {
            shards.append(folder.appendingPathComponent("shard-\(i).cand").path)
            try await run(["batch", "--db", db, "--as-of", Self.asOf, "--shard", "\(i)/2", "--out", shards[i]])
        }
        let database = try AppDatabase.open(path: db)
        let inputs = try BatchInputs.load(database: database, asOf: Timestamp(rfc3339: Self.asOf)!, windowDays: 7, modelFolder: nil, progress: BatchProgress())
        let original = try CandidateFile.decode(Array(try Data(contentsOf: URL(fileURLWithPath: shards[0]))))
        // A public-welfare post and, in shard 0, a person certified in none of the groups it is for (rule 4).
        let welfareRow = try #require(inputs.jobs.firstIndex { $0.jobType == .publicWelfare })
        let byID = Dictionary(uniqueKeysWithValues: inputs.applicants.map { ($0.id, $0) })
        let ineligible = try #require(original.records.firstIndex { r in
            !r.candidates.isEmpty && Set(byID[r.applicant]!.groups.map(\.rawValue)).isDisjoint(with: Self.welfareGroups)
        })
        let withCandidates = try #require(original.records.indices.first { original.records[$0].candidates.count >= 2 && $0 != ineligible })
        let forgeries: [(String, (inout [BatchCandidates]) -> Void, String)] = [
            ("a row beyond the postings", { $0[withCandidates].candidates[0].posting = Int32(inputs.jobs.count + 5) }, "\(withCandidates + 1): candidates[0].posting"),
            ("a negative row", { $0[withCandidates].candidates[1].posting = -1 }, "\(withCandidates + 1): candidates[1].posting"),
            ("a posting twice", { $0[withCandidates].candidates[1].posting = $0[withCandidates].candidates[0].posting }, "\(withCandidates + 1): candidates[1].posting"),
            ("a NaN score", { $0[withCandidates].candidates[0].score = .nan }, "\(withCandidates + 1): candidates[0].score"),
            ("a public-welfare post for an ineligible person", {
                $0[ineligible].candidates[0] = AllocationCandidate(posting: Int32(welfareRow), score: 0.9, isFallback: true)
            }, "\(ineligible + 1): candidates[0].posting: posting \(inputs.jobs[welfareRow].id) breaks hard rule"),
            ("a person not in the database", { $0[0].applicant = "NOBODY-\(UUID().uuidString)" }, "1: applicant"),
        ]
        for (name, forge, message) in forgeries {
            var records = original.records
            forge(&records)
            try Data(CandidateFile.encode(header: original.header, records: records)).write(to: URL(fileURLWithPath: shards[0]))
            do {
                try await run(["batch", "merge", shards[0], shards[1], "--db", db, "--out", folder.appendingPathComponent("out.jsonl").path])
                Issue.record("\(name): published")
            } catch let failure as ShardCheckFailure {
                #expect(failure.description.contains("\(shards[0]):\(message)"), "\(name): \(failure)")
                #expect(!message.contains("hard rule") || failure.description.contains("public_welfare"), "\(failure)")
            } catch {
                Issue.record("\(name): \(error)")
            }
            #expect(try database.batchRuns().isEmpty, "\(name): something was published")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.jsonl").path))
        }
        // A person in two shards.
        try Data(CandidateFile.encode(header: original.header, records: original.records)).write(to: URL(fileURLWithPath: shards[0]))
        let other = try CandidateFile.decode(Array(try Data(contentsOf: URL(fileURLWithPath: shards[1]))))
        try Data(CandidateFile.encode(header: other.header, records: other.records + [original.records[0]])).write(to: URL(fileURLWithPath: shards[1]))
        await #expect(throws: JobMatchError.self) {
            try await run(["batch", "merge", shards[0], shards[1], "--db", db, "--out", folder.appendingPathComponent("out.jsonl").path])
        }
        #expect(try database.batchRuns().isEmpty)
    }
}
