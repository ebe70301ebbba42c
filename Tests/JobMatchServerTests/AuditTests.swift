import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

@Suite("The audit log")
struct AuditTests {
    @Test("every profile read, change and list is in the audit log, refused ones too")
    func everyReadIsAudited() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            #expect(try await client.call(.get, "/v1/applicants/A1", token: TestServer.yuzhongToken).status == 200)
            #expect(try await client.call(.get, "/v1/applicants/A1", token: TestServer.shapingbaToken).status == 404)
            let secret = try String(contentsOfFile: server.configuration.pseudonymKeyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            let a1 = SensitiveBodyTests.pseudonym("A1", token: "eval", secretHex: secret)
            #expect(try await client.call(.get, "/v1/applicants/\(a1)/recommendations?\(TestServer.asOfQuery)", token: TestServer.evaluatorToken).status == 200)
            #expect(try await client.call(.put, "/v1/applicants/A9", token: TestServer.yuzhongToken,
                                          body: Fixtures.applicant(id: "A9", district: TestServer.yuzhong)).status == 201)
            #expect(try await client.call(.get, "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)", token: TestServer.operatorToken).status == 200)
            #expect(try await client.call(.get, "/v1/applicants/A1").status == 401)
        }
        let entries = try server.database().auditEntries()
        let summary = entries.map { "\($0.actor) \($0.endpoint) \($0.applicant ?? $0.job ?? "") \($0.status)" }
        #expect(summary.contains("wang.yuzhong GET /v1/applicants/A1 A1 200"), "\(summary)")
        #expect(summary.contains("li.shapingba GET /v1/applicants/A1 A1 404"), "\(summary)")
        #expect(summary.contains { $0.hasPrefix("eval GET /v1/applicants/") && $0.hasSuffix("/recommendations A1 200") }, "\(summary)")
        #expect(summary.contains("wang.yuzhong PUT /v1/applicants/A9 A9 201"), "\(summary)")
        #expect(summary.contains("ops GET /v1/jobs/J1/candidates J1 200"), "\(summary)")
        #expect(summary.contains("- GET /v1/applicants/A1  401"), "\(summary)")
        // The people a candidate list showed are findable by person.
        let aboutA1 = try server.database().auditEntries(AuditQuery(applicant: "A1")).map(\.endpoint)
        #expect(aboutA1.contains("GET /v1/jobs/J1/candidates"), "\(aboutA1)")
        // Operators read it through the daemon too.
        try await server.app().test(.router) { client in
            let answer = try await client.call(.get, "/v1/audit?actor=li.shapingba", token: TestServer.operatorToken)
            #expect(answer.status == 200)
            guard case let .array(listed)? = answer.json?["entries"] else { Issue.record("no entries"); return }
            #expect(listed.count == 1 && listed[0]["status"] == .number(404))
        }
    }

    @Test("UPDATE and DELETE on the audit log fail")
    func appendOnly() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try server.database().appendAudit(AuditEntry(at: .now(), actor: "ops", role: "operator", endpoint: "GET /v1/applicants/A1", applicant: "A1", status: 200))
        let queue = try DatabaseQueue(path: server.databasePath)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'nobody'") } }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        let entries = try server.database().auditEntries()
        #expect(entries.count == 1 && entries[0].actor == "ops")
    }
}
