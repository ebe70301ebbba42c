import Crypto

/// The hex SHA-256 of what a batch run read: the seeking applicants and the open postings (interchange
/// JSON lines, by id) and the suppressed pairs (sorted). Two runs with the same fingerprint, model and
/// parameters produce the same lists.
public enum BatchFingerprint {
    public static func dataHash(applicants: [Applicant], jobs: [Job], suppression: PushSuppression) -> String {
        var hasher = SHA256()
        // The lines are encoded on all cores a block at a time, then hashed in order.
        func lines<T: Sendable>(_ records: [T], _ encode: @escaping @Sendable (T) -> String) {
            for start in stride(from: 0, to: records.count, by: block) {
                for line in Array(records[start..<min(start + block, records.count)]).concurrentMap(encode) {
                    hasher.update(utf8: line)
                    hasher.update(utf8: "\n")
                }
            }
        }
        lines(applicants.sorted(by: { $0.id < $1.id })) { $0.interchangeJSON.jsonText }
        hasher.update(utf8: "--jobs--\n")
        lines(jobs.sorted(by: { $0.id < $1.id })) { $0.interchangeJSON.jsonText }
        hasher.update(utf8: "--suppressed--\n")
        for applicant in suppression.suppressed.keys.sorted() {
            for job in suppression.suppressed[applicant]!.sorted() { hasher.update(utf8: "\(applicant)\t\(job)\n") }
        }
        return hex(hasher.finalize())
    }

    /// Records encoded together by ``dataHash(applicants:jobs:suppression:)``.
    static let block = 8192

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

    public mutating func update(_ text: String) { hasher.update(utf8: text) }

    /// The hex digest (the hash can no longer be updated meaningfully afterwards).
    public func finalize() -> String { BatchFingerprint.hex(hasher.finalize()) }
}

extension SHA256 {
    /// Feeds the UTF-8 bytes of `text` without copying them into an array first.
    mutating func update(utf8 text: String) {
        var text = text
        text.withUTF8 { update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }
}
