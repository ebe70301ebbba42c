import Crypto

/// The fingerprint of the outcomes a model was trained on.
public enum OutcomeHash {
    /// Hex SHA-256 over the interactions' interchange JSON lines, in the order given.
    public static func sha256(_ interactions: [Interaction]) -> String {
        sha256(chunks: interactions.map { Array(($0.interchangeJSON.jsonText + "\n").utf8) })
    }

    /// Hex SHA-256 over byte chunks, in the order given (model folders' files, for instance).
    public static func sha256(chunks: [[UInt8]]) -> String {
        var hasher = SHA256()
        for chunk in chunks { hasher.update(data: chunk) }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
