import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

/// `GET /v1/supervision` on a real daemon: the signal an outcome raises, and the audit entry of the read.
@Suite("The supervision route")
struct SupervisionRouteTests {
    @Test("a retention with no hire is listed, and the read is audited naming the person")
    func signalAndAudit() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let outcome = #"{"applicant":"A1","job":"J1","event":"retained_3m","at":"2026-11-10T09:00:00+08:00"}"#
            let posted = try await client.call(.post, "/v1/outcomes", token: TestServer.operatorToken, body: outcome)
            #expect(posted.status < 300, "\(posted.text)")
            let answer = try await client.call(.get, "/v1/supervision?\(TestServer.asOfQuery)", token: TestServer.operatorToken)
            #expect(answer.status == 200)
            let signals = answer.json?["signals"]
            guard case let .array(items)? = signals else { Issue.record("no signals: \(answer.text)"); return }
            let codes = items.compactMap { item -> String? in if case let .string(code)? = item["code"] { code } else { nil } }
            #expect(codes == ["retention_without_hire"])
            #expect(items.first?["applicants"] == .array([.string("A1")]))
            let entry = try server.database().auditEntries(AuditQuery(limit: 1)).last
            #expect(entry?.endpoint == "GET /v1/supervision")
            #expect(entry?.subjects == ["A1"])
            #expect(entry?.status == 200)
        }
    }
}
