import ArgumentParser
import Foundation
import JobMatchCLI
import JobMatchStore
import Testing

@Suite("jobmatch eval / train")
struct EvalCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func run(_ arguments: [String]) async throws {
        var command = try JobMatchCommand.parseAsRoot(arguments)
        if var async = command as? any AsyncParsableCommand {
            try await async.run()
        } else {
            try command.run()
        }
    }

    @Test("eval on a generated market writes the report, the TREC files, and every method")
    func evalWritesEverything() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let market = folder.appendingPathComponent("market").path
        try await run(["generate", "--out", market, "--applicants", "300", "--jobs", "150", "--seed", "5",
                       "--split-at", "2026-11-01T09:00:00+08:00"])
        #expect(FileManager.default.fileExists(atPath: market + "/oracle.jsonl"))
        let report = folder.appendingPathComponent("r.html").path
        let dump = folder.appendingPathComponent("run").path
        try await run(["eval", "--data", market, "--split-at", "2026-11-01T09:00:00+08:00", "-k", "5",
                       "--report", report, "--dump-run", dump])
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("jobmatch_untrained"))
        // Self-contained: nothing loaded from anywhere.
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("https://") && !html.contains("<link"))
        let qrels = try String(contentsOfFile: dump + "/qrels.txt", encoding: .utf8)
        #expect(!qrels.isEmpty)
        #expect(html.contains("New jobs only") && html.contains("oracle"))
        // Applicant ids with where they applied or were hired: personal data, 0600 whatever the umask.
        #expect(BatchCommandTests.mode(dump + "/qrels.txt") == 0o600)
        for method in ["oracle", "jobmatch", "jobmatch_content", "jobmatch_untrained", "popularity", "content", "random"] {
            #expect(BatchCommandTests.mode(dump + "/run.\(method).txt") == 0o600, "\(method)")
            let lines = try String(contentsOfFile: dump + "/run.\(method).txt", encoding: .utf8).split(separator: "\n")
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { $0.split(separator: " ").count == 6 })
        }
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dump + "/metrics.json"))) as! [String: Any]
        let methods = metrics["methods"] as! [String: [String: Double]]
        #expect(Set(methods.keys) == ["oracle", "jobmatch", "jobmatch_content", "jobmatch_untrained", "popularity", "content", "random"])
        #expect(methods.values.allSatisfy { $0["violations"] == 0 })
        // new_only/: no judgement and no listed job is one the person applied to (any event but viewed and
        // recommended) before the split, as docs/evaluation.md defines new jobs.
        let split = "2026-11-01T09:00:00+08:00"
        var applied = Set<String>()
        for line in try String(contentsOfFile: market + "/interactions.jsonl", encoding: .utf8).split(separator: "\n") {
            let event = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let at = try #require(ISO8601DateFormatter().date(from: event["at"] as! String))
            let cut = try #require(ISO8601DateFormatter().date(from: split)), kind = event["event"] as! String
            if at < cut, !["viewed", "recommended"].contains(kind) { applied.insert("\(event["applicant"]!) \(event["job"]!)") }
        }
        let fresh = try String(contentsOfFile: dump + "/new_only/qrels.txt", encoding: .utf8).split(separator: "\n")
        #expect(!fresh.isEmpty && fresh.count <= qrels.split(separator: "\n").count)
        #expect(BatchCommandTests.mode(dump + "/new_only/qrels.txt") == 0o600)
        #expect(fresh.allSatisfy { let f = $0.split(separator: " "); return !applied.contains("\(f[0]) \(f[2])") })
        let listed = try String(contentsOfFile: dump + "/new_only/run.jobmatch.txt", encoding: .utf8).split(separator: "\n")
        #expect(!listed.isEmpty && listed.allSatisfy { let f = $0.split(separator: " "); return !applied.contains("\(f[0]) \(f[2])") })
    }

    @Test("train writes a versioned model with training.json and makes it the active model of that database only")
    func trainActivates() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let market = folder.appendingPathComponent("market").path
        let db = folder.appendingPathComponent("db.sqlite").path
        let other = folder.appendingPathComponent("other.sqlite").path
        let models = folder.appendingPathComponent("models").path
        try await run(["generate", "--out", market, "--applicants", "200", "--jobs", "100", "--seed", "6"])
        try await run(["import", market, "--db", db])
        try await run(["import", market, "--db", other])
        try await run(["train", "--db", db, "--as-of", "2026-11-30T09:00:00+08:00", "--models", models])
        let active = try #require(try AppDatabase.open(path: db).activeModel()).path
        #expect(URL(fileURLWithPath: active).lastPathComponent.hasPrefix("trained-20261130T090000-"))
        #expect(try ActiveModel.resolvedPath(for: AppDatabase.open(path: db), root: models) == active)
        // The other database, in the same folder, still uses the shipped model; no shared link was made.
        #expect(try AppDatabase.open(path: other).activeModel() == nil)
        #expect(try ActiveModel.resolvedPath(for: AppDatabase.open(path: other), root: models) == models + "/default")
        #expect(!FileManager.default.fileExists(atPath: models + "/active"))
        let training = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: active + "/training.json"))) as! [String: Any]
        #expect((training["interactions"] as! Int) > 0)
        #expect(FileManager.default.fileExists(atPath: active + "/weights.json") && FileManager.default.fileExists(atPath: active + "/factors.json"))
    }

    @Test("train with no outcomes leaves the models alone")
    func trainWithoutOutcomes() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let market = folder.appendingPathComponent("market").path
        let db = folder.appendingPathComponent("db.sqlite").path
        let models = folder.appendingPathComponent("models").path
        try await run(["generate", "--out", market, "--applicants", "50", "--jobs", "30", "--seed", "7"])
        try await run(["import", market, "--db", db])
        try await run(["train", "--db", db, "--as-of", "2020-01-01T00:00:00+08:00", "--models", models])
        #expect(!FileManager.default.fileExists(atPath: models + "/active"))
        #expect(try AppDatabase.open(path: db).activeModel() == nil)
    }
}
