import Crypto
import Foundation
import JobMatchCore
import JobMatchStore

/// Evaluators see people under pseudonyms: stable for one evaluator token, different between tokens,
/// not reversible without the server secret.
///
/// `key(token name) = HMAC-SHA256(key: server secret, message: "jobmatch-evaluator-pseudonym:" + token name)`,
/// `pseudonym(id) = lower-case hex HMAC-SHA256(key: key(token name), message: id)` (64 hex digits). The
/// server secret is 32 random bytes, kept as 64 hex digits in `pseudonym.key` beside the database
/// (mode 0600, created on first start). Replacing the file changes every pseudonym.
struct Pseudonyms: Sendable {
    let secret: [UInt8]
    /// What is known of pseudonyms → ids, shared by every copy of these pseudonyms.
    let reverse = PseudonymReverseIndex()

    /// The pseudonym of applicant `id` for the evaluator token named `tokenName`.
    func pseudonym(_ id: String, tokenName: String) -> String {
        Self.hex(id, key: key("jobmatch-evaluator-pseudonym:" + tokenName))
    }

    /// The stored person whose pseudonym for `tokenName` is `pseudonym`, among the stored ids `ids()`
    /// (nil when none is). Each id is hashed once per token (``PseudonymReverseIndex``); `ids()` is read
    /// only when the pseudonym is not known yet.
    func person(withPseudonym pseudonym: String, tokenName: String, among ids: () throws -> [String]) rethrows -> String? {
        guard pseudonym.utf8.count == 64 else { return nil }
        let key = key("jobmatch-evaluator-pseudonym:" + tokenName)
        return try reverse.person(withPseudonym: pseudonym, tokenName: tokenName, ids: ids, hash: { Self.hex($0, key: key) })
    }

    /// The pseudonym of a walk-in profile's id (not stored): keyed apart from the stored people's, so
    /// naming a real person's id in a walk-in body never hands back that person's pseudonym.
    func walkInPseudonym(_ id: String, tokenName: String) -> String {
        Self.hex(id, key: key("jobmatch-evaluator-walk-in:" + tokenName))
    }

    private func key(_ label: String) -> SymmetricKey {
        SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(label.utf8), using: SymmetricKey(data: secret))))
    }

    private static func hex(_ id: String, key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: Array(id.utf8), using: key)
            .map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// Reads the secret file (setting an existing one to 0600: whoever reads it can reverse every
    /// pseudonym), creating it (0600) when missing.
    static func loadOrCreate(path: String) throws -> Pseudonyms {
        if let data = FileManager.default.contents(atPath: path) {
            try PrivateFile.restrict(path)
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let bytes = hexBytes(text), bytes.count >= 16 else {
                throw JobMatchError(.malformedInput, "the pseudonym key must be hex digits (at least 32)", file: path)
            }
            return Pseudonyms(secret: bytes)
        }
        let token = TokenStore.makeToken()
        try TokenStore.writeOwnerOnly(Data((token + "\n").utf8), to: path)
        return Pseudonyms(secret: hexBytes(token)!)
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
