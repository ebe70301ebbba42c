import ArgumentParser
import Foundation
import JobMatchCLI
import JobMatchCore
import JobMatchStore
import Testing

/// `jobmatch generate --plant-anomalies`, `import`, `supervise`: the command's audit entry names exactly
/// the people planted.json lists, and counts exactly the planted anomalies.
@Suite("jobmatch supervise")
struct SuperviseCommandTests {
    func run(_ arguments: [String]) async throws {
        var command = try JobMatchCommand.parseAsRoot(arguments)
        if var async = command as? any AsyncParsableCommand { try await async.run() } else { try command.run() }
    }

    @Test("on a planted market it lists the planted anomalies and nothing else")
    func plantedMarket() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-supervise-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let market = folder.appendingPathComponent("market").path, db = folder.appendingPathComponent("db.sqlite").path
        try await run(["generate", "--out", market, "--applicants", "1500", "--jobs", "800", "--seed", "11", "--plant-anomalies"])
        try await run(["import", market, "--db", db])
        try await run(["supervise", "--db", db, "--as-of", "2026-11-30T09:00:00+08:00", "--json"])
        let planted = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: market + "/planted.json"))))
        guard case let .array(items)? = planted["planted"] else { Issue.record("no planted list"); return }
        #expect(items.count >= 3)
        var people = Set<String>()
        for item in items { if case let .array(ids)? = item["applicants"] { for case let .string(id) in ids { people.insert(id) } } }
        let entry = try AppDatabase.open(path: db).auditEntries(AuditQuery(limit: 1)).last
        #expect(entry?.endpoint == "cli supervise")
        #expect(entry?.detail == "signals: \(items.count)")
        #expect(entry.map { Set($0.subjects) } == people)
    }
}
