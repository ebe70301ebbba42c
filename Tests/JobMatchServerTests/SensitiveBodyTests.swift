import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Testing

/// On people where every sensitive reason occurs, the people who serve them see those reasons, and
/// nobody else's body carries any of them (the hand-written list in ``AccessTableTests``).
@Suite("Sensitive reasons in API bodies")
struct SensitiveBodyTests {
    static func codes(_ answer: Answer) -> Set<String> { AccessTableTests.keysAndCodes(answer.json).codes }

    /// The pseudonym as docs/daemon.md defines it, computed here by hand.
    static func pseudonym(_ id: String, token: String, secretHex: String) -> String {
        var secret: [UInt8] = []
        var chars = Array(secretHex.utf8)
        while chars.count >= 2 { secret.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!); chars.removeFirst(2) }
        let key = HMAC<SHA256>.authenticationCode(for: Array("jobmatch-evaluator-pseudonym:\(token)".utf8), using: SymmetricKey(data: secret))
        return HMAC<SHA256>.authenticationCode(for: Array(id.utf8), using: SymmetricKey(data: Data(key)))
            .map { String(format: "%02x", $0) }.joined()
    }

    @Test("operators and the person's caseworker see every sensitive reason; evaluators see none, under stable pseudonyms")
    func sensitiveReasons() async throws {
        let server = try TestServer()
        try server.add(applicants: SensitiveFixtures.applicants, jobs: SensitiveFixtures.jobs)
        defer { server.remove() }
        let q = "\(TestServer.asOfQuery)&k=50"
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            var served: Set<String> = []
            var evaluated: [Answer] = []
            let secret = try String(contentsOfFile: server.configuration.pseudonymKeyPath, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            for path in ["/v1/jobs/JS1/candidates?\(q)", "/v1/jobs/JS2/candidates?\(q)", "/v1/applicants/S1/recommendations?\(q)",
                         "/v1/applicants/S2/recommendations?\(q)"]
            {
                for token in [TestServer.operatorToken, TestServer.yuzhongToken] {
                    let answer = try await client.call(.get, path, token: token)
                    #expect(answer.status == 200, "\(path): \(answer.text)")
                    served.formUnion(Self.codes(answer))
                }
                // Evaluators name a person by the pseudonym they were shown.
                var evaluatorPath = path
                for id in ["S1", "S2"] {
                    evaluatorPath = evaluatorPath.replacingOccurrences(of: "/\(id)/", with: "/\(Self.pseudonym(id, token: "eval", secretHex: secret))/")
                }
                let e = try await client.call(.get, evaluatorPath, token: TestServer.evaluatorToken)
                #expect(e.status == 200)
                evaluated.append(e)
            }
            // Every sensitive code the API can emit occurs here (the fallback is the nightly batch's alone).
            let expected = AccessTableTests.sensitiveCodes.subtracting(["public_welfare_fallback", "wage_below_wish"])
            #expect(expected.isSubset(of: served), "missing: \(expected.subtracting(served))")
            #expect(served.contains("distance"))
            for e in evaluated {
                #expect(Self.codes(e).isDisjoint(with: AccessTableTests.sensitiveCodes.union(AccessTableTests.identifyingCodes)), "\(e.text)")
                #expect(!e.text.contains("\"district\""))
                // A reason saying the person wants a public-welfare post (open only to certified people) reveals
                // an assistance group, under any code.
                #expect(!e.text.contains("公益性岗位"), "\(e.text)")
            }
            // Pseudonyms: HMAC-SHA256 keyed from the server secret and the token name; stable between calls.
            let listed = AccessTableTests.keysAndCodes(evaluated[0].json).applicants
            #expect(listed.contains(Self.pseudonym("S1", token: "eval", secretHex: secret)), "\(listed)")
            #expect(listed.contains(Self.pseudonym("S2", token: "eval", secretHex: secret)))
            let again = try await client.call(.get, "/v1/jobs/JS1/candidates?\(q)", token: TestServer.evaluatorToken)
            #expect(AccessTableTests.keysAndCodes(again.json).applicants == listed)
            let s2 = Self.pseudonym("S2", token: "eval", secretHex: secret)
            let own = try await client.call(.get, "/v1/applicants/\(s2)/recommendations?\(q)", token: TestServer.evaluatorToken)
            #expect(own.json?["applicant"] == .string(s2))
        }
    }

    /// docs/daemon.md ("Request ids and logs"): API answers carry `Cache-Control: no-store`, so a profile read
    /// on a shared office computer is not left in its browser's disk cache.
    @Test("API answers, data and problems alike, carry Cache-Control: no-store")
    func noStore() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            for (path, status) in [("/v1/applicants/A1", 200), ("/v1/applicants/NOBODY", 404), ("/v1/applicants/A1/history", 200)] {
                try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(TestServer.yuzhongToken)"]) { response in
                    #expect(Int(response.status.code) == status, "\(path)")
                    #expect(response.headers[.cacheControl] == "no-store", "\(path)")
                }
            }
        }
    }

    /// docs/daemon.md: evaluators get pseudonymous ids "so evaluation works and re-identification does not";
    /// a pseudonym "cannot be reversed" without the secret. So no answer may pair a real id the evaluator
    /// names with the pseudonym that person has in a candidate list: the stored list is addressed by the
    /// pseudonym (a real id answers like an unknown one), and a walk-in naming a real id is not handed that
    /// person's pseudonym.
    @Test("an evaluator cannot turn a real id into its pseudonym (stored list by real id 404, walk-in keyed apart)")
    func evaluatorCannotLinkRealIDs() async throws {
        let server = try TestServer()
        try server.add(applicants: SensitiveFixtures.applicants, jobs: SensitiveFixtures.jobs)
        defer { server.remove() }
        let q = "\(TestServer.asOfQuery)&k=50"
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            let secret = try String(contentsOfFile: server.configuration.pseudonymKeyPath, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let s2 = Self.pseudonym("S2", token: "eval", secretHex: secret)
            let candidates = try await client.call(.get, "/v1/jobs/JS1/candidates?\(q)", token: TestServer.evaluatorToken)
            #expect(AccessTableTests.keysAndCodes(candidates.json).applicants.contains(s2))
            // By real id: answered exactly like an id nobody has.
            let real = try await client.call(.get, "/v1/applicants/S2/recommendations?\(q)", token: TestServer.evaluatorToken)
            let unknown = try await client.call(.get, "/v1/applicants/NOBODY/recommendations?\(q)", token: TestServer.evaluatorToken)
            #expect(real.status == 404 && unknown.status == 404, "\(real.text)")
            #expect(real.text.replacingOccurrences(of: "S2", with: "ID") == unknown.text.replacingOccurrences(of: "NOBODY", with: "ID"))
            #expect(!real.text.contains(s2))
            // By pseudonym: the list, under that pseudonym, and the audit names the real person.
            let byPseudonym = try await client.call(.get, "/v1/applicants/\(s2)/recommendations?\(q)", token: TestServer.evaluatorToken)
            #expect(byPseudonym.status == 200 && byPseudonym.json?["applicant"] == .string(s2), "\(byPseudonym.text)")
            #expect(!byPseudonym.text.contains("\"S2\""))
            // A walk-in body naming S2 (with S2's own profile): not S2's pseudonym, no real id.
            let walkIn = try await client.call(.post, "/v1/recommendations?\(q)", token: TestServer.evaluatorToken, body: SensitiveFixtures.applicants[1])
            #expect(walkIn.status == 200, "\(walkIn.text)")
            #expect(walkIn.json?["applicant"] != .string(s2) && walkIn.json?["applicant"] != .string("S2"), "\(walkIn.text)")
            #expect(!walkIn.text.contains(s2))
        }
        let entries = try server.database().auditEntries(AuditQuery(applicant: "S2")).filter { $0.actor == "eval" && $0.status == 200 }
        #expect(entries.contains { $0.endpoint.hasSuffix("/recommendations") }, "\(entries.map(\.endpoint))")
    }

    @Test("a caseworker's candidate lists hold only their districts' people, the best k of them, ranked 1…")
    func caseworkerCandidates() async throws {
        let server = try TestServer()
        // Many people, one in ten in 渝中, so a 渝中 caseworker's best 12 lie deep in the whole ranking.
        let people = (0..<150).map { i in
            Fixtures.applicant(id: "P\(i)", district: i % 10 == 0 ? TestServer.yuzhong : TestServer.shapingba, birthYear: 1970 + i % 25)
        }
        try server.add(applicants: people + SensitiveFixtures.applicants, jobs: SensitiveFixtures.jobs)
        defer { server.remove() }
        let database = try server.database()
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            for job in ["J1", "J3", "JS1"] {
                let all = try await client.call(.get, "/v1/jobs/\(job)/candidates?\(TestServer.asOfQuery)&k=200", token: TestServer.operatorToken)
                let everyone = AccessTableTests.keysAndCodes(all.json).applicants
                for (token, district) in [(TestServer.yuzhongToken, TestServer.yuzhong), (TestServer.shapingbaToken, TestServer.shapingba)] {
                    let answer = try await client.call(.get, "/v1/jobs/\(job)/candidates?\(TestServer.asOfQuery)&k=12", token: token)
                    #expect(answer.status == 200)
                    let listed = AccessTableTests.keysAndCodes(answer.json).applicants
                    for id in listed { #expect(try database.applicant(id: id)?.district == district, "\(job): \(id)") }
                    // The same order as the operator's list, restricted to the district.
                    var theirs: [String] = []
                    for id in everyone where try database.applicant(id: id)?.district == district { theirs.append(id) }
                    #expect(listed == Array(theirs.prefix(12)), "\(job) \(district)")
                    #expect(!listed.isEmpty || theirs.isEmpty)
                    if case let .array(items)? = answer.json?["candidates"] {
                        #expect(items.enumerated().allSatisfy { $1["rank"] == .number(Double($0 + 1)) })
                    }
                }
            }
        }
    }
}
