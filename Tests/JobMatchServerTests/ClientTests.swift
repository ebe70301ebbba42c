import Foundation
import HummingbirdTesting
@testable import JobMatchCLI
import JobMatchCore
import Testing

/// `jobmatch client …` talks to a real daemon on loopback through `DaemonClient`: query encoding, bodies,
/// and problem replies turned into errors with the right code and field.
@Suite("The CLI client against a live daemon")
struct ClientTests {
    @Test("lists, records and refusals over real HTTP")
    func client() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let ops = DaemonClient(baseURL: base, token: TestServer.operatorToken)

            // A list, with an as_of whose "+" must be escaped in the query.
            let list = try await ops.call("GET", "/v1/applicants/A1/recommendations", query: [("k", "2"), ("as_of", TestServer.asOf)])
            #expect(list.status == 200)
            #expect(list.body?["as_of"]?.stringValue == TestServer.asOf)
            #expect((list.body?["recommendations"]?.arrayValue ?? []).count == 2)

            // A record put through the client is there to get back, and in the next list's reach.
            let job = Array(Fixtures.job(id: "J9", district: TestServer.yuzhong).utf8)
            #expect(try await ops.call("PUT", "/v1/jobs/J9", body: job).status == 201)
            #expect(try await ops.call("GET", "/v1/jobs/J9").body?["title"]?.stringValue == "仓库理货员")
            let outcome = Array(#"{"applicant":"A2","job":"J9","event":"applied","at":"2026-11-14T10:00:00+08:00"}"#.utf8)
            #expect(try await ops.call("POST", "/v1/outcomes", body: outcome).body?["recorded"]?.numberValue == 1)

            // Refusals become errors with the daemon's meaning.
            func code(_ work: () async throws -> Void) async -> JobMatchError? {
                do { try await work(); return nil } catch { return error as? JobMatchError }
            }
            let anonymous = DaemonClient(baseURL: base, token: nil)
            #expect(await code { _ = try await anonymous.call("GET", "/v1/applicants/A1") }?.code == .unauthenticated)
            let shapingba = DaemonClient(baseURL: base, token: TestServer.shapingbaToken)
            // Outside their districts: not found, as for an unknown id.
            #expect(await code { _ = try await shapingba.call("GET", "/v1/applicants/A1") }?.code == .notFound)
            let evaluator = DaemonClient(baseURL: base, token: TestServer.evaluatorToken)
            #expect(await code { _ = try await evaluator.call("GET", "/v1/applicants/A1") }?.code == .forbidden)
            #expect(await code { _ = try await ops.call("GET", "/v1/applicants/NOPE") }?.code == .notFound)
            let bad = Array(#"{"id":"A1","gender":"X"}"#.utf8)
            let invalid = await code { _ = try await ops.call("PUT", "/v1/applicants/A1", body: bad) }
            #expect(invalid?.code == .invalidRecord)
            #expect(invalid?.description.contains("gender") == true, "\(String(describing: invalid))")
            let unreachable = DaemonClient(baseURL: "http://127.0.0.1:1", token: TestServer.operatorToken)
            #expect(await code { _ = try await unreachable.call("GET", "/healthz") }?.code == .io)
        }
    }
}
