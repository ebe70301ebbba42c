import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

/// After an import by another process (one bulk change), the daemon's index is behind the database:
/// until the new index is built it must not compute a list from the old one (a list never uses data older
/// than the last commit that preceded the request), and it must not hold requests either: lists and
/// `/readyz` answer 503 with `Retry-After` at once while it rebuilds in the background.
@Suite("Rebuild after a bulk change: 503 meanwhile, never stale, never held")
struct RebuildTests {
    @Test("lists and /readyz answer 503 with Retry-After while the index is rebuilt, then lists reflect the import")
    func refusedWhileRebuilding() async throws {
        let server = try TestServer()
        defer { server.remove() }
        // 4,000 open forklift postings A2 may see, imported by another connection.
        let ids = (0..<4000).map { String(format: "R%04d", $0) }
        let folder = server.folder.appendingPathComponent("bulk")
        try FreshnessTests.writeFolder(folder, jobs: ids.map { FreshnessTests.job($0) })
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let before = try await FreshnessTests.list(client, k: 10)
            #expect(!before.contains { $0.hasPrefix("R") })
            // 4,000 postings, logged as one bulk change (the city-scale path) rather than 4,000 patches.
            try server.database().importDataSet(at: folder.path, options: DataSetImport.Options(perRecordChangesUpTo: 1_000))

            let start = ContinuousClock.now
            let first = try await client.call(.get, "/v1/applicants/A2/recommendations?k=10&job_type=full_time&\(TestServer.asOfQuery)",
                                              token: TestServer.operatorToken)
            let answeredIn = ContinuousClock.now - start
            // Not held until the rebuild is done: a request held that long would be answered from the new index
            // (200), so the 503 is the proof (no wall-clock bound, which failed on loaded machines).
            #expect(first.status == 503, "\(first.status) \(first.text) after \(answeredIn)")
            #expect(first.retryAfter == "1")
            #expect(first.json?["type"] == .string("https://jobmatch.invalid/problems/not_ready"))
            // The first request started the rebuild; by the next one it may be done: then ready means fresh.
            let ready = try await client.call(.get, "/readyz")
            if ready.status == 200 {
                #expect(ready.json?["data_version"] == .number(Double(try await server.database().dataVersion())), "\(ready.text)")
            } else {
                #expect(ready.status == 503 && ready.retryAfter != nil, "\(ready.status) \(ready.text)")
            }

            let after = try await FreshnessTests.listWhenServed(client, k: 200)
            #expect(after.contains { $0.hasPrefix("R") }, "the imported postings are listed: \(after)")
            #expect(try await client.call(.get, "/readyz").status == 200)
        }
    }
}
