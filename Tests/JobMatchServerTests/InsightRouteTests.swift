import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

/// `GET /v1/insight/...` on a real daemon: who sees which districts (docs/insight.md, "Who"), and the audit
/// entries of the reads. Expectations from the fixtures by hand: A1 and A2 seek in 渝中 (A1 disabled, physical),
/// B1 (older worker) in 沙坪坝.
@Suite("The insight routes")
struct InsightRouteTests {
    static func rows(_ answer: Answer) -> [(district: String, group: String, seekers: Double)] {
        guard case let .array(items)? = answer.json?["gaps"] else { return [] }
        return items.compactMap { item in
            guard case let .string(d)? = item["district"], case let .string(g)? = item["group"], case let .number(n)? = item["seekers"] else { return nil }
            return (d, g, n)
        }
    }

    @Test("operators count every district, a caseworker only theirs, evaluators are refused; reads audited without people")
    func scopesAndAudit() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let all = try await client.call(.get, "/v1/insight/gaps?\(TestServer.asOfQuery)", token: TestServer.operatorToken)
            #expect(all.status == 200, "\(all.text.prefix(300))")
            let operatorRows = Self.rows(all)
            #expect(Set(operatorRows.map(\.district)) == ["all", TestServer.yuzhong, TestServer.shapingba])
            #expect(operatorRows.first { $0.district == "all" && $0.group == "all" }?.seekers == 3)
            #expect(operatorRows.first { $0.district == "all" && $0.group == "older_worker" }?.seekers == 1)
            #expect(operatorRows.first { $0.district == TestServer.yuzhong && $0.group == "disabled:physical" }?.seekers == 1)
            #expect(all.json?["districts"] == .null)

            let mine = try await client.call(.get, "/v1/insight/gaps?\(TestServer.asOfQuery)", token: TestServer.yuzhongToken)
            #expect(mine.status == 200)
            let caseworkerRows = Self.rows(mine)
            #expect(Set(caseworkerRows.map(\.district)) == ["all", TestServer.yuzhong])
            #expect(caseworkerRows.first { $0.district == "all" && $0.group == "all" }?.seekers == 2)
            #expect(!caseworkerRows.contains { $0.group == "older_worker" }, "B1 of 沙坪坝 is not counted for 渝中")
            #expect(mine.json?["districts"] == .array([.string(TestServer.yuzhong)]))

            let refused = try await client.call(.get, "/v1/insight/gaps", token: TestServer.evaluatorToken)
            #expect(refused.status == 403)
            #expect(try await client.call(.get, "/v1/insight/gaps", token: nil).status == 401)
            let counterfactual = try await client.call(.get, "/v1/insight/postings/J1/counterfactual?group=disabled&\(TestServer.asOfQuery)",
                                                       token: TestServer.shapingbaToken)
            #expect(counterfactual.status == 200)
            #expect(counterfactual.json?["counterfactual"]?["nearby"] == .number(0), "A1 lives in 渝中: not counted for 沙坪坝")
            #expect(try await client.call(.get, "/v1/insight/postings/J1/counterfactual", token: TestServer.evaluatorToken).status == 403)

            let entries = try server.database().auditEntries(AuditQuery(limit: 100)).filter { $0.endpoint.contains("/v1/insight/") && $0.status != 401 }
            #expect(entries.map(\.status) == [200, 200, 403, 200, 403], "\(entries.map(\.endpoint))")
            #expect(entries.allSatisfy { $0.subjects.isEmpty }, "counts name no person")
            #expect(entries.map(\.actor).prefix(2) == ["ops", "wang.yuzhong"])
            #expect(entries[3].job == "J1")
        }
    }

    @Test("a repeat gap request is answered from the cache until the data change; each scope its own entry")
    func cachedUntilTheDataChange() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let uri = "/v1/insight/gaps?\(TestServer.asOfQuery)"
            let first = try await client.call(.get, uri, token: TestServer.operatorToken)
            #expect(first.status == 200)
            #expect(first.cacheStatus == "jobmatchd; fwd=miss")
            let again = try await client.call(.get, uri, token: TestServer.operatorToken)
            #expect(again.cacheStatus == "jobmatchd; hit")
            #expect(again.text == first.text)
            // Another scope is not cut from the operator's entry: its own computation, then its own hit.
            let mine = try await client.call(.get, uri, token: TestServer.yuzhongToken)
            #expect(mine.cacheStatus == "jobmatchd; fwd=miss")
            #expect(Self.rows(mine).first { $0.district == "all" && $0.group == "all" }?.seekers == 2)
            #expect(try await client.call(.get, uri, token: TestServer.yuzhongToken).cacheStatus == "jobmatchd; hit")
            // B1 of 沙坪坝 stops seeking: the data version moves, the next answer is computed and counts 2.
            let database = try server.database()
            var b1 = try #require(try database.applicants().first { $0.id == "B1" })
            b1.status = .employed
            try database.save(b1)
            let changed = try await client.call(.get, uri, token: TestServer.operatorToken)
            #expect(changed.cacheStatus == "jobmatchd; fwd=miss")
            #expect(Self.rows(changed).first { $0.district == "all" && $0.group == "all" }?.seekers == 2)
            let entries = try database.auditEntries(AuditQuery(limit: 100)).filter { $0.endpoint.contains("/v1/insight/gaps") }
            #expect(entries.count == 5, "a cached answer is audited like any other read")
            #expect(entries.allSatisfy { $0.subjects.isEmpty })
        }
    }
}
