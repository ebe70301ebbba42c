import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

/// The access policy as data, written by hand from its text in docs/daemon.md ("Who sees what"), not
/// from the code: every route × role (operator, caseworker of the person's district, caseworker of
/// another district, evaluator, no token) × case (a person or job that exists, an unknown id), on a real
/// daemon on loopback. Each row asserts the status, and for callers who do not serve the person the
/// ABSENCE of every sensitive field and reason code in the body.
@Suite("The access table")
struct AccessTableTests {
    enum Who: String, CaseIterable, Sendable { case `operator`, inside, outside, evaluator, none }

    /// By hand from the policy's text: fields that must never reach a caller who does not serve the person.
    static let sensitiveKeys: Set<String> = [
        "district", "location", "disability", "groups", "work_capacity", "preferences", "min_monthly_wage", "birth_year", "gender",
    ]
    /// By hand from the reason texts (docs/daemon.md "Sensitive reasons").
    static let sensitiveCodes: Set<String> = [
        "public_welfare_fallback", "public_welfare_wish", "tag_disability_friendly", "accommodation", "tag_age_friendly",
        "doorstep", "flexible", "hours_fit", "wage_meets_wish", "wage_below_wish",
    ]
    /// Withheld from evaluators on top (the home distance narrows down where someone lives).
    static let identifyingCodes: Set<String> = ["distance"]

    static func token(_ who: Who) -> String? {
        switch who {
        case .operator: TestServer.operatorToken
        case .inside: TestServer.yuzhongToken
        case .outside: TestServer.shapingbaToken
        case .evaluator: TestServer.evaluatorToken
        case .none: nil
        }
    }

    struct Request: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var body: String?
    }

    /// One case of one route: how to make the request for row `n` (fresh ids per row), what to create
    /// first (as the operator), and the status for each role in `Who.allCases` order.
    struct Case: Sendable {
        var route: String
        var name: String
        var setup: @Sendable (Int) -> [Request]
        var request: @Sendable (Int) -> Request
        var expected: [Int]
    }

    static let at = "2026-11-16T09:00:00+08:00"
    static let q = TestServer.asOfQuery

    // Statuses in the order operator, inside (渝中 caseworker; every person and job here is in 渝中 500103),
    // outside (沙坪坝 caseworker), evaluator (who names people by pseudonym: a real id is unknown to them), no token.
    static let table: [Case] = [
        Case(route: "GET /v1/applicants/{id}", name: "existing", setup: { _ in [] }, request: { _ in .init(method: .get, path: "/v1/applicants/A1") },
             expected: [200, 200, 404, 403, 401]),
        Case(route: "GET /v1/applicants/{id}", name: "unknown", setup: { _ in [] }, request: { _ in .init(method: .get, path: "/v1/applicants/NOBODY") },
             expected: [404, 404, 404, 403, 401]),
        Case(route: "PUT /v1/applicants/{id}", name: "existing", setup: { n in [put("T\(n)")] }, request: { n in put("T\(n)") },
             expected: [200, 200, 403, 403, 401]),
        Case(route: "PUT /v1/applicants/{id}", name: "unknown", setup: { _ in [] }, request: { n in put("U\(n)") },
             expected: [201, 201, 403, 403, 401]),
        Case(route: "DELETE /v1/applicants/{id}", name: "existing", setup: { n in [put("T\(n)")] },
             request: { n in .init(method: .delete, path: "/v1/applicants/T\(n)") }, expected: [204, 204, 404, 403, 401]),
        Case(route: "DELETE /v1/applicants/{id}", name: "unknown", setup: { _ in [] },
             request: { n in .init(method: .delete, path: "/v1/applicants/U\(n)") }, expected: [404, 404, 404, 403, 401]),
        Case(route: "GET /v1/applicants/{id}/recommendations", name: "existing", setup: { _ in [] },
             request: { _ in .init(method: .get, path: "/v1/applicants/S2/recommendations?\(q)") }, expected: [200, 200, 404, 404, 401]),
        Case(route: "GET /v1/applicants/{id}/recommendations", name: "unknown", setup: { _ in [] },
             request: { _ in .init(method: .get, path: "/v1/applicants/NOBODY/recommendations?\(q)") }, expected: [404, 404, 404, 404, 401]),
        Case(route: "POST /v1/recommendations", name: "existing", setup: { _ in [] },
             request: { _ in .init(method: .post, path: "/v1/recommendations?\(q)", body: SensitiveFixtures.applicants[1]) },
             expected: [200, 200, 403, 200, 401]),
        Case(route: "POST /v1/recommendations", name: "unknown", setup: { _ in [] },
             request: { n in .init(method: .post, path: "/v1/recommendations?\(q)", body: Fixtures.applicant(id: "W\(n)", district: TestServer.yuzhong)) },
             expected: [200, 200, 403, 200, 401]),
        Case(route: "GET /v1/jobs/{id}/candidates", name: "existing", setup: { _ in [] },
             request: { _ in .init(method: .get, path: "/v1/jobs/JS1/candidates?\(q)&k=50") }, expected: [200, 200, 200, 200, 401]),
        Case(route: "GET /v1/jobs/{id}/candidates", name: "unknown", setup: { _ in [] },
             request: { _ in .init(method: .get, path: "/v1/jobs/NOJOB/candidates?\(q)") }, expected: [404, 404, 404, 404, 401]),
        Case(route: "POST /v1/outcomes", name: "existing", setup: { _ in [] },
             request: { _ in .init(method: .post, path: "/v1/outcomes", body: #"{"applicant":"A1","job":"J1","event":"applied","at":"\#(at)"}"#) },
             expected: [201, 201, 404, 403, 401]),
        Case(route: "POST /v1/outcomes", name: "unknown", setup: { _ in [] },
             request: { _ in .init(method: .post, path: "/v1/outcomes", body: #"{"applicant":"NOBODY","job":"J1","event":"applied","at":"\#(at)"}"#) },
             expected: [404, 404, 404, 403, 401]),
        Case(route: "GET /v1/jobs/{id}", name: "existing", setup: { _ in [] }, request: { _ in .init(method: .get, path: "/v1/jobs/J1") },
             expected: [200, 200, 200, 200, 401]),
        Case(route: "GET /v1/jobs/{id}", name: "unknown", setup: { _ in [] }, request: { _ in .init(method: .get, path: "/v1/jobs/NOJOB") },
             expected: [404, 404, 404, 404, 401]),
        Case(route: "PUT /v1/jobs/{id}", name: "existing", setup: { n in [putJob("JT\(n)")] }, request: { n in putJob("JT\(n)") },
             expected: [200, 200, 403, 403, 401]),
        Case(route: "PUT /v1/jobs/{id}", name: "unknown", setup: { _ in [] }, request: { n in putJob("JU\(n)") },
             expected: [201, 201, 403, 403, 401]),
        Case(route: "DELETE /v1/jobs/{id}", name: "existing", setup: { n in [putJob("JT\(n)")] },
             request: { n in .init(method: .delete, path: "/v1/jobs/JT\(n)") }, expected: [204, 204, 403, 403, 401]),
        Case(route: "DELETE /v1/jobs/{id}", name: "unknown", setup: { _ in [] },
             request: { n in .init(method: .delete, path: "/v1/jobs/JU\(n)") }, expected: [404, 404, 404, 403, 401]),
        // A caseworker reads the audit of one of their own people (another district's person: 404 as unknown).
        Case(route: "GET /v1/audit", name: "existing", setup: { _ in [] }, request: { _ in .init(method: .get, path: "/v1/audit?applicant=A1") },
             expected: [200, 200, 404, 403, 401]),
        Case(route: "GET /v1/audit", name: "unknown", setup: { _ in [] }, request: { _ in .init(method: .get, path: "/v1/audit?applicant=NOBODY") },
             expected: [200, 404, 404, 403, 401]),
        Case(route: "GET /v1/audit", name: "whole log", setup: { _ in [] }, request: { _ in .init(method: .get, path: "/v1/audit?limit=5") },
             expected: [200, 403, 403, 403, 401]),
        Case(route: "GET /v1/audit/verify", name: "-", setup: { _ in [] }, request: { _ in .init(method: .get, path: "/v1/audit/verify") },
             expected: [200, 403, 403, 403, 401]),
        Case(route: "POST /v1/admin/tokens/reload", name: "-", setup: { _ in [] },
             request: { _ in .init(method: .post, path: "/v1/admin/tokens/reload") }, expected: [200, 403, 403, 403, 401]),
        Case(route: "POST /v1/admin/model/reload", name: "-", setup: { _ in [] },
             request: { _ in .init(method: .post, path: "/v1/admin/model/reload") }, expected: [200, 403, 403, 403, 401]),
        Case(route: "GET /v1/supervision", name: "-", setup: { _ in [] },
             request: { _ in .init(method: .get, path: "/v1/supervision?\(q)") }, expected: [200, 403, 403, 403, 401]),
        // Interchange 1.1. Courses are public offers, like postings (every course here is in 渝中).
        Case(route: "GET /v1/trainings/{id}", name: "existing", setup: { n in [putTraining("TR\(n)")] },
             request: { n in .init(method: .get, path: "/v1/trainings/TR\(n)") }, expected: [200, 200, 200, 200, 401]),
        Case(route: "GET /v1/trainings/{id}", name: "unknown", setup: { _ in [] },
             request: { _ in .init(method: .get, path: "/v1/trainings/NOCOURSE") }, expected: [404, 404, 404, 404, 401]),
        Case(route: "PUT /v1/trainings/{id}", name: "existing", setup: { n in [putTraining("TR\(n)")] }, request: { n in putTraining("TR\(n)") },
             expected: [200, 200, 403, 403, 401]),
        Case(route: "PUT /v1/trainings/{id}", name: "unknown", setup: { _ in [] }, request: { n in putTraining("TU\(n)") },
             expected: [201, 201, 403, 403, 401]),
        Case(route: "POST /v1/services", name: "existing", setup: { _ in [] },
             request: { _ in .init(method: .post, path: "/v1/services", body: #"{"applicant":"A1","kind":"guidance","at":"\#(at)","by":"王芳"}"#) },
             expected: [201, 201, 404, 403, 401]),
        Case(route: "POST /v1/services", name: "unknown", setup: { _ in [] },
             request: { _ in .init(method: .post, path: "/v1/services", body: #"{"applicant":"NOBODY","kind":"guidance","at":"\#(at)"}"#) },
             expected: [404, 404, 404, 403, 401]),
        // Read like the person's list: evaluators name people by pseudonym, so a real id is unknown to them.
        Case(route: "GET /v1/applicants/{id}/services", name: "existing", setup: { _ in [] },
             request: { _ in .init(method: .get, path: "/v1/applicants/A1/services") }, expected: [200, 200, 404, 404, 401]),
        Case(route: "GET /v1/applicants/{id}/services", name: "unknown", setup: { _ in [] },
             request: { _ in .init(method: .get, path: "/v1/applicants/NOBODY/services") }, expected: [404, 404, 404, 404, 401]),
    ]

    static func put(_ id: String) -> Request {
        .init(method: .put, path: "/v1/applicants/\(id)", body: Fixtures.applicant(id: id, district: TestServer.yuzhong))
    }

    static func putTraining(_ id: String) -> Request {
        .init(method: .put, path: "/v1/trainings/\(id)", body: #"{"id":"\#(id)","title":"叉车司机培训","district":"500103","location":{"lat":29.557,"lng":106.57},"starts_at":"2026-12-01T09:00:00+08:00","ends_at":"2026-12-12T17:00:00+08:00"}"#)
    }

    static func putJob(_ id: String) -> Request {
        .init(method: .put, path: "/v1/jobs/\(id)", body: Fixtures.job(id: id, district: TestServer.yuzhong))
    }

    /// Every key and every reason code in a JSON body, at any depth.
    static func keysAndCodes(_ value: JSONValue?) -> (keys: Set<String>, codes: Set<String>, applicants: [String]) {
        var keys: Set<String> = [], codes: Set<String> = [], applicants: [String] = []
        func walk(_ v: JSONValue) {
            switch v {
            case let .object(pairs):
                for (k, child) in pairs {
                    keys.insert(k)
                    if k == "code", case let .string(c) = child { codes.insert(c) }
                    if k == "applicant", case let .string(a) = child { applicants.append(a) }
                    walk(child)
                }
            case let .array(items): items.forEach(walk)
            default: break
            }
        }
        if let value { walk(value) }
        return (keys, codes, applicants)
    }

    @Test("every route × role × case: status, and no sensitive field or reason for those who do not serve the person")
    func table() async throws {
        let server = try TestServer()
        try server.add(applicants: SensitiveFixtures.applicants, jobs: SensitiveFixtures.jobs)
        defer { server.remove() }
        let cases = Self.table
        let realIDs: Set<String> = ["A1", "A2", "B1", "S1", "S2"]
        let shapingbaPeople: Set<String> = ["B1"]
        let rows = try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            var rows = 0
            var n = 0
            var requests = 0
            var outsideBodies: [String: [String: String]] = [:]
            for c in cases {
                for (i, who) in Who.allCases.enumerated() {
                    n += 1
                    for s in c.setup(n) {
                        requests += 1
                        let made = try await client.call(s.method, s.path, token: TestServer.operatorToken, body: s.body)
                        #expect(made.status < 300, "setup \(s.path): \(made.text)")
                    }
                    let r = c.request(n)
                    let answer = try await client.call(r.method, r.path, token: Self.token(who), body: r.body)
                    rows += 1
                    requests += 1
                    let label = "\(c.route) [\(c.name)] as \(who): \(answer.status) \(answer.text.prefix(200))"
                    #expect(answer.status == c.expected[i], "\(label)")
                    let found = Self.keysAndCodes(answer.json)
                    // A job's own record (district, location of the workplace) is public; a list of people the
                    // caller serves (the outside caseworker's own 沙坪坝 people) is theirs in full.
                    // A course is public the same way.
                    let aboutPeople = !(c.route.hasPrefix("GET /v1/jobs/{id}") || c.route.hasPrefix("GET /v1/trainings/{id}"))
                        || c.route.hasSuffix("/candidates")
                    let servesListed = who == .outside && !found.applicants.isEmpty
                    if aboutPeople, !servesListed, who == .outside || who == .evaluator || who == .none {
                        #expect(found.keys.isDisjoint(with: Self.sensitiveKeys), "\(label): \(found.keys.intersection(Self.sensitiveKeys))")
                        #expect(found.codes.isDisjoint(with: Self.sensitiveCodes), "\(label): \(found.codes.intersection(Self.sensitiveCodes))")
                    }
                    if who == .evaluator {
                        #expect(found.codes.isDisjoint(with: Self.identifyingCodes), "\(label)")
                        #expect(Set(found.applicants).isDisjoint(with: realIDs), "\(label): a real id reached the evaluator")
                        for a in found.applicants { #expect(a.count == 64 && a.allSatisfy(\.isHexDigit), "\(label): \(a)") }
                    }
                    if who == .outside {
                        #expect(Set(found.applicants).isSubset(of: shapingbaPeople), "\(label): someone outside 沙坪坝 listed")
                        if answer.status == 404 {
                            outsideBodies[c.route, default: [:]][c.name] = answer.text.replacingOccurrences(
                                of: #"\b(A1|S2|T[0-9]+|U[0-9]+|TR[0-9]+|TU[0-9]+|NOBODY|NOCOURSE)\b"#, with: "ID", options: .regularExpression)
                        }
                    }
                }
            }
            // Outside their districts a caseworker cannot tell an existing person from an unknown id.
            for (route, bodies) in outsideBodies where bodies.count == 2 {
                #expect(bodies["existing"] == bodies["unknown"], "\(route): \(bodies)")
            }
            #expect(outsideBodies.keys.filter { outsideBodies[$0]!.count == 2 }.count >= 4, "\(outsideBodies.keys)")
            // Every request of the table, allowed or refused, is in the audit log, and the chain holds.
            let audit = try server.database()
            #expect(try audit.auditEntries(AuditQuery(limit: 100_000)).count == requests)
            #expect(try audit.verifyAuditChain().isIntact)
            return rows
        }
        // 19 routes × 5 roles × (2 cases, 3 for the audit log, 1 for the four admin routes) = 175 rows.
        #expect(rows == 175)
        #expect(Set(cases.map(\.route)).count == 19)
    }
}
