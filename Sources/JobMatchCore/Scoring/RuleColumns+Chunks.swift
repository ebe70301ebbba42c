/// What the commute rule can decide for a whole chunk of job rows at once: the box around the unit
/// vectors of its commutable jobs, and whether it holds a job the rule never excludes (remote, or with
/// no known place). A chunk far from a person's home (every job beyond their limit) is not scored at all.
public struct ChunkBounds: Sendable, Hashable {
    /// Corners of the box around the commutable jobs' unit vectors (empty: +∞ / −∞).
    var low = SIMD3<Double>(repeating: .infinity)
    var high = SIMD3<Double>(repeating: -.infinity)
    /// Some job of the chunk is remote or has no place: the commute rule cannot exclude it.
    public internal(set) var hasUncommutable = false

    /// Grows the bounds to cover job `row` of `columns`.
    mutating func include(_ columns: RuleColumns, row: Int) {
        guard columns.commutable[row] else {
            hasUncommutable = true
            return
        }
        let p = SIMD3(columns.unit[3 * row], columns.unit[3 * row + 1], columns.unit[3 * row + 2])
        low = pointwiseMin(low, p)
        high = pointwiseMax(high, p)
    }
}

extension RuleColumns {
    /// Rows per chunk: 256 rows of a 256-wide matrix are 256 KiB of floats.
    public static let chunkRows = 256

    /// Recomputes the bounds of chunk `c` from its rows (after a row changed or moved).
    mutating func refreshChunk(_ c: Int) {
        guard c < chunks.count else { return }
        var bounds = ChunkBounds()
        for row in (c * Self.chunkRows)..<min((c + 1) * Self.chunkRows, count) { bounds.include(self, row: row) }
        chunks[c] = bounds
    }

    /// False only when the commute rule surely excludes every job of chunk `c` for the applicant.
    ///
    /// The squared chord from the home to the nearest point of the chunk's box is a lower bound of each
    /// job's squared chord as ``withinCommute(_:_:)`` computes it (the same operations on values no
    /// farther away, and rounding is monotonic), so when it exceeds the applicant's `sureBeyond` bound,
    /// every job in the chunk fails the rule exactly as the per-job test would.
    @inline(__always)
    public func chunkMayAllow(_ c: Int, _ p: ApplicantRuleProfile) -> Bool {
        let b = chunks[c]
        guard !b.hasUncommutable, let commute = p.commute, !commute.unlimited else { return true }
        let u = SIMD3(commute.unit.0, commute.unit.1, commute.unit.2)
        let gap = pointwiseMax(pointwiseMax(b.low - u, u - b.high), .zero)
        return !(gap.x * gap.x + gap.y * gap.y + gap.z * gap.z > commute.sureBeyond)
    }
}
