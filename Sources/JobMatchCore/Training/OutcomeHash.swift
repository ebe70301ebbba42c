import Crypto

/// The fingerprint of the outcomes a model was trained on.
public enum OutcomeHash {
    /// Hex SHA-256 over the interactions' interchange JSON lines, in the order given.
    public static func sha256(_ interactions: [Interaction]) -> String {
        var hasher = SHA256()
        for i in interactions { hasher.update(data: Array((i.interchangeJSON.jsonText + "\n").utf8)) }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
