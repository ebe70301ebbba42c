import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

/// Interchange 1.1 over HTTP on a live daemon on loopback: courses, recording assistance (with its audit entry in
/// the same transaction) and a person's record as each caller may see it (docs/daemon.md, "Who sees what").
@Suite("Trainings and services over HTTP")
struct AssistanceRouteTests {
    static let course = #"{"id":"T1","title":"叉车司机培训","provider":"渝中区职业技能培训学校","district":"500103","certificates":["叉车证"],"hours":64,"starts_at":"2026-12-01T09:00:00+08:00","ends_at":"2026-12-12T17:00:00+08:00","seats":30,"subsidized":true}"#
    static let entries = #"""
    [{"applicant":"A1","kind":"guidance","at":"2026-11-03T10:00:00+08:00","by":"王芳","note":"谈了仓储方向"},
     {"applicant":"A1","kind":"training_enrolled","at":"2026-11-20T10:00:00+08:00","by":"王芳","training":"T1"},
     {"applicant":"A1","kind":"immediate_help","at":"2026-11-02T10:00:00+08:00","by":"王芳","note":"零就业家庭"},
     {"applicant":"A1","kind":"referral","at":"2026-11-04T10:00:00+08:00","job":"J1"}]
    """#

    @Test("courses are written by operators and their district's caseworkers and read by every token")
    func courses() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            #expect(try await client.call(.put, "/v1/trainings/T1", token: TestServer.shapingbaToken, body: Self.course).status == 403)
            #expect(try await client.call(.put, "/v1/trainings/T1", token: TestServer.evaluatorToken, body: Self.course).status == 403)
            #expect(try await client.call(.put, "/v1/trainings/T1", token: TestServer.yuzhongToken, body: Self.course).status == 201)
            #expect(try await client.call(.put, "/v1/trainings/T1", token: TestServer.operatorToken, body: Self.course).status == 200)
            let read = try await client.call(.get, "/v1/trainings/T1", token: TestServer.evaluatorToken)
            #expect(read.status == 200 && read.text == Self.course)
            let mismatch = try await client.call(.put, "/v1/trainings/T2", token: TestServer.operatorToken, body: Self.course)
            #expect(mismatch.status == 422 && mismatch.json?["field"] == .string("id"))
            let bad = Self.course.replacingOccurrences(of: #""seats":30"#, with: #""seats":0"#)
            let refused = try await client.call(.put, "/v1/trainings/T1", token: TestServer.operatorToken, body: bad)
            #expect(refused.status == 422 && refused.text.contains("seats"))
            #expect(try await client.call(.get, "/v1/trainings/T9", token: TestServer.operatorToken).status == 404)
        }
    }

    @Test("entries are recorded all or nothing, with their audit entry; each caller reads the record as the policy says")
    func services() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            #expect(try await client.call(.put, "/v1/trainings/T1", token: TestServer.operatorToken, body: Self.course).status == 201)
            let auditBefore = try server.database().auditEntries(AuditQuery(limit: 100_000)).count

            // One unknown course: 404 naming the entry's field, and nothing of the four is written.
            let unknown = Self.entries.replacingOccurrences(of: #""training":"T1""#, with: #""training":"T9""#)
            let refused = try await client.call(.post, "/v1/services", token: TestServer.yuzhongToken, body: unknown)
            #expect(refused.status == 404 && refused.json?["field"] == .string("[1].training"), "\(refused.text)")
            #expect(try server.database().services(applicant: "A1").isEmpty)
            // Another district's caseworker: 404 as for an unknown person; evaluators 403.
            #expect(try await client.call(.post, "/v1/services", token: TestServer.shapingbaToken, body: Self.entries).status == 404)
            #expect(try await client.call(.post, "/v1/services", token: TestServer.evaluatorToken, body: Self.entries).status == 403)
            let invalid = try await client.call(.post, "/v1/services", token: TestServer.yuzhongToken,
                                                body: #"{"applicant":"A1","kind":"training_completed","at":"2026-12-12T17:00:00+08:00"}"#)
            #expect(invalid.status == 422 && invalid.json?["field"] == .string("training"), "\(invalid.text)")

            let made = try await client.call(.post, "/v1/services", token: TestServer.yuzhongToken, body: Self.entries)
            #expect(made.status == 201 && made.json?["recorded"] == .number(4), "\(made.text)")
            let again = try await client.call(.post, "/v1/services", token: TestServer.yuzhongToken, body: Self.entries)
            #expect(again.json?["recorded"] == .number(0) && again.json?["already_present"] == .number(4))
            // The two writes' entries were committed with them (refusals are audited by the middleware, after the answer).
            let audit = try server.database().auditEntries(AuditQuery(limit: 100_000))
            #expect(audit.count > auditBefore)
            #expect(audit.filter { $0.endpoint == "POST /v1/services" && $0.status == 201 && $0.applicant == "A1" }.count == 2)

            // The person's own caseworker: every entry, oldest first, with by and note.
            let full = try await client.call(.get, "/v1/applicants/A1/services", token: TestServer.yuzhongToken)
            #expect(full.status == 200)
            guard case let .array(items)? = full.json?["services"] else { Issue.record("no services: \(full.text)"); return }
            #expect(items.map { $0["kind"] } == ["immediate_help", "guidance", "referral", "training_enrolled"].map(JSONValue.string))
            #expect(items[1]["by"] == .string("王芳") && items[1]["note"] == .string("谈了仓储方向"))
            #expect(try await client.call(.get, "/v1/applicants/A1/services", token: TestServer.shapingbaToken).status == 404)
            #expect(try await client.call(.get, "/v1/applicants/A1/services", token: TestServer.evaluatorToken).status == 404)

            // An evaluator, by pseudonym: no by, no note, no immediate_help; the pseudonym in place of the id.
            let secret = try String(contentsOfFile: server.configuration.pseudonymKeyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let a1 = SensitiveBodyTests.pseudonym("A1", token: "eval", secretHex: secret)
            let shown = try await client.call(.get, "/v1/applicants/\(a1)/services", token: TestServer.evaluatorToken)
            #expect(shown.status == 200)
            #expect(shown.text == #"{"applicant":"\#(a1)","services":[{"applicant":"\#(a1)","kind":"guidance","at":"2026-11-03T10:00:00+08:00"},{"applicant":"\#(a1)","kind":"referral","at":"2026-11-04T10:00:00+08:00","job":"J1"},{"applicant":"\#(a1)","kind":"training_enrolled","at":"2026-11-20T10:00:00+08:00","training":"T1"}]}"#,
                    "\(shown.text)")
        }
    }
}
