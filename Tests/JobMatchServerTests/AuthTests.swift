import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import Testing

@Suite("Authentication and the role × district × endpoint matrix")
struct AuthTests {
    @Test("every /v1 route answers 401 without a token or with an unknown one; health routes need none")
    func unauthenticated() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            #expect(try await client.call(.get, "/healthz").status == 200)
            #expect(try await client.call(.get, "/metrics").status == 200)
            try await client.waitUntilReady()
            for (method, path) in APIRouteTable.all where path.hasPrefix("/v1") {
                let concrete = path.replacingOccurrences(of: "{id}", with: "A1")
                let body: String? = method == "PUT" || method == "POST" ? Fixtures.applicants[0] : nil
                let none = try await client.call(.init(rawValue: method)!, concrete, body: body)
                #expect(none.status == 401, "\(method) \(concrete) without a token")
                #expect(none.contentType == "application/problem+json")
                let wrong = try await client.call(.init(rawValue: method)!, concrete, token: "not-a-token", body: body)
                #expect(wrong.status == 401, "\(method) \(concrete) with an unknown token")
            }
            // Nothing was changed by the refused writes.
            #expect(try await client.call(.get, "/v1/applicants/A1", token: TestServer.operatorToken).status == 200)
        }
    }

    @Test("the auth matrix: what each role may do to people and jobs in and out of its districts")
    func matrix() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let roles: [(name: String, token: String)] = [
            ("operator", TestServer.operatorToken), ("caseworker-yuzhong", TestServer.yuzhongToken),
            ("caseworker-shapingba", TestServer.shapingbaToken), ("evaluator", TestServer.evaluatorToken),
        ]
        // Expected statuses in role order: operator, 渝中 caseworker, 沙坪坝 caseworker, evaluator.
        // A1 lives in 渝中, so the 沙坪坝 caseworker is refused everything personal about A1.
        struct Row: Sendable { var method: HTTPRequest.Method; var path: @Sendable (String) -> String; var body: (@Sendable (String) -> String)?; var expected: [Int] }
        let rows: [Row] = [
            Row(method: .get, path: { _ in "/v1/applicants/A1" }, body: nil, expected: [200, 200, 403, 403]),
            Row(method: .get, path: { _ in "/v1/applicants/B1" }, body: nil, expected: [200, 403, 200, 403]),
            Row(method: .get, path: { _ in "/v1/applicants/A1/recommendations?\(TestServer.asOfQuery)" }, body: nil, expected: [200, 200, 403, 200]),
            Row(method: .post, path: { _ in "/v1/recommendations?\(TestServer.asOfQuery)" },
                body: { r in Fixtures.applicant(id: "walk-\(r)", district: TestServer.yuzhong) }, expected: [200, 200, 403, 200]),
            Row(method: .get, path: { _ in "/v1/jobs/J2" }, body: nil, expected: [200, 200, 200, 200]),
            Row(method: .get, path: { _ in "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)" }, body: nil, expected: [200, 200, 200, 200]),
            Row(method: .put, path: { r in "/v1/applicants/N-\(r)" },
                body: { r in Fixtures.applicant(id: "N-\(r)", district: TestServer.yuzhong) }, expected: [201, 201, 403, 403]),
            // Moving B1 (沙坪坝) into 渝中 needs both districts.
            Row(method: .put, path: { _ in "/v1/applicants/B1" },
                body: { _ in Fixtures.applicant(id: "B1", district: TestServer.yuzhong, birthYear: 1968) }, expected: [200, 403, 403, 403]),
            Row(method: .put, path: { r in "/v1/jobs/JN-\(r)" },
                body: { r in Fixtures.job(id: "JN-\(r)", district: TestServer.yuzhong) }, expected: [201, 201, 403, 403]),
            Row(method: .post, path: { _ in "/v1/outcomes" },
                body: { _ in #"{"applicant":"A1","job":"J1","event":"applied","at":"2026-11-16T09:00:00+08:00"}"# }, expected: [201, 201, 403, 403]),
            Row(method: .delete, path: { r in "/v1/applicants/D-\(r)" }, body: nil, expected: [204, 204, 403, 403]),
            Row(method: .delete, path: { r in "/v1/jobs/JD-\(r)" }, body: nil, expected: [204, 204, 403, 403]),
            Row(method: .get, path: { _ in "/v1/audit" }, body: nil, expected: [200, 403, 403, 403]),
        ]
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            for role in roles {
                #expect(try await client.call(.put, "/v1/applicants/D-\(role.name)", token: TestServer.operatorToken,
                                              body: Fixtures.applicant(id: "D-\(role.name)", district: TestServer.yuzhong)).status == 201)
                #expect(try await client.call(.put, "/v1/jobs/JD-\(role.name)", token: TestServer.operatorToken,
                                              body: Fixtures.job(id: "JD-\(role.name)", district: TestServer.yuzhong)).status == 201)
            }
            for row in rows {
                // Caseworkers and the evaluator go first, so the operator's successful write does not mask theirs.
                for (i, role) in roles.enumerated().reversed() {
                    let answer = try await client.call(row.method, row.path(role.name), token: role.token, body: row.body?(role.name))
                    #expect(answer.status == row.expected[i], "\(role.name) \(row.method) \(row.path(role.name)): \(answer.text)")
                    if answer.status == 403 { #expect(answer.contentType == "application/problem+json") }
                }
            }
        }
    }

    @Test("disability and assistance-group reasons show only to those who serve the person")
    func redaction() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let sensitive: Set<String> = ["accommodation", "tag_disability_friendly", "tag_age_friendly", "public_welfare_fallback", "doorstep", "flexible"]
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            func codes(_ answer: Answer, list: String, person: String) -> Set<String> {
                var entries: [JSONValue] = []
                if case let .array(a)? = answer.json?[list] { entries = a }
                var found: Set<String> = []
                for entry in entries where list == "recommendations" || entry["applicant"] == .string(person) {
                    guard case let .array(reasons)? = entry["reasons"] else { continue }
                    for reason in reasons { if case let .string(c)? = reason["code"] { found.insert(c) } }
                }
                return found
            }
            let own = try await client.call(.get, "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)", token: TestServer.yuzhongToken)
            let other = try await client.call(.get, "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)", token: TestServer.shapingbaToken)
            #expect(own.status == 200 && other.status == 200)
            #expect(!codes(own, list: "candidates", person: "A1").isDisjoint(with: sensitive), "\(own.text)")
            #expect(codes(other, list: "candidates", person: "A1").isDisjoint(with: sensitive), "\(other.text)")
            #expect(other.text.contains("\"A1\""), "the person is listed, only the sensitive reasons are gone")
            let evaluator = try await client.call(.get, "/v1/applicants/A1/recommendations?\(TestServer.asOfQuery)", token: TestServer.evaluatorToken)
            let caseworker = try await client.call(.get, "/v1/applicants/A1/recommendations?\(TestServer.asOfQuery)", token: TestServer.yuzhongToken)
            #expect(!codes(caseworker, list: "recommendations", person: "A1").isDisjoint(with: sensitive), "\(caseworker.text)")
            #expect(codes(evaluator, list: "recommendations", person: "A1").isDisjoint(with: sensitive), "\(evaluator.text)")
        }
    }
}
