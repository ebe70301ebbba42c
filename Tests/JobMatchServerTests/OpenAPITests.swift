import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

@Suite("docs/openapi.json stays true")
struct OpenAPITests {
    @Test("the spec lists exactly the routes the router serves")
    func routesMatch() throws {
        let spec = try OpenAPIValidator()
        let inSpec = Set(spec.operations.map { "\($0.method) \($0.path)" })
        let served = Set(APIRouteTable.all.map { "\($0.method) \($0.path)" })
        #expect(inSpec == served, "only in the spec: \(inSpec.subtracting(served)); only served: \(served.subtracting(inSpec))")
    }

    @Test("real answers of every operation match the spec's status and schema")
    func answersMatch() async throws {
        let spec = try OpenAPIValidator()
        let server = try TestServer()
        defer { server.remove() }
        let op = TestServer.operatorToken
        let calls: [(HTTPRequest.Method, String, String?, String?)] = [
            (.get, "/healthz", nil, nil), (.get, "/readyz", nil, nil), (.get, "/metrics", nil, nil),
            (.get, "/v1/applicants/A1", op, nil), (.get, "/v1/applicants/nobody", op, nil), (.get, "/v1/applicants/A1", nil, nil),
            (.get, "/v1/applicants/A1", TestServer.shapingbaToken, nil),
            (.put, "/v1/applicants/S1", op, Fixtures.applicant(id: "S1", district: TestServer.yuzhong)),
            (.put, "/v1/applicants/S1", op, Fixtures.applicant(id: "S1", district: TestServer.yuzhong)),
            (.put, "/v1/applicants/S2", op, Fixtures.applicant(id: "S2", district: TestServer.yuzhong, birthYear: 1800)),
            (.delete, "/v1/applicants/S1", op, nil),
            (.get, "/v1/jobs/J1", op, nil), (.put, "/v1/jobs/S9", op, Fixtures.job(id: "S9", district: TestServer.yuzhong)),
            (.put, "/v1/jobs/S9", op, Fixtures.job(id: "S9", district: TestServer.yuzhong)), (.delete, "/v1/jobs/S9", op, nil),
            (.get, "/v1/applicants/A1/recommendations?\(TestServer.asOfQuery)", op, nil),
            (.get, "/v1/applicants/A1/recommendations?k=0", op, nil),
            (.post, "/v1/recommendations?\(TestServer.asOfQuery)", op, Fixtures.applicant(id: "W1", district: TestServer.shapingba)),
            (.get, "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)", op, nil),
            (.post, "/v1/outcomes", op, #"{"applicant":"A1","job":"J1","event":"hired","at":"2026-11-20T09:00:00+08:00"}"#),
            (.post, "/v1/outcomes", op, #"{"applicant":"A1","job":"J1","event":"hired"}"#),
            (.get, "/v1/audit?limit=5", op, nil), (.get, "/v1/audit", TestServer.evaluatorToken, nil),
            (.get, "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)", TestServer.evaluatorToken, nil),
            (.get, "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)", TestServer.yuzhongToken, nil),
            (.put, "/v1/applicants/B1", TestServer.yuzhongToken, Fixtures.applicant(id: "B1", district: TestServer.yuzhong)),
            (.get, "/v1/audit/verify", op, nil), (.get, "/v1/audit/verify", TestServer.evaluatorToken, nil),
            (.post, "/v1/admin/tokens/reload", op, nil), (.post, "/v1/admin/tokens/reload", TestServer.yuzhongToken, nil),
            (.post, "/v1/admin/model/reload", op, nil), (.post, "/v1/admin/model/reload", TestServer.yuzhongToken, nil),
            (.get, "/v1/applicants?per_page=2", op, nil), (.get, "/v1/applicants?page=0", op, nil),
            (.get, "/v1/applicants?district=\(TestServer.shapingba)", TestServer.yuzhongToken, nil), (.get, "/v1/applicants", nil, nil),
            (.get, "/v1/applicants/A1/history", op, nil), (.get, "/v1/applicants/A1/history", TestServer.shapingbaToken, nil),
            (.get, "/v1/applicants/nobody/history", op, nil), (.get, "/v1/applicants/A1/history", nil, nil),
            (.get, "/v1/me", TestServer.yuzhongToken, nil), (.get, "/v1/me", nil, nil),
            (.get, "/v1/supervision?\(TestServer.asOfQuery)", op, nil), (.get, "/v1/supervision?as_of=soon", op, nil),
            (.get, "/v1/supervision", TestServer.yuzhongToken, nil), (.get, "/v1/supervision", nil, nil),
            (.get, "/v1/insight/gaps?\(TestServer.asOfQuery)", op, nil), (.get, "/v1/insight/gaps?\(TestServer.asOfQuery)", TestServer.yuzhongToken, nil),
            (.get, "/v1/insight/gaps", TestServer.evaluatorToken, nil), (.get, "/v1/insight/gaps?k=0", op, nil), (.get, "/v1/insight/gaps", nil, nil),
            (.get, "/v1/insight/postings/J1/counterfactual?group=disabled&\(TestServer.asOfQuery)", op, nil),
            (.get, "/v1/insight/postings/nothing/counterfactual?\(TestServer.asOfQuery)", op, nil),
            (.get, "/v1/insight/postings/J1/counterfactual?group=everyone", op, nil),
            (.get, "/v1/insight/postings/J1/counterfactual", TestServer.evaluatorToken, nil),
            (.put, "/v1/trainings/T1", op, AssistanceRouteTests.course), (.put, "/v1/trainings/T1", op, AssistanceRouteTests.course),
            (.put, "/v1/trainings/T1", TestServer.shapingbaToken, AssistanceRouteTests.course),
            (.put, "/v1/trainings/T2", op, AssistanceRouteTests.course), (.get, "/v1/trainings/T1", TestServer.evaluatorToken, nil),
            (.get, "/v1/trainings/T9", op, nil), (.post, "/v1/services", op, AssistanceRouteTests.entries),
            (.post, "/v1/services", op, #"{"applicant":"A1","kind":"policy","at":"2026-11-20T09:00:00+08:00","job":"NOJOB"}"#),
            (.post, "/v1/services", op, #"{"applicant":"A1","kind":"public_welfare_placement","at":"2026-11-20T09:00:00+08:00"}"#),
            (.post, "/v1/services", TestServer.evaluatorToken, AssistanceRouteTests.entries),
            (.get, "/v1/applicants/A1/services", op, nil), (.get, "/v1/applicants/A1/services", TestServer.shapingbaToken, nil),
            (.get, "/v1/applicants/A1/services", nil, nil),
            (.get, "/v1/applicants/A1/plan?\(TestServer.asOfQuery)", op, nil), (.get, "/v1/applicants/A1/plan", TestServer.evaluatorToken, nil),
            (.get, "/v1/applicants/nobody/plan", op, nil), (.get, "/v1/applicants/A1/plan?as_of=soon", op, nil),
            (.get, "/v1/applicants/A1/plan", nil, nil),
            (.get, "/v1/followups?\(TestServer.asOfQuery)", op, nil), (.get, "/v1/followups?district=\(TestServer.shapingba)", TestServer.yuzhongToken, nil),
            (.get, "/v1/followups?due_before=x", op, nil), (.get, "/v1/followups", nil, nil),
        ]
        let exercised = try await server.app().test(.router) { client in
            var exercised = Set<String>()
            try await client.waitUntilReady()
            for (method, uri, token, body) in calls {
                let answer = try await client.call(method, uri, token: token, body: body)
                let path = String(uri.split(separator: "?")[0])
                let problems = spec.check(method: method.rawValue, path: path, status: answer.status, contentType: answer.contentType,
                                          body: answer.text.isEmpty ? nil : answer.json)
                #expect(problems.isEmpty, "\(method) \(uri) → \(answer.status) \(answer.text.prefix(300)): \(problems)")
                if let template = spec.operations.first(where: { $0.method == method.rawValue && OpenAPIValidator.matches(template: $0.path, path: path) }) {
                    exercised.insert("\(template.method) \(template.path)")
                }
            }
            return exercised
        }
        let all = Set(spec.operations.map { "\($0.method) \($0.path)" })
        #expect(exercised == all, "not exercised: \(all.subtracting(exercised))")
    }
}

@Suite("A live daemon on loopback")
struct LiveServerTests {
    @Test("serves an explained list over real HTTP, and 401 without the token")
    func live() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            let answer = try await client.call(.get, "/v1/applicants/A1/recommendations?k=3&\(TestServer.asOfQuery)", token: TestServer.operatorToken)
            #expect(answer.status == 200)
            guard case let .array(list)? = answer.json?["recommendations"], let first = list.first else {
                Issue.record("no list: \(answer.text)")
                return
            }
            #expect(first["rank"] == .number(1))
            guard case let .array(reasons)? = first["reasons"] else { Issue.record("no reasons"); return }
            #expect(!reasons.isEmpty)
            #expect(try await client.call(.get, "/v1/applicants/A1/recommendations").status == 401)
            let metrics = try await client.call(.get, "/metrics")
            #expect(metrics.text.contains("jobmatch_scoring_duration_seconds"))
            #expect(metrics.text.contains("jobmatch_index_jobs 4"))
            #expect(metrics.text.contains("jobmatch_http_request_duration_seconds"))
        }
    }
}

@Suite("First start")
struct FirstStartTests {
    @Test("an empty database gets the sample, shifted to today, and a fresh operator token readable by its owner only")
    func firstStart() async throws {
        // A tiny sample data set whose as_of is long past.
        var server = try TestServer(seed: false)
        defer { server.remove() }
        let sample = server.folder.appendingPathComponent("sample")
        try FileManager.default.createDirectory(at: sample, withIntermediateDirectories: true)
        try (Fixtures.applicants.joined(separator: "\n") + "\n").write(to: sample.appendingPathComponent("applicants.jsonl"), atomically: true, encoding: .utf8)
        try (Fixtures.jobs.joined(separator: "\n") + "\n").write(to: sample.appendingPathComponent("jobs.jsonl"), atomically: true, encoding: .utf8)
        try "".write(to: sample.appendingPathComponent("interactions.jsonl"), atomically: true, encoding: .utf8)
        try #"{"name":"tiny","as_of":"2026-11-15T08:00:00+08:00"}"#.write(to: sample.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        server.configuration.samplePath = sample.path
        let configuration = server.configuration

        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let tokenPath = configuration.operatorTokenPath
            let attributes = try FileManager.default.attributesOfItem(atPath: tokenPath)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let token = try String(contentsOfFile: tokenPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!(try String(contentsOfFile: configuration.resolvedTokensPath, encoding: .utf8)).contains(token), "only the hash is stored")
            // No as_of: now. The sample's J1 is open today because its times were shifted.
            let answer = try await client.call(.get, "/v1/applicants/A1/recommendations", token: token)
            #expect(answer.status == 200)
            #expect(answer.text.contains("\"J1\""), "\(answer.text)")
            #expect(try await client.call(.get, "/v1/applicants/A1/recommendations").status == 401)
        }
        // A second start keeps the data and the token.
        let before = try String(contentsOfFile: server.configuration.resolvedTokensPath, encoding: .utf8)
        try await server.app().test(.router) { _ in }
        #expect(try String(contentsOfFile: server.configuration.resolvedTokensPath, encoding: .utf8) == before)
        #expect(try server.database().counts().jobs == 4)
        // Every time moved by whole days from as_of to today.
        let shift = try #require(try DataSetManifest.read(folder: sample.path)).shift(toAsOf: .now())
        let posted = try #require(try server.database().job(id: "J1")).postedAt.secondsSince1970
        #expect(posted == Timestamp(rfc3339: "2026-10-01T08:00:00+08:00")!.secondsSince1970 + shift)
    }
}
