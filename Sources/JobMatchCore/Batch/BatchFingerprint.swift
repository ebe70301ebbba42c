import Crypto

/// The hex SHA-256 of what a batch run read: the seeking applicants and the open postings (interchange
/// JSON lines, by id) and the suppressed pairs (sorted). Two runs with the same fingerprint, model and
/// parameters produce the same lists.
public enum BatchFingerprint {
    public static func dataHash(applicants: [Applicant], jobs: [Job], suppression: PushSuppression) -> String {
        var hasher = SHA256()
        // The lines are encoded on all cores, then hashed in order.
        for line in applicants.sorted(by: { $0.id < $1.id }).concurrentMap({ $0.interchangeJSON.jsonText }) {
            hasher.update(data: Array((line + "\n").utf8))
        }
        hasher.update(data: Array("--jobs--\n".utf8))
        for line in jobs.sorted(by: { $0.id < $1.id }).concurrentMap({ $0.interchangeJSON.jsonText }) {
            hasher.update(data: Array((line + "\n").utf8))
        }
        hasher.update(data: Array("--suppressed--\n".utf8))
        for applicant in suppression.suppressed.keys.sorted() {
            for job in suppression.suppressed[applicant]!.sorted() { hasher.update(data: Array("\(applicant)\t\(job)\n".utf8)) }
        }
        return hex(hasher.finalize())
    }

    /// The hex SHA-256 of a text.
    public static func hash(_ text: String) -> String {
        hex(SHA256.hash(data: Array(text.utf8)))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// A SHA-256 fed piece by piece (for the output file's hash while it is written).
public struct StreamingHash {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ text: String) { hasher.update(data: Array(text.utf8)) }

    /// The hex digest (the hash can no longer be updated meaningfully afterwards).
    public func finalize() -> String { BatchFingerprint.hex(hasher.finalize()) }
}
