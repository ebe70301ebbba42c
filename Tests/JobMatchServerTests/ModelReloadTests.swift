import ArgumentParser
import Foundation
import HummingbirdTesting
@testable import JobMatchCLI
import JobMatchCore
import JobMatchServer
import JobMatchStore
import JobMatchWorkflows
import Testing

/// The daemon serves its database's active model, reloads it without a restart, and fills a hybrid model's
/// history blocks as `jobmatch recommend` does: a real daemon on loopback, real `jobmatch train` and `recommend`.
@Suite struct ModelReloadTests {
    static let asOf = Timestamp(rfc3339: TestServer.asOf)!

    /// A daemon on the database's active model (none configured), with 24 more people in 渝中 who each viewed,
    /// applied to and were interviewed or hired for postings before the as-of time, and a first model
    /// (learned from the data) recorded as the database's active one.
    static func server() throws -> TestServer {
        var server = try TestServer()
        server.configuration.modelPath = nil
        try server.add(applicants: (0..<24).map { Fixtures.applicant(id: "P\($0)", district: TestServer.yuzhong, birthYear: 1970 + $0) },
                       jobs: (0..<12).map { Fixtures.job(id: "N\($0)", district: TestServer.yuzhong) })
        let db = try server.database()
        for i in 0..<24 {
            for r in 0..<4 {
                let job = "N\((i * 5 + r * 7) % 12)"
                let t = asOf.adding(days: -2 - Double((i * 3 + r * 5) % 10))
                _ = try db.record(Interaction(applicant: "P\(i)", job: job, event: .viewed, at: t))
                _ = try db.record(Interaction(applicant: "P\(i)", job: job, event: .applied, at: t.adding(days: 0.1)))
                if r % 2 == 0 { _ = try db.record(Interaction(applicant: "P\(i)", job: job, event: .interviewed, at: t.adding(days: 0.5))) }
                if r == 0 { _ = try db.record(Interaction(applicant: "P\(i)", job: job, event: .hired, at: t.adding(days: 0.8))) }
                if r == 3 { _ = try db.record(Interaction(applicant: "P\(i)", job: job, event: .declined, at: t.adding(days: 0.3))) }
            }
        }
        let base = server.folder.appendingPathComponent("models/base").path
        try ModelDirectory(path: base).write(MatchModel.build(from: try db.applicants(), jobs: try db.jobs(), name: "base"))
        try db.setActiveModel(folder: base)
        return server
    }

    static func train(_ server: TestServer) async throws {
        var command = try JobMatchCommand.parseAsRoot([
            "train", "--db", server.databasePath, "--as-of", TestServer.asOf, "--models", server.folder.appendingPathComponent("models").path,
        ])
        guard var train = command as? any AsyncParsableCommand else { return try command.run() }
        try await train.run()
    }

    /// What `jobmatch recommend --db … --applicant id --as-of … -k 10 --json` lists: (job, score).
    static func recommend(_ server: TestServer, _ id: String, asOf: Timestamp = asOf) throws -> [String] {
        let matcher = try DatabaseMatcher(database: try server.database(), asOf: asOf)
        let list = matcher.recommend(try matcher.applicant(id: id), k: 10)
        return list.recommendations.map { "\($0.job) \(String(format: "%.5f", $0.score))" }
    }

    static func daemon(_ client: some TestClientProtocol, _ id: String) async throws -> [String] {
        let answer = try await client.call(.get, "/v1/applicants/\(id)/recommendations?k=10&\(TestServer.asOfQuery)", token: TestServer.operatorToken)
        #expect(answer.status == 200, "\(answer.text)")
        guard case let .array(items)? = answer.json?["recommendations"] else { return [] }
        return items.map { item in
            guard case let .string(job)? = item["job"], case let .number(score)? = item["score"] else { return "?" }
            return "\(job) \(String(format: "%.5f", score))"
        }
    }

    static func readyHash(_ client: some TestClientProtocol) async throws -> String? {
        guard case let .string(hash)? = try await client.call(.get, "/readyz").json?["model_sha256"] else { return nil }
        return hash
    }

    @Test func trainingOnOneDatabaseLeavesAnotherDaemonsModelUntouched() async throws {
        let x = try Self.server(), y = try Self.server()
        defer { x.remove(); y.remove() }
        let recordedY = try #require(try y.database().activeModel())
        try await y.app().test(.live) { client in
            try await client.waitUntilReady()
            #expect(try await Self.readyHash(client) == recordedY.sha256)
            let before = try await Self.daemon(client, "P1")
            try await Self.train(x)
            #expect(try x.database().activeModel()?.sha256 != recordedY.sha256)
            #expect(try y.database().activeModel()?.sha256 == recordedY.sha256)
            let reload = try await client.call(.post, "/v1/admin/model/reload", token: TestServer.operatorToken)
            #expect(reload.status == 200 && reload.json?["sha256"] == .string(recordedY.sha256), "\(reload.text)")
            #expect(try await Self.daemon(client, "P1") == before)
        }
    }

    @Test func aRunningDaemonServesTheNewModelAfterReloadAndListsAsRecommendDoes() async throws {
        let server = try Self.server()
        defer { server.remove() }
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            let first = try await Self.daemon(client, "P1")
            let expected = try Self.recommend(server, "P1")
            #expect(!first.isEmpty && first == expected)

            try await Self.train(server)
            let trained = try #require(try server.database().activeModel())
            #expect(try ModelDirectory(path: trained.path).read().configuration.historyBlocks)
            // Until the reload, the old model is served.
            #expect(try await Self.readyHash(client) != trained.sha256)
            #expect(try await Self.daemon(client, "P1") == first)
            let refused = try await client.call(.post, "/v1/admin/model/reload", token: TestServer.yuzhongToken)
            #expect(refused.status == 403)

            let reload = try await client.call(.post, "/v1/admin/model/reload", token: TestServer.operatorToken)
            #expect(reload.status == 200 && reload.json?["sha256"] == .string(trained.sha256), "\(reload.text)")
            #expect(try await Self.readyHash(client) == trained.sha256)
            let hybrid = try await Self.daemon(client, "P1")
            #expect(hybrid != first)
            for id in ["P1", "P7", "A2"] {
                let listed = try await Self.daemon(client, id), expected = try Self.recommend(server, id)
                #expect(listed == expected, "\(id)")
            }

            // An outcome recorded through the daemon before the as-of time enters the history of the next list.
            let outcome = #"{"applicant":"P1","job":"N11","event":"hired","at":"2026-11-14T08:00:00+08:00"}"#
            #expect(try await client.call(.post, "/v1/outcomes", token: TestServer.operatorToken, body: outcome).status == 201)
            let after = try await Self.daemon(client, "P1"), recommended = try Self.recommend(server, "P1")
            #expect(after == recommended)
        }
    }
}
