import ArgumentParser
import Foundation
@testable import JobMatchCLI
import JobMatchCore
import JobMatchStore
import Testing

/// End to end on a real SQLite file: a generated market, imported, then `jobmatch batch`.
@Suite("jobmatch batch", .serialized)
struct BatchCommandTests {
    static let asOf = "2026-11-30T09:00:00+08:00"
    /// By hand, from the reason texts (docs/daemon.md "Sensitive reasons"): never in a push file.
    static let sensitiveCodes: Set<String> = [
        "public_welfare_fallback", "public_welfare_wish", "tag_disability_friendly", "accommodation", "tag_age_friendly",
        "doorstep", "flexible", "hours_fit", "wage_meets_wish", "wage_below_wish",
    ]
    let folder: URL
    let db: String

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("var/jobmatch.sqlite").path
        let market = folder.appendingPathComponent("market").path
        try await run(["generate", "--out", market, "--applicants", "500", "--jobs", "120", "--seed", "7", "--as-of", Self.asOf])
        try await run(["import", market, "--db", db])
    }

    func run(_ arguments: [String]) async throws {
        var command = try JobMatchCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func lines(_ file: String) throws -> [JSONValue] {
        try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map {
            try Interchange.parse(Array($0.utf8)).get()
        }
    }

    @Test("every line passes the hard rules, respects the caps and carries only ids, ranks, scores and reasons")
    func publishedRun() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = path("out/batch.jsonl")
        try await run(["batch", "--db", db, "--as-of", Self.asOf, "-k", "10", "--out", out, "--chunk-size", "100", "--minimum-cap", "15", "--cap-factor", "5"])
        let database = try AppDatabase.open(path: db)
        let asOf = Timestamp(rfc3339: Self.asOf)!
        let seeking = try database.applicants(status: .seeking)
        let parsed = try lines(out)
        #expect(parsed.count == seeking.count)
        #expect(parsed.map { $0["applicant"] } == seeking.map { .string($0.id) })
        var exposure: [String: Int] = [:]
        var items = 0
        for (line, applicant) in zip(parsed, seeking) {
            Self.expectOnlyAllowedKeys(line)
            guard case let .array(recommendations)? = line["recommendations"] else { Issue.record("no recommendations"); continue }
            #expect(recommendations.count <= 10)
            // A training or guidance track (docs/assistance.md): at most 3 pushes, each led by the plan's reason.
            let planCodes = recommendations.map { r -> String? in
                guard case let .array(reasons)? = r["reasons"], case let .string(code)? = reasons.first?["code"] else { return nil }
                return code.hasPrefix("plan_") ? code : nil
            }
            if planCodes.contains(where: { $0 != nil }) {
                #expect(recommendations.count <= 3)
                #expect(Set(planCodes).count == 1, "every push of the line carries the same plan reason")
            }
            for (i, r) in recommendations.enumerated() {
                guard case let .string(jobID)? = r["job"], let job = try database.job(id: jobID) else { Issue.record("unknown job"); continue }
                #expect(r["rank"] == .number(Double(i + 1)))
                #expect(HardRules.violations(applicant: applicant, job: job, at: asOf).isEmpty)
                exposure[jobID, default: 0] += 1
                items += 1
                if case let .array(reasons)? = r["reasons"] {
                    for reason in reasons { if case let .string(code)? = reason["code"] { #expect(!Self.sensitiveCodes.contains(code), "\(code)") } }
                }
            }
        }
        // More than one item a person on average (people on a training or guidance track get at most 3).
        #expect(items > seeking.count)
        for (jobID, count) in exposure {
            let openings = try database.job(id: jobID)!.openings
            #expect(count <= max(15, 5 * openings))
        }
        let text = try String(contentsOfFile: out, encoding: .utf8)
        for word in ["disab", "groups", "income", "zero_employment", "birth", "gender", "wage\":", "低保"] { #expect(!text.contains(word)) }
        // The run is in the database with its lists; its pushes suppress the same pairs the next day.
        let runs = try database.batchRuns()
        #expect(runs.count == 1 && runs[0].status == .published)
        #expect(try database.batchLines(run: runs[0].id) == text.split(separator: "\n").map(String.init))
        let nextDay = path("out/next.jsonl")
        try await run(["batch", "--db", db, "--as-of", "2026-12-01T09:00:00+08:00", "--out", nextDay, "--force"])
        let pushed = Set(try lines(out).flatMap { line -> [String] in
            guard case let .string(a)? = line["applicant"], case let .array(rs)? = line["recommendations"] else { return [] }
            return rs.compactMap { if case let .string(j)? = $0["job"] { "\(a)|\(j)" } else { nil } }
        })
        for line in try lines(nextDay) {
            guard case let .string(a)? = line["applicant"], case let .array(rs)? = line["recommendations"] else { continue }
            for r in rs { if case let .string(j)? = r["job"] { #expect(!pushed.contains("\(a)|\(j)")) } }
        }
        // Past runs are listed, and a person's line in one is found by a prefix of its id (for an appeal).
        try await run(["batch", "runs", "--db", db])
        let someone = try #require(try lines(out).first?["applicant"]?.stringValue)
        try await run(["batch", "runs", "--db", db, "--run", String(runs[0].id.prefix(10)), "--applicant", someone])
        await #expect(throws: JobMatchError.self) { try await run(["batch", "runs", "--db", db, "--run", "zz", "--applicant", someone]) }
        await #expect(throws: JobMatchError.self) {
            try await run(["batch", "runs", "--db", db, "--run", String(runs[0].id.prefix(10)), "--applicant", "NOBODY"])
        }
        #expect(throws: (any Error).self) { _ = try JobMatchCommand.parseAsRoot(["batch", "runs", "--db", db, "--run", "x"]) }
    }

    static func mode(_ path: String) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue
    }

    /// docs/daemon.md: files with personal data are 0600 whatever the umask; CLI commands that read
    /// personal data and write it out are logged under the OS user, naming every person (as an export).
    @Test("the vector export (people's feature vectors) is 0600 and audited under the OS user, naming every person")
    func vectorExportIsPrivateAndAudited() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = path("vectors")
        try await run(["batch", "--db", db, "--as-of", Self.asOf, "--export-vectors", out])
        #expect(Self.mode(out + "/applicants.f32") == 0o600)
        let database = try AppDatabase.open(path: db)
        let cli = try database.auditEntries().filter { $0.role == "cli" }
        #expect(cli.count == 1 && cli[0].actor.hasPrefix("os:") && !cli[0].subjects.isEmpty, "\(cli.map(\.endpoint))")
        let seeker = try database.applicants().first { $0.status == .seeking }!.id
        #expect(try database.auditEntries(AuditQuery(applicant: seeker)).count == 1)
    }

    @Test("on a market where every sensitive attribute occurs, the push file carries no sensitive reason; files are 0600; CLI reads are audited")
    func pushPrivacy() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(path: db)
        let applicants = try database.applicants()
        let jobs = try database.jobs()
        // Every sensitive attribute occurs in the generated market.
        #expect(applicants.contains { $0.disability != nil })
        for group in AssistanceGroup.allCases { #expect(applicants.contains { $0.isIn(group) }, "\(group)") }
        #expect(applicants.contains { $0.effectiveCapacity != .full })
        #expect(applicants.contains { $0.preferences.minMonthlyWage != nil })
        #expect(jobs.contains { $0.jobType == .publicWelfare })
        for tag in JobTag.allCases { #expect(jobs.contains { $0.has(tag) }, "\(tag)") }
        let out = path("out/push.jsonl")
        try await run(["batch", "--db", db, "--as-of", Self.asOf, "-k", "10", "--out", out])
        #expect(Self.mode(out) == 0o600)
        #expect(Self.mode(db) == 0o600)
        // The unfiltered reasons of the pushed pairs hold sensitive codes; the file holds none.
        let model = try ModelDirectory(path: ActiveModel.resolvedPath()).read()
        let explainer = Explainer(model: model)
        let asOf = Timestamp(rfc3339: Self.asOf)!
        let byID = Dictionary(uniqueKeysWithValues: applicants.map { ($0.id, $0) })
        let jobByID = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, $0) })
        var unfiltered: Set<String> = [], written: Set<String> = [], texts: Set<String> = []
        for line in try lines(out) {
            guard case let .string(a)? = line["applicant"], case let .array(rs)? = line["recommendations"] else { continue }
            for r in rs {
                guard case let .string(j)? = r["job"], let person = byID[a], let job = jobByID[j] else { continue }
                unfiltered.formUnion(explainer.reasons(applicant: person, job: job, asOf: asOf, fallback: false).map(\.code))
                if case let .array(reasons)? = r["reasons"] {
                    written.formUnion(reasons.compactMap { $0["code"]?.stringValue })
                    texts.formUnion(reasons.compactMap { $0["text"]?.stringValue })
                }
            }
        }
        #expect(unfiltered.intersection(Self.sensitiveCodes).count >= 5, "\(unfiltered)")
        #expect(written.isDisjoint(with: Self.sensitiveCodes), "\(written.intersection(Self.sensitiveCodes))")
        // docs/daemon.md: public-welfare posts are open only to certified people, so a reason saying the person
        // wants one (公益性岗位, under any code) reveals an assistance group: no reason text in a push says it.
        #expect(!texts.contains { $0.contains("公益性岗位") }, "\(texts.filter { $0.contains("公益性岗位") })")
        // Exports are 0600 and audited under the OS user, naming every person, before anything is written.
        let exported = path("export")
        try await run(["export", exported, "--db", db])
        for file in ["applicants.jsonl", "jobs.jsonl", "interactions.jsonl"] {
            #expect(Self.mode(exported + "/" + file) == 0o600, "\(file)")
        }
        // Someone with a line in the night (not every generated person is seeking).
        let someone = try #require(try lines(out).first?["applicant"]?.stringValue)
        try await run(["recommend", "--db", db, "--applicant", someone, "--as-of", Self.asOf])
        let run0 = try database.batchRuns()[0].id
        try await run(["batch", "runs", "--db", db, "--run", run0, "--applicant", someone])
        let cli = try database.auditEntries().filter { $0.role == "cli" }
        #expect(cli.map(\.endpoint) == ["cli export", "cli recommend", "cli batch runs"])
        #expect(cli.allSatisfy { $0.actor.hasPrefix("os:") && $0.actor.count > 3 })
        #expect(cli[0].subjects.count == applicants.count)
        #expect(try database.auditEntries(AuditQuery(applicant: someone)).map(\.endpoint) == ["cli export", "cli recommend", "cli batch runs"])
        try await run(["audit", "verify", "--db", db])
        try await run(["audit", "--db", db, "--applicant", someone])
    }

    static func expectOnlyAllowedKeys(_ value: JSONValue) {
        switch value {
        case let .object(pairs):
            for (key, inner) in pairs {
                #expect(BatchLine.allowedKeys.contains(key), "unexpected key \(key)")
                expectOnlyAllowedKeys(inner)
            }
        case let .array(values): for inner in values { expectOnlyAllowedKeys(inner) }
        default: break
        }
    }

    @Test("a run stopped halfway and started again writes the same bytes as a clean run")
    func resume() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let resumed = path("resumed/batch.jsonl"), clean = path("clean/batch.jsonl")
        let arguments = ["batch", "--db", db, "--as-of", Self.asOf, "--chunk-size", "60"]
        await #expect(throws: (any Error).self) { try await run(arguments + ["--out", resumed, "--stop-after-chunks", "3"]) }
        #expect(!FileManager.default.fileExists(atPath: resumed))
        let work = try FileManager.default.subpathsOfDirectory(atPath: resumed + ".work").filter { $0.hasSuffix(".cand") }
        #expect(work.count == 3)
        try await run(arguments + ["--out", resumed])
        try await run(arguments + ["--out", clean])
        #expect(try Data(contentsOf: URL(fileURLWithPath: resumed)) == Data(contentsOf: URL(fileURLWithPath: clean)))
        #expect(!FileManager.default.fileExists(atPath: resumed + ".work"))
    }

    @Test("sharded scoring merged and allocated equals the unsharded run")
    func shards() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = path("whole.jsonl"), merged = path("merged.jsonl")
        try await run(["batch", "--db", db, "--as-of", Self.asOf, "--out", whole, "--cap-factor", "3", "--minimum-cap", "8"])
        var shardFiles: [String] = []
        for i in 0..<3 {
            let file = path("shards/shard-\(i).cand")
            try await run(["batch", "--db", db, "--as-of", Self.asOf, "--shard", "\(i)/3", "--out", file, "--chunk-size", "70"])
            shardFiles.append(file)
        }
        await #expect(throws: (any Error).self) { try await run(["batch", "merge"] + shardFiles.dropLast() + ["--db", db, "--out", merged]) }
        try await run(["batch", "merge"] + shardFiles.reversed() + ["--db", db, "--out", merged, "--cap-factor", "3", "--minimum-cap", "8"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: whole)) == Data(contentsOf: URL(fileURLWithPath: merged)))
    }

    @Test("the gate refuses a run whose coverage fell sharply, unless forced")
    func gate() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["batch", "--db", db, "--as-of", Self.asOf, "--out", path("a.jsonl"), "--minimum-cap", "5", "--cap-factor", "2"])
        let later = "2026-11-30T10:00:00+08:00"
        await #expect(throws: JobMatchError.self) { try await run(["batch", "--db", db, "--as-of", later, "--out", path("b.jsonl"), "--no-caps", "-k", "1"]) }
        #expect(!FileManager.default.fileExists(atPath: path("b.jsonl")))
        let database = try AppDatabase.open(path: db)
        #expect(try database.batchRuns().map(\.status) == [.published, .refused])
        try await run(["batch", "--db", db, "--as-of", later, "--out", path("b.jsonl"), "--no-caps", "-k", "1", "--force"])
        #expect(try database.batchRuns().map(\.status) == [.published, .published])
    }
}
