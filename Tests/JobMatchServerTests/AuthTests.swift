import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import Testing

@Suite("Authentication")
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

    // The role × district × endpoint matrix, with the fields each role must not see, is AccessTableTests.
}
