import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import NIOCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Bounded work and slow clients: full queues answer 503 with `Retry-After`, one token cannot take every
/// slot (429), and a connection that never finishes its request head is closed after the header timeout.
@Suite("Limits: bounded queues, per-token limits, header timeout")
struct ServerLimitTests {
    /// Status and `Retry-After` of one request.
    static func call(_ client: some TestClientProtocol, _ uri: String, token: String) async throws -> (Int, String?) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        return try await client.execute(uri: uri, method: .get, headers: headers, body: nil) { response in
            (Int(response.status.code), response.headers[.retryAfter])
        }
    }

    static func concurrently(_ n: Int, _ client: some TestClientProtocol, _ uri: String, token: String) async throws -> [(Int, String?)] {
        try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for _ in 0..<n { group.addTask { try await Self.call(client, uri, token: token) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    static let list = "/v1/applicants/A1/recommendations?\(TestServer.asOfQuery)"

    @Test("recommendation requests beyond the waiting line are refused with 503 and Retry-After")
    func listQueue() async throws {
        var server = try TestServer()
        defer { server.remove() }
        server.configuration.maxWaitingLists = 2
        server.configuration.coalescingWindowMilliseconds = 300
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let answers = try await Self.concurrently(12, client, Self.list, token: TestServer.operatorToken)
            #expect(answers.allSatisfy { $0.0 == 200 || ($0.0 == 503 && $0.1 == "1") }, "\(answers)")
            #expect(answers.contains { $0.0 == 200 } && answers.contains { $0.0 == 503 }, "\(answers)")
        }
    }

    @Test("candidate lists are bounded too: served or refused with Retry-After, never failed; lists go on")
    func candidateQueue() async throws {
        var server = try TestServer()
        defer { server.remove() }
        server.configuration.maxRunningCandidates = 1
        server.configuration.maxWaitingCandidates = 2
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let answers = try await Self.concurrently(60, client, "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)", token: TestServer.evaluatorToken)
            #expect(answers.allSatisfy { $0.0 == 200 || ($0.0 == 503 && $0.1 == "1") }, "\(answers)")
            #expect(answers.contains { $0.0 == 200 })
            #expect(try await Self.call(client, Self.list, token: TestServer.operatorToken).0 == 200)
        }
    }

    @Test("one token with its limit in flight gets 429 with Retry-After; another token is served")
    func perTokenLimit() async throws {
        var server = try TestServer()
        defer { server.remove() }
        server.configuration.maxRequestsPerToken = 1
        server.configuration.coalescingWindowMilliseconds = 300
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let answers = try await Self.concurrently(10, client, Self.list, token: TestServer.yuzhongToken)
            #expect(answers.allSatisfy { $0.0 == 200 || ($0.0 == 429 && $0.1 == "1") }, "\(answers)")
            #expect(answers.contains { $0.0 == 429 } && answers.contains { $0.0 == 200 }, "\(answers)")
            #expect(try await Self.call(client, "/v1/jobs/J1", token: TestServer.operatorToken).0 == 200)
        }
    }

    @Test("a connection that sends its header one byte at a time is closed after the header timeout")
    func slowHeader() async throws {
        var server = try TestServer()
        defer { server.remove() }
        server.configuration.headerTimeoutSeconds = 1
        try await server.app().test(.live) { client in
            let port = try #require(client.port)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #expect(fd >= 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            #expect(connected == 0)
            let start = ContinuousClock.now
            var closed = false
            // One byte every 200 ms, for at most 6 s; the server must close within the 1 s timeout (+ slack).
            for byte in Array("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 100) {
                var b = byte
                if send(fd, &b, 1, Int32(MSG_NOSIGNAL)) < 0 { closed = true; break }
                var poll = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if Glibc.poll(&poll, 1, 200) > 0 {
                    var buffer = [UInt8](repeating: 0, count: 64)
                    if recv(fd, &buffer, 64, 0) <= 0 { closed = true; break }
                }
                if ContinuousClock.now - start > .seconds(6) { break }
            }
            #expect(closed)
            #expect(ContinuousClock.now - start < .seconds(4))
        }
    }
}
