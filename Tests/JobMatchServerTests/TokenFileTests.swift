import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Logging
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The tokens file and the files with personal data: refused starts, reloads without restart, modes.
@Suite("Tokens and private files", .serialized)
struct TokenFileTests {
    static func mode(_ path: String) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test("the daemon refuses to start when the tokens file is open to others, or missing beside an existing database")
    func refusedStarts() async throws {
        var server = try TestServer()
        defer { server.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: server.configuration.tokensPath!)
        await #expect(throws: JobMatchError.self) { _ = try await server.app() }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: server.configuration.tokensPath!)
        _ = try await server.app()
        // A mistyped path beside a database that has data: no new operator token.
        server.configuration.tokensPath = server.folder.appendingPathComponent("tokens-typo.json").path
        await #expect(throws: JobMatchError.self) { _ = try await server.app() }
        #expect(!FileManager.default.fileExists(atPath: server.configuration.tokensPath!))
        #expect(!FileManager.default.fileExists(atPath: server.configuration.operatorTokenPath))
    }

    @Test("the database, its -wal and -shm, the pseudonym key are 0600 whatever the umask")
    func privateModes() async throws {
        let old = umask(0o022)
        defer { umask(old) }
        let server = try TestServer(seed: false)
        defer { server.remove() }
        try await server.app().test(.router) { client in
            _ = try await client.call(.get, "/healthz")
            // While the daemon runs, the -wal and -shm files exist.
            for suffix in ["", "-wal", "-shm"] { #expect(Self.mode(server.databasePath + suffix) == 0o600, "\(suffix)") }
        }
        #expect(Self.mode(server.configuration.pseudonymKeyPath) == 0o600)
        #expect(Self.mode(server.configuration.resolvedTokensPath) == 0o600)
        // docs/daemon.md: the key is 0600 (whoever reads it reverses every pseudonym); an existing key
        // opened to others (a copy, a restore) is set back to 0600 on start, like the database.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: server.configuration.pseudonymKeyPath)
        _ = try await server.app()
        #expect(Self.mode(server.configuration.pseudonymKeyPath) == 0o600)
    }

    @Test("POST /v1/admin/tokens/reload and SIGHUP take a new tokens file without a restart; a bad file keeps the old tokens")
    func reload() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let path = server.configuration.tokensPath!
        @Sendable func write(_ names: [(String, String, Role)]) throws {
            try TokenStore.write(names.map { .init(name: $0.0, role: $0.2, districts: $0.2 == .caseworker ? [TestServer.yuzhong] : nil,
                                                   sha256: TokenStore.hash($0.1)) }, to: path)
        }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            #expect(try await client.call(.get, "/v1/jobs/J1", token: "fresh-1").status == 401)
            try write([("ops", TestServer.operatorToken, .operator), ("fresh.one", "fresh-1", .caseworker)])
            #expect(try await client.call(.post, "/v1/admin/tokens/reload", token: TestServer.yuzhongToken).status == 403)
            let reloaded = try await client.call(.post, "/v1/admin/tokens/reload", token: TestServer.operatorToken)
            #expect(reloaded.status == 200 && reloaded.json?["tokens"] == .number(2), "\(reloaded.text)")
            #expect(try await client.call(.get, "/v1/jobs/J1", token: "fresh-1").status == 200)
            #expect(try await client.call(.get, "/v1/jobs/J1", token: TestServer.yuzhongToken).status == 401)
            // A broken file is refused and the tokens in force stay.
            try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
            #expect(try await client.call(.post, "/v1/admin/tokens/reload", token: TestServer.operatorToken).status >= 400)
            #expect(try await client.call(.get, "/v1/jobs/J1", token: "fresh-1").status == 200)
            // SIGHUP.
            try write([("ops", TestServer.operatorToken, .operator), ("fresh.two", "fresh-2", .evaluator)])
            kill(getpid(), SIGHUP)
            var status = 0
            for _ in 0..<200 {
                status = try await client.call(.get, "/v1/jobs/J1", token: "fresh-2").status
                if status == 200 { break }
                try await Task.sleep(for: .milliseconds(25))
            }
            #expect(status == 200)
            #expect(try await client.call(.get, "/v1/jobs/J1", token: "fresh-1").status == 401)
            let names = try server.database().auditEntries().map { "\($0.actor)/\($0.role)" }
            #expect(names.contains("fresh.one/caseworker") && names.contains("fresh.two/evaluator"), "\(names)")
        }
    }

    @Test("a 1 MB Authorization header, or any 1 MB header, is answered 431 on a real connection")
    func hugeHeader() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            let huge = String(repeating: "a", count: 1 << 20)
            var headers = HTTPFields()
            headers[.authorization] = "Bearer " + huge
            let status = try await client.execute(uri: "/v1/jobs/J1", method: .get, headers: headers) { Int($0.status.code) }
            #expect(status == 431)
            var other = HTTPFields()
            other[.authorization] = "bearer \(TestServer.operatorToken)"
            other[HTTPFields.Element.Name("X-Padding")!] = huge
            #expect(try await client.execute(uri: "/v1/jobs/J1", method: .get, headers: other) { Int($0.status.code) } == 431)
            // The scheme's case does not matter; a normal request on the same server still works.
            other[HTTPFields.Element.Name("X-Padding")!] = nil
            #expect(try await client.execute(uri: "/v1/jobs/J1", method: .get, headers: other) { Int($0.status.code) } == 200)
        }
    }
}
