import Foundation

/// Pseudonym → stored id, per evaluator token, filled as ids are seen: an evaluator's list request names
/// a person by pseudonym, and hashing every stored id on every request would cost one HMAC per person.
/// Ids are hashed once per token; an entry for a person since deleted is harmless (the route reads the
/// person from the database and answers 404 when it is gone).
final class PseudonymReverseIndex: @unchecked Sendable {
    private struct PerToken {
        var hashed: Set<String> = []
        var byPseudonym: [String: String] = [:]
    }

    private let lock = NSLock()
    private var tokens: [String: PerToken] = [:]

    /// The id whose pseudonym is `pseudonym` for `tokenName`: from what is known, else after hashing the
    /// ids of `ids()` not hashed yet with `hash`.
    func person(withPseudonym pseudonym: String, tokenName: String, ids: () throws -> [String],
                hash: (String) -> String) rethrows -> String? {
        if let known = lock.withLock({ tokens[tokenName]?.byPseudonym[pseudonym] }) { return known }
        let all = try ids()
        let hashed = lock.withLock { tokens[tokenName]?.hashed ?? [] }
        let fresh = all.filter { !hashed.contains($0) }.map { (id: $0, pseudonym: hash($0)) }
        return lock.withLock {
            var entry = tokens[tokenName, default: PerToken()]
            for item in fresh {
                entry.hashed.insert(item.id)
                entry.byPseudonym[item.pseudonym] = item.id
            }
            tokens[tokenName] = entry
            return entry.byPseudonym[pseudonym]
        }
    }
}
