/// One of N deterministic parts of the applicants for sharded scoring: an applicant belongs to shard
/// `StableHash(id) mod N`, so the split depends only on the id, never on who else is in the data.
public struct BatchShard: Sendable, Hashable, Codable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// The whole population.
    public static let all = BatchShard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `I/N` with `0 ≤ I < N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else { return nil }
        self.init(index: i, count: n)
    }

    public func contains(_ applicantID: String) -> Bool {
        count <= 1 || Int(StableHash.hash(applicantID, seed: 0x5348_4152_44) % UInt64(count)) == index
    }

    public var description: String { "\(index)/\(count)" }
}
