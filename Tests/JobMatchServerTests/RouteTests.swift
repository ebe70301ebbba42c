import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import Testing

@Suite("Routes: records, lists, problem details")
struct RouteTests {
    @Test("PUT/GET/DELETE round-trip the interchange shape")
    func crud() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let record = Fixtures.applicant(id: "C1", district: TestServer.yuzhong)
            #expect(try await client.call(.put, "/v1/applicants/C1", token: TestServer.yuzhongToken, body: record).status == 201)
            #expect(try await client.call(.put, "/v1/applicants/C1", token: TestServer.yuzhongToken, body: record).status == 200)
            let read = try await client.call(.get, "/v1/applicants/C1", token: TestServer.yuzhongToken)
            let expected = try Interchange.parse(Array(record.utf8)).get()
            #expect(read.status == 200)
            #expect(read.json == expected)
            #expect(try await client.call(.delete, "/v1/applicants/C1", token: TestServer.yuzhongToken).status == 204)
            #expect(try await client.call(.get, "/v1/applicants/C1", token: TestServer.yuzhongToken).status == 404)
            #expect(try await client.call(.delete, "/v1/jobs/nope", token: TestServer.operatorToken).status == 404)
        }
    }

    @Test("problem details name the field, and a bad request writes nothing")
    func problems() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let badYear = Fixtures.applicant(id: "C2", district: TestServer.yuzhong, birthYear: 1800)
            let answer = try await client.call(.put, "/v1/applicants/C2", token: TestServer.operatorToken, body: badYear)
            #expect(answer.status == 422)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.json?["field"] == .string("birth_year"), "\(answer.text)")
            #expect(answer.json?["status"] == .number(422))
            #expect(try await client.call(.get, "/v1/applicants/C2", token: TestServer.operatorToken).status == 404)

            let mismatch = try await client.call(.put, "/v1/applicants/OTHER", token: TestServer.operatorToken,
                                                 body: Fixtures.applicant(id: "C3", district: TestServer.yuzhong))
            #expect(mismatch.status == 422 && mismatch.json?["field"] == .string("id"))
            #expect(try await client.call(.get, "/v1/applicants/C3", token: TestServer.operatorToken).status == 404)

            let notJSON = try await client.call(.put, "/v1/jobs/J9", token: TestServer.operatorToken, body: "{nope")
            #expect(notJSON.status == 400 && notJSON.contentType == "application/problem+json")

            let k = try await client.call(.get, "/v1/applicants/A1/recommendations?k=0", token: TestServer.operatorToken)
            #expect(k.status == 400 && k.json?["field"] == .string("k"))
            let asOf = try await client.call(.get, "/v1/applicants/A1/recommendations?as_of=yesterday", token: TestServer.operatorToken)
            #expect(asOf.status == 400 && asOf.json?["field"] == .string("as_of"))
            let tag = try await client.call(.get, "/v1/applicants/A1/recommendations?tag=shiny", token: TestServer.operatorToken)
            #expect(tag.status == 400 && tag.json?["field"] == .string("tag"))

            // Two events, the second invalid: neither is stored.
            let events = #"[{"applicant":"A1","job":"J1","event":"applied","at":"2026-11-16T09:00:00+08:00"},{"applicant":"A1","job":"J1","event":"danced","at":"2026-11-16T09:00:00+08:00"}]"#
            let outcome = try await client.call(.post, "/v1/outcomes", token: TestServer.operatorToken, body: events)
            #expect(outcome.status == 422 && outcome.json?["field"] == .string("[1].event"), "\(outcome.text)")
            let unknown = #"[{"applicant":"A1","job":"J1","event":"applied","at":"2026-11-16T09:00:00+08:00"},{"applicant":"A1","job":"J404","event":"hired","at":"2026-11-17T09:00:00+08:00"}]"#
            let missing = try await client.call(.post, "/v1/outcomes", token: TestServer.operatorToken, body: unknown)
            #expect(missing.status == 404 && missing.json?["field"] == .string("[1].job"), "\(missing.text)")
        }
        #expect(try server.database().interactions().isEmpty)
    }

    @Test("a job put or deleted is seen by the next recommendation, without a restart")
    func changesReachTheIndex() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            func jobs() async throws -> [String] {
                let answer = try await client.call(.get, "/v1/applicants/A2/recommendations?k=20&\(TestServer.asOfQuery)", token: TestServer.operatorToken)
                #expect(answer.status == 200)
                guard case let .array(list)? = answer.json?["recommendations"] else { return [] }
                return list.compactMap { if case let .string(id)? = $0["job"] { id } else { nil } }
            }
            #expect(try await !jobs().contains("J-NEW"))
            #expect(try await client.call(.put, "/v1/jobs/J-NEW", token: TestServer.operatorToken,
                                          body: Fixtures.job(id: "J-NEW", district: TestServer.yuzhong)).status == 201)
            #expect(try await jobs().contains("J-NEW"))
            #expect(try await client.call(.delete, "/v1/jobs/J-NEW", token: TestServer.operatorToken).status == 204)
            #expect(try await !jobs().contains("J-NEW"))
            // J4 expired on 2026-11-10: never recommended at the as-of time.
            #expect(try await !jobs().contains("J4"))
        }
    }

    @Test("concurrent recommendation requests get the same lists as one by one")
    func coalescing() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let people = ["A1", "A2", "B1"]
            var alone: [String: String] = [:]
            for id in people {
                alone[id] = try await client.call(.get, "/v1/applicants/\(id)/recommendations?\(TestServer.asOfQuery)", token: TestServer.operatorToken).text
            }
            let together = try await withThrowingTaskGroup(of: (String, String).self) { group in
                for _ in 0..<4 {
                    for id in people {
                        group.addTask {
                            (id, try await client.call(.get, "/v1/applicants/\(id)/recommendations?\(TestServer.asOfQuery)", token: TestServer.operatorToken).text)
                        }
                    }
                }
                return try await group.reduce(into: [(String, String)]()) { $0.append($1) }
            }
            #expect(together.count == 12)
            for (id, text) in together { #expect(text == alone[id], "\(id)") }
        }
    }
}
