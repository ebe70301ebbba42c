import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import Testing

/// The hard-rule verdict tables (Tests/JobMatchCoreTests/Fixtures, see its README) against lists served by a
/// live daemon on loopback: for each case the job is the only posting in the daemon, and it must appear in the
/// walk-in applicant's list at the case's as-of time exactly when the table allows it.
@Suite("Rule verdicts against a live daemon")
struct RuleVerdictServerTests {
    struct Line {
        var table: String, line: Int, name: String, asOf: String, applicant: String, job: String, jobID: String, allowed: Bool
    }

    static func load(_ file: String) throws -> [Line] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../JobMatchCoreTests/Fixtures/\(file)").standardizedFileURL
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").enumerated().map { n, text in
            let value = try Interchange.parse(Array(text.utf8)).get()
            guard case let .string(name)? = value["case"], case let .string(asOf)? = value["as_of"],
                  let applicant = value["applicant"], let job = value["job"], case let .string(jobID)? = job["id"],
                  case let .array(rules)? = value["violations"]
            else { throw JobMatchError(.invalidRecord, "\(file):\(n + 1): not a verdict case") }
            return Line(table: file, line: n + 1, name: name, asOf: asOf, applicant: applicant.jsonText, job: job.jsonText,
                        jobID: jobID, allowed: rules.isEmpty)
        }
    }

    static func query(_ asOf: String) -> String {
        "as_of=" + asOf.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: ":", with: "%3A")
    }

    @Test("every case of both tables: the job is listed iff allowed")
    func verdictsOverHTTP() async throws {
        let lines = try Self.load("rule-verdicts.jsonl") + Self.load("shared-rule-cases.jsonl")
        #expect(lines.count >= 465)
        let server = try TestServer()
        defer { server.remove() }
        let token = TestServer.operatorToken
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            // The daemon starts with the suite's own postings: remove them so each case's job is alone.
            for job in Fixtures.jobs {
                let id = try Interchange.decodeJob(Array(job.utf8)).get().id
                #expect(try await client.call(.delete, "/v1/jobs/\(id)", token: token).status == 204)
            }
            var wrong: [String] = []
            for c in lines {
                let put = try await client.call(.put, "/v1/jobs/\(c.jobID)", token: token, body: c.job)
                #expect(put.status == 201, "\(c.table):\(c.line): \(put.text)")
                let list = try await client.call(.post, "/v1/recommendations?k=5&\(Self.query(c.asOf))", token: token, body: c.applicant)
                #expect(list.status == 200, "\(c.table):\(c.line): \(list.text)")
                guard case let .array(items)? = list.json?["recommendations"] else { continue }
                let listed = items.contains { $0["job"] == .string(c.jobID) }
                if listed != c.allowed { wrong.append("\(c.table):\(c.line) \(c.name)") }
                #expect(try await client.call(.delete, "/v1/jobs/\(c.jobID)", token: token).status == 204)
            }
            #expect(wrong.isEmpty, "\(wrong.count) served lists disagree: \(wrong.prefix(10))")
        }
    }
}
