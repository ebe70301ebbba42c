/// For every job row, what bounds the change of its score when an applicant gains skills or certificates (a
/// course): per block of ``FeatureExtractor/skillAndCertificateBlocks``, the L2 norm of the row's part
/// (rounded up) and which of its entries are nonzero (entry `k` of the block sets bit `k % 64`). A change `Δ` of
/// the applicant row that lives in those blocks moves the score by at most `Σ_b ‖Δ_b‖·‖row_b‖` over the blocks
/// where `Δ_b` and the row have a common nonzero bit (Cauchy–Schwarz; no common bit, no common nonzero entry:
/// that block adds nothing). Kept in step with ``JobIndex/vectors`` by every patch.
public struct SkillBlockSummary: Sendable {
    /// The blocks summarised, in ``FeatureExtractor/skillAndCertificateBlocks`` order, as ranges of the row.
    public let ranges: [Range<Int>]
    /// Row-major `count × ranges.count`.
    public private(set) var norms: [Float] = []
    public private(set) var masks: [UInt64] = []

    public init(layout: FeatureLayout) {
        ranges = FeatureExtractor.skillAndCertificateBlocks.map { layout[$0] }
    }

    public var count: Int { ranges.isEmpty ? 0 : norms.count / ranges.count }

    /// The bits and the rounded-up norm of `values` (one block of a vector).
    public static func summary(_ values: ArraySlice<Float>) -> (norm: Float, mask: UInt64) {
        var sum: Double = 0
        var mask: UInt64 = 0
        for (k, x) in values.enumerated() where x != 0 {
            sum += Double(x) * Double(x)
            mask |= 1 << UInt64(k % 64)
        }
        return (Self.roundedUp(sum.squareRoot()), mask)
    }

    /// `x` as a Float no smaller than it, with a relative margin for the float arithmetic of scores.
    static func roundedUp(_ x: Double) -> Float { x == 0 ? 0 : Float(x * (1 + 1e-5)).nextUp }

    mutating func append(_ vector: ArraySlice<Float>) {
        let start = vector.startIndex
        for range in ranges {
            let s = Self.summary(vector[(start + range.lowerBound)..<(start + range.upperBound)])
            norms.append(s.norm)
            masks.append(s.mask)
        }
    }

    mutating func set(_ row: Int, _ vector: ArraySlice<Float>) {
        let start = vector.startIndex
        for (b, range) in ranges.enumerated() {
            let s = Self.summary(vector[(start + range.lowerBound)..<(start + range.upperBound)])
            norms[row * ranges.count + b] = s.norm
            masks[row * ranges.count + b] = s.mask
        }
    }

    /// Moves the last row into `row` and drops the last (swap-remove).
    mutating func swapRemove(_ row: Int) {
        let w = ranges.count, last = count - 1
        for b in 0..<w {
            norms[row * w + b] = norms[last * w + b]
            masks[row * w + b] = masks[last * w + b]
        }
        norms.removeLast(w)
        masks.removeLast(w)
    }
}
