import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
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
            for path in ["/v1/jobs/JS1/candidates?\(q)", "/v1/jobs/JS2/candidates?\(q)", "/v1/applicants/S1/recommendations?\(q)",
                         "/v1/applicants/S2/recommendations?\(q)"]
            {
                for token in [TestServer.operatorToken, TestServer.yuzhongToken] {
                    let answer = try await client.call(.get, path, token: token)
                    #expect(answer.status == 200, "\(path): \(answer.text)")
                    served.formUnion(Self.codes(answer))
                }
                let e = try await client.call(.get, path, token: TestServer.evaluatorToken)
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
            }
            // Pseudonyms: HMAC-SHA256 keyed from the server secret and the token name; stable between calls.
            let secret = try String(contentsOfFile: server.configuration.pseudonymKeyPath, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let listed = AccessTableTests.keysAndCodes(evaluated[0].json).applicants
            #expect(listed.contains(Self.pseudonym("S1", token: "eval", secretHex: secret)), "\(listed)")
            #expect(listed.contains(Self.pseudonym("S2", token: "eval", secretHex: secret)))
            let again = try await client.call(.get, "/v1/jobs/JS1/candidates?\(q)", token: TestServer.evaluatorToken)
            #expect(AccessTableTests.keysAndCodes(again.json).applicants == listed)
            let own = try await client.call(.get, "/v1/applicants/S2/recommendations?\(q)", token: TestServer.evaluatorToken)
            #expect(own.json?["applicant"] == .string(Self.pseudonym("S2", token: "eval", secretHex: secret)))
        }
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
