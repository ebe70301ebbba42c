/// What the commute rule can decide for a whole chunk of job rows at once: the box around the unit
/// vectors of its commutable jobs, and whether it holds a job the rule never excludes (remote, or with
/// no known place). A chunk far from a person's home (every job beyond their limit) is not scored at all.
public struct ChunkBounds: Sendable, Hashable {
    var low = (x: Double.infinity, y: Double.infinity, z: Double.infinity)
    var high = (x: -Double.infinity, y: -Double.infinity, z: -Double.infinity)
    /// Some job of the chunk is remote or has no place: the commute rule cannot exclude it.
    public internal(set) var hasUncommutable = false

    public static func == (a: ChunkBounds, b: ChunkBounds) -> Bool {
        a.low == b.low && a.high == b.high && a.hasUncommutable == b.hasUncommutable
    }

    public func hash(into hasher: inout Hasher) {
        for v in [low.x, low.y, low.z, high.x, high.y, high.z] { hasher.combine(v) }
        hasher.combine(hasUncommutable)
    }

    /// Grows the bounds to cover job `row` of `columns`.
    mutating func include(_ columns: RuleColumns, row: Int) {
        guard columns.commutable[row] else {
            hasUncommutable = true
            return
        }
        let x = columns.unit[3 * row], y = columns.unit[3 * row + 1], z = columns.unit[3 * row + 2]
        low = (min(low.x, x), min(low.y, y), min(low.z, z))
        high = (max(high.x, x), max(high.y, y), max(high.z, z))
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
        let u = commute.unit
        let dx = max(0, b.low.x - u.0, u.0 - b.high.x)
        let dy = max(0, b.low.y - u.1, u.1 - b.high.y)
        let dz = max(0, b.low.z - u.2, u.2 - b.high.z)
        return !(dx * dx + dy * dy + dz * dz > commute.sureBeyond)
    }
}
