import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import Testing

@Suite("Strict input: content types, methods, duplicate keys")
struct StrictInputTests {
    func send(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, contentType: String?, body: String?,
              token: String? = TestServer.operatorToken) async throws -> (Answer, String?) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let contentType { headers[.contentType] = contentType }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            (Answer(status: Int(response.status.code), contentType: response.headers[.contentType], text: String(buffer: response.body)),
             response.headers[.allow])
        }
    }

    @Test("a body not declared as JSON is 415 and writes nothing; JSON and +json types with parameters are accepted")
    func contentTypes() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let record = Fixtures.applicant(id: "T1", district: TestServer.yuzhong)
            for type in ["text/plain", "application/x-www-form-urlencoded", "application/jsonx", "multipart/form-data; boundary=x", nil] as [String?] {
                let (answer, _) = try await send(client, .put, "/v1/applicants/T1", contentType: type, body: record)
                #expect(answer.status == 415, "\(type ?? "none"): \(answer.text)")
                #expect(answer.contentType == "application/problem+json")
                #expect(answer.json?["field"] == .string("Content-Type"))
            }
            #expect(try await client.call(.get, "/v1/applicants/T1", token: TestServer.operatorToken).status == 404)
            let (walkIn, _) = try await send(client, .post, "/v1/recommendations?\(TestServer.asOfQuery)", contentType: "text/json", body: record)
            #expect(walkIn.status == 415)
            let (outcome, _) = try await send(client, .post, "/v1/outcomes", contentType: "text/plain",
                                              body: #"{"applicant":"A1","job":"J1","event":"hired","at":"2026-11-20T09:00:00+08:00"}"#)
            #expect(outcome.status == 415)
            let (created, _) = try await send(client, .put, "/v1/applicants/T1", contentType: "application/json; charset=utf-8", body: record)
            #expect(created.status == 201)
            let (replaced, _) = try await send(client, .put, "/v1/applicants/T1", contentType: "Application/Merge-Patch+JSON", body: record)
            #expect(replaced.status == 200)
        }
    }

    @Test("a wrong method on a known path is 405 with Allow; an unknown path stays 404")
    func methods() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.post, "/v1/applicants/A1", "GET, PUT, DELETE"), (.patch, "/v1/jobs/J1", "GET, PUT, DELETE"),
                (.delete, "/v1/applicants/A1/recommendations", "GET"), (.get, "/v1/recommendations", "POST"),
                (.put, "/v1/outcomes", "POST"), (.delete, "/v1/audit", "GET"), (.post, "/healthz", "GET"),
                (.options, "/readyz", "GET"), (HTTPRequest.Method("QUERY")!, "/v1/audit", "GET"), (.put, "/metrics", "GET"), (.post, "/v1/jobs/J1/candidates", "GET"),
            ]
            for (method, path, allow) in cases {
                let (answer, header) = try await send(client, method, path, contentType: nil, body: nil)
                #expect(answer.status == 405, "\(method) \(path): \(answer.status) \(answer.text)")
                #expect(header == allow, "\(method) \(path)")
                #expect(answer.contentType == "application/problem+json")
            }
            // Under /v1 the token still comes first.
            let (anonymous, _) = try await send(client, .post, "/v1/applicants/A1", contentType: nil, body: nil, token: nil)
            #expect(anonymous.status == 401)
            #expect(try await client.call(.get, "/v1/nothing-here", token: TestServer.operatorToken).status == 404)
            let (head, allow) = try await send(client, .head, "/healthz", contentType: nil, body: nil)
            #expect(head.status == 405 && allow == "GET")
        }
    }

    @Test("a duplicate key is 422 naming the field, at any depth")
    func duplicateKeys() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let twice = Fixtures.applicant(id: "D1", district: TestServer.yuzhong).replacingOccurrences(of: #""id":"D1","#, with: #""id":"D1","id":"D9","#)
            let answer = try await client.call(.put, "/v1/applicants/D1", token: TestServer.operatorToken, body: twice)
            #expect(answer.status == 422)
            #expect(answer.json?["field"] == .string("id"), "\(answer.text)")
            #expect(answer.text.contains("duplicate key"))
            #expect(try await client.call(.get, "/v1/applicants/D1", token: TestServer.operatorToken).status == 404)
            #expect(try await client.call(.get, "/v1/applicants/D9", token: TestServer.operatorToken).status == 404)
            let nested = Fixtures.jobs[0].replacingOccurrences(of: #""name":"渝中物业""#, with: #""name":"渝中物业","name":"别家""#)
            let job = try await client.call(.put, "/v1/jobs/J1", token: TestServer.operatorToken, body: nested)
            #expect(job.status == 422)
            #expect(job.json?["field"] == .string("employer.name"), "\(job.text)")
            let outcome = try await client.call(.post, "/v1/outcomes", token: TestServer.operatorToken,
                                                body: #"[{"applicant":"A1","job":"J1","event":"hired","event":"rejected","at":"2026-11-20T09:00:00+08:00"}]"#)
            #expect(outcome.status == 422)
            #expect(outcome.json?["field"] == .string("[0].event"), "\(outcome.text)")
            let empty = try await client.call(.get, "/v1/applicants/A1/recommendations?job_type=gig,&\(TestServer.asOfQuery)", token: TestServer.operatorToken)
            #expect(empty.status == 400)
            #expect(empty.json?["field"] == .string("job_type"))
        }
    }
}
