import ArgumentParser
import Foundation
import JobMatchCLI
import JobMatchCore
import JobMatchStore
import Testing

/// `jobmatch generate`, `import`, `batch`, `insight --report --csv --json`: the report and the lists are written,
/// the JSON counts the seekers the database holds, and the read is audited without person subjects.
@Suite("jobmatch insight")
struct InsightCommandTests {
    func run(_ arguments: [String]) async throws {
        var command = try JobMatchCommand.parseAsRoot(arguments)
        if var async = command as? any AsyncParsableCommand { try await async.run() } else { try command.run() }
    }

    @Test("writes the HTML report and the CSV lists, and audits the read without people")
    func reportAndLists() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-insight-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let market = folder.appendingPathComponent("market").path, db = folder.appendingPathComponent("db.sqlite").path
        let report = folder.appendingPathComponent("insight.html").path, csv = folder.appendingPathComponent("csv").path
        let asOf = "2026-11-30T09:00:00+08:00"
        try await run(["generate", "--out", market, "--applicants", "600", "--jobs", "300", "--seed", "5"])
        try await run(["import", market, "--db", db])
        try await run(["batch", "--db", db, "--as-of", asOf, "--out", folder.appendingPathComponent("night.jsonl").path])
        try await run(["insight", "--db", db, "--as-of", asOf, "--report", report, "--csv", csv, "--threads", "2"])
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("岗位供需缺口"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"), "self-contained")
        let gaps = try String(contentsOfFile: csv + "/gaps.csv", encoding: .utf8)
        #expect(gaps.hasPrefix("district,group,seekers,with_fitting,postings,places,seekers_per_posting\r\n"))
        for name in ["occupations.csv", "outreach.csv", "trend.csv"] { #expect(FileManager.default.fileExists(atPath: csv + "/" + name)) }
        let database = try AppDatabase.open(path: db)
        let seeking = try database.applicants(status: .seeking).count
        #expect(gaps.contains("\nall,all,\(seeking),"), "the whole scope counts every seeking person")
        let trend = try String(contentsOfFile: csv + "/trend.csv", encoding: .utf8)
        #expect(trend.split(separator: "\r\n").count == 1 + 5, "one published run, five group keys")
        let entry = try database.auditEntries(AuditQuery(limit: 1)).last
        #expect(entry?.endpoint == "cli insight")
        #expect(entry?.subjects == [])
    }
}
