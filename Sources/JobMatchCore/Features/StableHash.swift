/// A deterministic 64-bit hash (FNV-1a with a seed and a final mix), the same on every run and machine.
///
/// Swift's `Hasher` is randomly seeded per process, so feature hashing uses this instead.
public enum StableHash {
    /// Hashes the UTF-8 bytes of `text` with `seed`.
    public static func hash(_ text: String, seed: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (seed &* 0x9E37_79B9_7F4A_7C15)
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return mix(h)
    }

    /// SplitMix64's finaliser: spreads the bits so that `% n` and the top bit are both well distributed.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A bucket in `0..<count` and a sign (+1 or −1) for signed feature hashing.
    public static func bucket(_ text: String, seed: UInt64, count: Int) -> (index: Int, sign: Float) {
        let h = hash(text, seed: seed)
        return (Int(h % UInt64(count)), (h >> 63) == 0 ? 1 : -1)
    }
}

/// A small deterministic random generator (SplitMix64) for seeded projections.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return StableHash.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }

    /// A uniform Double in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
