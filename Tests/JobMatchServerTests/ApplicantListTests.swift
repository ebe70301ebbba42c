import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

/// `GET /v1/applicants` (the console's day), `GET /v1/applicants/{id}/history` and `GET /v1/me`.
@Suite("Routes: the list of people, one person's history")
struct ApplicantListTests {
    /// The fixtures plus people set up by hand so each attention class has one member, at `TestServer.asOf`:
    /// Z1 a zero-employment household member (渝中), Y2 whom the last batch run found no opening for (渝中),
    /// A2 pushed twice without a response (a `recommended` event on 10-20, the run's push on 11-10),
    /// A1 pushed on 10-20 and then viewing it (answered), B1 with nothing yet (new), E1 employed (渝中).
    static func seeded() throws -> TestServer {
        let server = try TestServer()
        let db = try server.database()
        func person(_ id: String, _ extra: String, status: String = "seeking") throws {
            let json = #"{"id":"\#(id)","gender":"F","birth_year":1980,"district":"500103","education":"primary",\#(extra)"status":"\#(status)","updated_at":"2026-11-01T08:00:00+08:00"}"#
            try db.save(Interchange.decodeApplicant(Array(json.utf8)).get())
        }
        try person("Z1", #""groups":["zero_employment_household","low_income"],"#)
        try person("Y2", "")
        try person("E1", "", status: "employed")
        func at(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }
        try db.record(Interaction(applicant: "A2", job: "J2", event: .recommended, at: at("2026-10-20T09:00:00+08:00")))
        try db.record(Interaction(applicant: "A1", job: "J1", event: .recommended, at: at("2026-10-20T09:00:00+08:00")))
        try db.record(Interaction(applicant: "A1", job: "J1", event: .viewed, at: at("2026-10-21T09:00:00+08:00")))
        let run = BatchRunRecord(id: "run-1110", asOf: at("2026-11-10T08:00:00+08:00"), modelVersion: "m", dataHash: "h",
                                 parameters: "{}", report: "{}", status: .published, outputHash: "", recordedAt: "2026-11-10T08:05:00+08:00")
        try db.savePublishedRun(run) { add in
            try add("A2", #"{"applicant":"A2","recommendations":[{"job":"J1","rank":1,"score":0.5,"reasons":[]}]}"#,
                    [PushRecord(applicant: "A2", job: "J1", rank: 1)])
            try add("Y2", #"{"applicant":"Y2","recommendations":[]}"#, [])
            return "hash"
        }
        return server
    }

    static func ids(_ answer: Answer) -> [String] {
        guard case let .array(items)? = answer.json?["applicants"] else { return [] }
        return items.compactMap { if case let .string(id)? = $0["id"] { id } else { nil } }
    }

    @Test("most urgent first: zero-employment household, no fitting opening, unanswered pushes, new, the rest, not seeking")
    func order() async throws {
        let server = try Self.seeded()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let answer = try await client.call(.get, "/v1/applicants?\(TestServer.asOfQuery)", token: TestServer.operatorToken)
            #expect(answer.status == 200)
            #expect(Self.ids(answer) == ["Z1", "Y2", "A2", "B1", "A1", "E1"], "\(answer.text)")
            guard case let .array(items)? = answer.json?["applicants"] else { Issue.record("no list"); return }
            #expect(items.map { $0["attention"] } == [
                "zero_employment_household", "no_fitting_opening", "unanswered_pushes", "new_registration", "none", "not_seeking",
            ].map { Optional(JSONValue.string($0)) })
            #expect(items[2]["unanswered_pushes"] == .number(2))
            #expect(items[2]["first_unanswered_push_at"] == .string("2026-10-20T09:00:00+08:00"))
            #expect(items[1]["last_run_openings"] == .number(0))
            #expect(items[4]["unanswered_pushes"] == .number(0))
            #expect(answer.json?["total"] == .number(6))
        }
    }

    @Test("pages: per_page splits the list without loss or overlap; out-of-range page and per_page are 400")
    func paging() async throws {
        let server = try Self.seeded()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            var seen: [String] = []
            for page in 1...3 {
                let answer = try await client.call(.get, "/v1/applicants?per_page=4&page=\(page)&\(TestServer.asOfQuery)", token: TestServer.operatorToken)
                #expect(answer.status == 200)
                #expect(answer.json?["total"] == .number(6))
                #expect(answer.json?["page"] == .number(Double(page)))
                seen += Self.ids(answer)
            }
            #expect(seen == ["Z1", "Y2", "A2", "B1", "A1", "E1"])
            for bad in ["page=0", "per_page=0", "per_page=201", "page=x", "group=wizard", "status=asleep", "as_of=soon"] {
                let answer = try await client.call(.get, "/v1/applicants?\(bad)", token: TestServer.operatorToken)
                #expect(answer.status == 400, "\(bad)")
                #expect(answer.json?["field"] == .string(String(bad.split(separator: "=")[0])), "\(bad): \(answer.text)")
            }
        }
    }

    @Test("scope: a caseworker sees their districts only, another district is 403, evaluators 403, no token 401")
    func scope() async throws {
        let server = try Self.seeded()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let yuzhong = try await client.call(.get, "/v1/applicants?\(TestServer.asOfQuery)", token: TestServer.yuzhongToken)
            #expect(Self.ids(yuzhong) == ["Z1", "Y2", "A2", "A1", "E1"])
            let shapingba = try await client.call(.get, "/v1/applicants?\(TestServer.asOfQuery)", token: TestServer.shapingbaToken)
            #expect(Self.ids(shapingba) == ["B1"])
            let own = try await client.call(.get, "/v1/applicants?district=500103&status=seeking", token: TestServer.yuzhongToken)
            #expect(Set(Self.ids(own)) == ["Z1", "Y2", "A2", "A1"])
            #expect(try await client.call(.get, "/v1/applicants?district=500106", token: TestServer.yuzhongToken).status == 403)
            #expect(try await client.call(.get, "/v1/applicants", token: TestServer.evaluatorToken).status == 403)
            #expect(try await client.call(.get, "/v1/applicants").status == 401)
            let operatorOne = try await client.call(.get, "/v1/applicants?district=500106", token: TestServer.operatorToken)
            #expect(Self.ids(operatorOne) == ["B1"])
            let disabled = try await client.call(.get, "/v1/applicants?group=disabled", token: TestServer.operatorToken)
            #expect(Self.ids(disabled) == ["A1"])
        }
    }

    @Test("redaction: rows carry summary fields only, never location, disability, skills, wishes or profile text")
    func redaction() async throws {
        let server = try Self.seeded()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let answer = try await client.call(.get, "/v1/applicants?group=disabled", token: TestServer.yuzhongToken)
            guard case let .array(items)? = answer.json?["applicants"], case let .object(a1)? = items.first else {
                Issue.record("no row: \(answer.text)")
                return
            }
            let keys = Set(a1.map(\.key))
            for hidden in ["location", "disability", "skills", "certificates", "preferences", "profile_text", "work_capacity", "experience"] {
                #expect(!keys.contains(hidden), "\(hidden)")
            }
            #expect(items[0]["groups"] == .array([.string("disabled"), .string("registered_unemployed")]))
        }
        // Every list is in the audit log with the people it showed.
        let entries = try server.database().auditEntries(AuditQuery(actor: "wang.yuzhong"))
        #expect(entries.last?.endpoint == "GET /v1/applicants")
        #expect(entries.last?.subjects == ["A1"])
        #expect(entries.last?.detail == "people: 1")
    }

    @Test("history: events and pushes newest first, scoped like the profile and audited")
    func history() async throws {
        let server = try Self.seeded()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let answer = try await client.call(.get, "/v1/applicants/A2/history", token: TestServer.yuzhongToken)
            #expect(answer.status == 200)
            let expected = try Interchange.parse(Array(#"""
                {"applicant":"A2","history":[
                  {"kind":"push","run":"run-1110","rank":1,"job":"J1","job_title":"保洁员","at":"2026-11-10T08:00:00+08:00"},
                  {"kind":"event","event":"recommended","job":"J2","job_title":"叉车司机","at":"2026-10-20T09:00:00+08:00"}]}
                """#.utf8)).get()
            #expect(answer.json == expected, "\(answer.text)")
            // Outside the caseworker's districts: 404, exactly as for an unknown id (docs/daemon.md).
            #expect(try await client.call(.get, "/v1/applicants/A2/history", token: TestServer.shapingbaToken).status == 404)
            #expect(try await client.call(.get, "/v1/applicants/A2/history", token: TestServer.evaluatorToken).status == 403)
            #expect(try await client.call(.get, "/v1/applicants/nobody/history", token: TestServer.operatorToken).status == 404)
            let me = try await client.call(.get, "/v1/me", token: TestServer.yuzhongToken)
            #expect(me.json == (try Interchange.parse(Array(#"{"name":"wang.yuzhong","role":"caseworker","districts":["500103"]}"#.utf8)).get()))
        }
        let entries = try server.database().auditEntries(AuditQuery(applicant: "A2"))
        #expect(entries.map(\.status) == [200, 404, 403])
        #expect(entries.allSatisfy { $0.endpoint == "GET /v1/applicants/A2/history" })
    }

    @Test("the console: / and its modules are served with a same-origin-only CSP; unknown files are 404")
    func console() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            let page = try await client.call(.get, "/")
            #expect(page.status == 200)
            #expect(page.contentType?.hasPrefix("text/html") == true)
            #expect(page.text.contains("/console/app.js"))
            let script = try await client.execute(uri: "/console/app.js", method: .get) { response in response }
            #expect(script.status == .ok)
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            let csp = script.headers[.contentSecurityPolicy] ?? ""
            #expect(csp.contains("default-src 'self'") && csp.contains("connect-src 'self'"))
            #expect(!csp.contains("http") && !csp.contains("*") && !csp.contains("unsafe"))
            #expect(try await client.call(.get, "/console/../Package.swift").status == 404)
            #expect(try await client.call(.get, "/console/nothing.js").status == 404)
        }
    }
}
