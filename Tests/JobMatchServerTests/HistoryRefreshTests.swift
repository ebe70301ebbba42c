import Foundation
import HummingbirdTesting
@testable import JobMatchCLI
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

/// A daemon serving a hybrid model lists at "now" from the history its index holds (no job row extracted per
/// request), refreshes that history off the request path when an interaction is recorded, never takes in an
/// event after the list's time, and ranks candidates for a job with the same history blocks: a real daemon on
/// loopback, a real `jobmatch train`, the lists compared with `jobmatch recommend` and the core's reverse matching.
@Suite struct HistoryRefreshTests {
    static func historyAsOf(_ client: some TestClientProtocol) async throws -> Timestamp? {
        guard case let .string(text)? = try await client.call(.get, "/readyz").json?["history_as_of"] else { return nil }
        return Timestamp(rfc3339: text)
    }

    /// "Now" lists (no `as_of`) of a person: (job, score).
    static func now(_ client: some TestClientProtocol, _ id: String) async throws -> [String] {
        let answer = try await client.call(.get, "/v1/applicants/\(id)/recommendations?k=10", token: TestServer.operatorToken)
        #expect(answer.status == 200, "\(answer.text)")
        guard case let .array(items)? = answer.json?["recommendations"] else { return [] }
        return items.map { item in
            guard case let .string(job)? = item["job"], case let .number(score)? = item["score"] else { return "?" }
            return "\(job) \(String(format: "%.5f", score))"
        }
    }

    /// The daemon's candidates for a job: (applicant, score).
    static func candidates(_ client: some TestClientProtocol, _ job: String, query: String = "") async throws -> [String] {
        let answer = try await client.call(.get, "/v1/jobs/\(job)/candidates?k=10\(query)", token: TestServer.operatorToken)
        #expect(answer.status == 200, "\(answer.text)")
        guard case let .array(items)? = answer.json?["candidates"] else { return [] }
        return items.map { item in
            guard case let .string(id)? = item["applicant"], case let .number(score)? = item["score"] else { return "?" }
            return "\(id) \(String(format: "%.5f", score))"
        }
    }

    /// The core's reverse matching with the database's active model over the seeking people, the history
    /// read from the stored interactions strictly before `cutoff` (none when nil), the rules at `asOf`.
    static func reference(_ server: TestServer, job: String, cutoff: Timestamp?, asOf: Timestamp) throws -> [String] {
        let db = try server.database()
        let model = try ModelDirectory(path: try ActiveModel.resolvedPath(for: db)).read()
        let history = cutoff.map { InteractionHistory(interactions: (try? db.interactions(before: $0)) ?? [], jobs: (try? db.jobs()) ?? [], before: $0) }
        let matcher = Matcher(index: JobIndex(model: model, jobs: SpatialOrder.jobs(try db.jobs()), history: history))
        let seeking = try db.applicants().filter { $0.status == .seeking }.sorted { $0.id < $1.id }
        return matcher.candidates(for: try #require(try db.job(id: job)), among: seeking, k: 10, asOf: asOf)
            .map { "\($0.applicant) \(String(format: "%.5f", $0.score))" }
    }

    /// Lists (which notice the new interaction and start the refresh) until `/readyz` shows a history newer than `old`.
    static func waitForRefresh(_ client: some TestClientProtocol, after old: Timestamp) async throws -> Timestamp {
        for _ in 0..<200 {
            _ = try await now(client, "P2")
            if let cutoff = try await historyAsOf(client), old < cutoff { return cutoff }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw JobMatchError(.internal, "the history was never refreshed")
    }

    @Test func nowListsUseTheInstalledHistoryAndFollowNewInteractionsWithoutLeaking() async throws {
        let server = try ModelReloadTests.server()
        defer { server.remove() }
        try await ModelReloadTests.train(server)
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            // No interaction recorded: every list is served from the same history, read once at install. (Another
            // suite's SIGHUP reloads every daemon of this test process and so reads the history again: then retry.)
            var first = try #require(try await Self.historyAsOf(client)), lists: [[String]] = [], last: Timestamp?
            for _ in 0..<3 {
                lists = [try await Self.now(client, "P1"), try await Self.now(client, "P1"), try await Self.now(client, "P1")]
                last = try await Self.historyAsOf(client)
                if last == first { break }
                first = try #require(last)
            }
            #expect(last == first)
            #expect(!lists[0].isEmpty && lists.allSatisfy { $0 == lists[0] })
            #expect(lists[0] == (try ModelReloadTests.recommend(server, "P1", asOf: first)))

            // Another writer records a hire of P1 yesterday: the history is refreshed off the request path.
            let db = try server.database()
            try await Task.sleep(for: .milliseconds(1100))   // the next cutoff falls on a later second (cutoffs are whole seconds)
            _ = try db.record(Interaction(applicant: "P1", job: "N11", event: .hired, at: Timestamp.now().adding(days: -1)))
            let second = try await Self.waitForRefresh(client, after: first)
            let afterHire = try await Self.now(client, "P1")
            #expect(afterHire != lists[0])
            #expect(afterHire == (try ModelReloadTests.recommend(server, "P1", asOf: second)))

            // An event dated after now: refreshed again, and no score moves.
            try await Task.sleep(for: .milliseconds(1100))
            _ = try db.record(Interaction(applicant: "P1", job: "N3", event: .hired, at: Timestamp.now().adding(days: 10)))
            let third = try await Self.waitForRefresh(client, after: second)
            #expect(try await Self.now(client, "P1") == afterHire)
            #expect(afterHire == (try ModelReloadTests.recommend(server, "P1", asOf: third)))
        }
    }

    @Test func candidatesForAJobReadTheSameHistoryBlocks() async throws {
        let server = try ModelReloadTests.server()
        defer { server.remove() }
        try await ModelReloadTests.train(server)
        let asOf = ModelReloadTests.asOf
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            let cutoff = try #require(try await Self.historyAsOf(client))
            // At a past time: the history strictly before it, as the core ranks.
            let past = try await Self.candidates(client, "N3", query: "&\(TestServer.asOfQuery)")
            #expect(past.count == 10)
            #expect(past == (try Self.reference(server, job: "N3", cutoff: asOf, asOf: asOf)))
            #expect(past != (try Self.reference(server, job: "N3", cutoff: nil, asOf: asOf)))
            // At now: the installed history.
            let now = try await Self.candidates(client, "N3")
            #expect(now == (try Self.reference(server, job: "N3", cutoff: cutoff, asOf: Timestamp.now())))

            // A new interaction enters the candidates' rows after the refresh.
            try await Task.sleep(for: .milliseconds(1100))
            _ = try server.database().record(Interaction(applicant: "P5", job: "N3", event: .interviewed, at: Timestamp.now().adding(days: -1)))
            let refreshed = try await Self.waitForRefresh(client, after: cutoff)
            #expect(try await Self.candidates(client, "N3") == (try Self.reference(server, job: "N3", cutoff: refreshed, asOf: Timestamp.now())))
        }
    }
}
