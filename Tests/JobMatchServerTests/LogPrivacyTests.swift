import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Logging
import Testing

/// Every log line of the daemon, kept for the test.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [(message: String, metadata: Logger.Metadata)] = []
    func append(_ message: String, _ metadata: Logger.Metadata) { lock.withLock { lines.append((message, metadata)) } }
    var all: [(message: String, metadata: Logger.Metadata)] { lock.withLock { lines } }
}

struct CapturingHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        log.append(message.description, metadata.merging(extra ?? [:]) { $1 })
    }
}

@Suite("Log lines")
struct LogPrivacyTests {
    @Test("request log lines carry the request id, and no line carries personal data beyond ids")
    func noPersonalData() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let captured = CapturedLog()
        let logger = Logger(label: "jobmatchd-test") { _ in CapturingHandler(log: captured) }
        let app = try await buildApplication(server.configuration, logger: logger)
        try await app.test(.router) { client in
            try await client.waitUntilReady()
            let profile = Fixtures.applicants[0].replacingOccurrences(of: "\"A1\"", with: "\"L1\"")
            #expect(try await client.call(.put, "/v1/applicants/L1", token: TestServer.yuzhongToken, body: profile).status == 201)
            _ = try await client.call(.get, "/v1/applicants/L1/recommendations?\(TestServer.asOfQuery)", token: TestServer.yuzhongToken)
            _ = try await client.call(.get, "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)", token: TestServer.evaluatorToken)
            _ = try await client.call(.post, "/v1/recommendations?\(TestServer.asOfQuery)", token: TestServer.operatorToken, body: profile)
            _ = try await client.call(.put, "/v1/applicants/L1", token: TestServer.yuzhongToken, body: "{\"id\":\"L1\",\"gender\":\"X\"}")
            _ = try await client.call(.delete, "/v1/applicants/L1", token: TestServer.yuzhongToken)
        }
        let lines = captured.all
        #expect(!lines.isEmpty)
        // Words of the profile that must never reach a log: disability, groups, skills, birth year, coordinates.
        let personal = ["physical", "disabled", "registered_unemployed", "保洁", "收银", "1975", "29.556", "106.568", "junior_high"]
        for line in lines {
            let text = line.message + " " + line.metadata.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            for word in personal { #expect(!text.contains(word), "\(word) in: \(text)") }
        }
        let saved = lines.filter { $0.message == "applicant saved" }
        #expect(!saved.isEmpty && saved.allSatisfy { $0.metadata["request.id"] != nil && $0.metadata["caller.name"] != nil })
    }
}
