import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

/// `GET /v1/applicants/{id}/plan` and `GET /v1/followups` on a live daemon on loopback, with the access rows
/// of docs/daemon.md: operators everything, caseworkers their districts (404 for another's person, 403 for another
/// district's list), evaluators 403, no token 401; every answer audited with the people named as subjects.
@Suite struct PlanRouteTests {
    /// A2 (渝中) hired on 2026-10-14, so the 30-day revisit was due on 2026-11-13 (overdue on 11-15); B1 (沙坪坝)
    /// separated on 2026-11-10 after a hire on 2026-10-01: its case reopened.
    static func server() throws -> TestServer {
        let server = try TestServer()
        let database = try server.database()
        for (who, job, event, at) in [("A2", "J1", InteractionEvent.hired, "2026-10-14T08:00:00+08:00"),
                                      ("B1", "J3", .hired, "2026-10-01T08:00:00+08:00"), ("B1", "J3", .separated, "2026-11-10T08:00:00+08:00")] {
            _ = try database.record(Interaction(applicant: who, job: job, event: event, at: Timestamp(rfc3339: at)!))
        }
        return server
    }

    @Test func thePlanIsReadLikeTheProfile() async throws {
        let server = try Self.server()
        defer { server.remove() }
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            let plan = try await client.call(.get, "/v1/applicants/A1/plan?\(TestServer.asOfQuery)", token: TestServer.yuzhongToken)
            #expect(plan.status == 200, "\(plan.text)")
            #expect(plan.json?["applicant"] == .string("A1"))
            #expect(plan.json?["as_of"] == .string(TestServer.asOf))
            guard case let .array(tracks)? = plan.json?["tracks"], let first = tracks.first else { Issue.record("no tracks: \(plan.text)"); return }
            #expect(first["reasons"] != nil && first["steps"] != nil)
            #expect(try await client.call(.get, "/v1/applicants/A1/plan?\(TestServer.asOfQuery)", token: TestServer.operatorToken).status == 200)
            let other = try await client.call(.get, "/v1/applicants/A1/plan?\(TestServer.asOfQuery)", token: TestServer.shapingbaToken)
            let unknown = try await client.call(.get, "/v1/applicants/nobody/plan?\(TestServer.asOfQuery)", token: TestServer.shapingbaToken)
            #expect(other.status == 404)
            #expect(unknown.status == 404)
            #expect(other.json?["detail"] == .string("no applicant \"A1\"") && unknown.json?["detail"] == .string("no applicant \"nobody\""))
            #expect(try await client.call(.get, "/v1/applicants/A1/plan", token: TestServer.evaluatorToken).status == 403)
            #expect(try await client.call(.get, "/v1/applicants/A1/plan").status == 401)
            let bad = try await client.call(.get, "/v1/applicants/A1/plan?as_of=soon", token: TestServer.operatorToken)
            #expect(bad.status == 400)
            #expect(bad.json?["field"] == .string("as_of"))
        }
        let summary = try server.database().auditEntries().map { "\($0.actor) \($0.endpoint) \($0.applicant ?? "") \($0.status)" }
        #expect(summary.contains("wang.yuzhong GET /v1/applicants/A1/plan A1 200"), "\(summary)")
        #expect(summary.contains("li.shapingba GET /v1/applicants/A1/plan A1 404"), "\(summary)")
        #expect(summary.contains("eval GET /v1/applicants/A1/plan A1 403"), "\(summary)")
    }

    @Test func followUpsAreScopedToTheCallersDistricts() async throws {
        let server = try Self.server()
        defer { server.remove() }
        let query = "\(TestServer.asOfQuery)&due_before=2026-12-01T00:00:00%2B08:00"
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            func people(_ answer: Answer) -> [String] {
                guard case let .array(items)? = answer.json?["followups"] else { return [] }
                return items.compactMap { if case let .string(s)? = $0["applicant"] { s } else { nil } }
            }
            let all = try await client.call(.get, "/v1/followups?\(query)", token: TestServer.operatorToken)
            #expect(all.status == 200, "\(all.text)")
            // Reopened first (B1, separated 11-10), then A2's overdue 30-day revisit (due 11-13); B1's revisits after
            // the separation are gone and its 30-day one (due 10-31) is listed too.
            guard case let .array(items)? = all.json?["followups"] else { Issue.record("no list"); return }
            #expect(items.map { $0["kind"] } == [.string("reopened"), .string("adaptation"), .string("adaptation")])
            #expect(people(all) == ["B1", "B1", "A2"])
            #expect(items.last?["due"] == .string("2026-11-13T08:00:00+08:00"))
            #expect(items.last?["overdue"] == .bool(true))
            #expect(people(try await client.call(.get, "/v1/followups?\(query)", token: TestServer.yuzhongToken)) == ["A2"])
            #expect(people(try await client.call(.get, "/v1/followups?\(query)&district=500106", token: TestServer.operatorToken)) == ["B1", "B1"])
            #expect(try await client.call(.get, "/v1/followups?\(query)&district=500106", token: TestServer.yuzhongToken).status == 403)
            #expect(try await client.call(.get, "/v1/followups", token: TestServer.evaluatorToken).status == 403)
            #expect(try await client.call(.get, "/v1/followups").status == 401)
            #expect(try await client.call(.get, "/v1/followups?due_before=tomorrow", token: TestServer.operatorToken).status == 400)
            // Before the 30-day opening (11-06 for A2) with due_before in October: only B1's 10-31 revisit.
            let early = try await client.call(.get, "/v1/followups?as_of=2026-10-20T08:00:00%2B08:00&due_before=2026-11-01T00:00:00%2B08:00",
                                              token: TestServer.operatorToken)
            #expect(people(early) == ["B1"])
        }
        let listed = try server.database().auditEntries().filter { $0.endpoint == "GET /v1/followups" && $0.status == 200 }
        #expect(listed.first?.subjects.sorted() == ["A2", "B1"])
        #expect(try server.database().auditEntries(AuditQuery(applicant: "A2")).contains { $0.endpoint == "GET /v1/followups" })
    }
}
