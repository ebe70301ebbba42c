import Crypto
import Foundation
import JobMatchCore
import JobMatchStore
import Logging

/// The bearer tokens the daemon accepts, from the tokens file. Only SHA-256 hashes are stored:
///
/// ```json
/// {"tokens": [
///   {"name": "ops", "role": "operator", "sha256": "9f86d0…"},
///   {"name": "wang.li", "role": "caseworker", "districts": ["500103"], "sha256": "…"},
///   {"name": "eval-2026", "role": "evaluator", "sha256": "…"}
/// ]}
/// ```
public struct TokenStore: Sendable {
    /// One entry of the tokens file.
    public struct Entry: Sendable, Hashable, Codable {
        public var name: String
        public var role: Role
        public var districts: [String]?
        /// Lower-case hex SHA-256 of the token's UTF-8 bytes.
        public var sha256: String

        public init(name: String, role: Role, districts: [String]? = nil, sha256: String) {
            self.name = name
            self.role = role
            self.districts = districts
            self.sha256 = sha256
        }
    }

    struct File: Codable { var tokens: [Entry] }

    private let callers: [String: Caller]

    public init(entries: [Entry]) {
        var callers: [String: Caller] = [:]
        for e in entries {
            callers[e.sha256.lowercased()] = Caller(name: e.name, role: e.role, districts: Set(e.districts ?? []))
        }
        self.callers = callers
    }

    /// How many tokens are known.
    public var count: Int { callers.count }

    /// The caller a token belongs to, or nil.
    public func caller(forToken token: String) -> Caller? {
        callers[Self.hash(token)]
    }

    /// Lower-case hex SHA-256 of a token.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// A new random token: 32 bytes from the system's random source, hex.
    public static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let b = UInt8.random(in: 0...255, using: &generator)
            return b < 16 ? "0" + String(b, radix: 16) : String(b, radix: 16)
        }.joined()
    }

    /// Reads the tokens file; a caseworker without districts is an error (they could serve no one), and so
    /// is a file that its group or others may read or write (mode must be 0600 or 0400).
    public static func load(path: String) throws -> TokenStore {
        if let mode = PrivateFile.permissions(of: path), mode & 0o077 != 0 {
            throw JobMatchError(.refused, "the tokens file is open to its group or others (mode \(String(mode, radix: 8))); chmod 600 it", file: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JobMatchError(.io, "cannot read the tokens file", file: path)
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw JobMatchError(.malformedInput, "the tokens file does not read as {\"tokens\": [{name, role, districts?, sha256}]}: \(error)", file: path)
        }
        for (i, e) in file.tokens.enumerated() {
            if e.role == .caseworker && (e.districts ?? []).isEmpty {
                throw JobMatchError(.invalidRecord, "a caseworker token needs districts", field: "tokens[\(i)].districts", file: path)
            }
            if e.sha256.count != 64 || !e.sha256.allSatisfy(\.isHexDigit) {
                throw JobMatchError(.invalidRecord, "expected 64 hex digits", field: "tokens[\(i)].sha256", file: path)
            }
        }
        return TokenStore(entries: file.tokens)
    }

    /// Writes a tokens file (mode 0600).
    public static func write(_ entries: [Entry], to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(File(tokens: entries))
        try writeOwnerOnly(data, to: path)
    }

    /// Loads the tokens file, or on first start (the database is new too) creates one holding a single
    /// operator token and writes that token to `operatorTokenPath` (mode 0600), logging where it is. A
    /// missing tokens file beside a database that is not new is an error (a mistyped path must not
    /// mint a new operator token).
    public static func loadOrCreate(path: String, operatorTokenPath: String, databaseIsNew: Bool, logger: Logger) throws -> TokenStore {
        if FileManager.default.fileExists(atPath: path) {
            let store = try load(path: path)
            logger.info("tokens loaded", metadata: ["tokens.path": "\(path)", "tokens.count": "\(store.count)"])
            return store
        }
        guard databaseIsNew else {
            throw JobMatchError(.refused, "no tokens file, and the database is not new: check the tokens path (a new operator token is made only with a new database)", file: path)
        }
        let token = makeToken()
        let entry = Entry(name: "operator", role: .operator, sha256: hash(token))
        try writeOwnerOnly(Data((token + "\n").utf8), to: operatorTokenPath)
        try write([entry], to: path)
        logger.notice("created a tokens file with one operator token", metadata: [
            "tokens.path": "\(path)", "operator_token.path": "\(operatorTokenPath)",
        ])
        return TokenStore(entries: [entry])
    }

    /// Writes a file readable and writable by its owner only (0600), replacing any old one.
    static func writeOwnerOnly(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw JobMatchError(.io, "cannot create the file", file: path)
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            let handle = try FileHandle(forWritingTo: url)
            try handle.write(contentsOf: data)
            try handle.close()
        } catch let error as JobMatchError {
            throw error
        } catch {
            throw JobMatchError(.io, "cannot write: \(error)", file: path)
        }
    }
}
