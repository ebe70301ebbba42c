import CJobMatchKernels
import Dispatch

/// What one worker's pass over the compact matrix keeps, per kind (market, public welfare): the best
/// lower bounds of allowed rows, and the allowed rows whose upper bound could still enter, with that bound.
struct CompactSelection: Sendable {
    var marketBounds: BoundHeap
    var welfareBounds: BoundHeap
    var market: [(row: Int32, upper: Float)] = []
    var welfare: [(row: Int32, upper: Float)] = []

    init(capacity: Int) {
        marketBounds = BoundHeap(capacity: capacity)
        welfareBounds = BoundHeap(capacity: capacity)
    }
}

extension Matcher {
    /// The members of a group who may each reach at least ``MatcherConfiguration/compactFromRows`` rows, scored
    /// together on the compact matrix (``compactPieces(vectors:profiles:plans:eligible:capacity:)``), when the
    /// group is small enough (the daemon's coalesced requests, at most ``MatcherConfiguration/compactBlockUpTo``)
    /// and the compact copy exists. Returns the collectors of those members by position in `members`; the
    /// others (smaller reach) are left to the float32 path.
    func compactPart(_ members: [Int], vectors: [[Float]], profiles: [ApplicantRuleProfile], live: [Bool], eligible: [UInt8],
                     capacity: Int) -> [Int: Collected]
    {
        guard configuration.usesCompactMatrix, !configuration.useReferenceKernel, index.compact.count == index.count,
              members.count <= max(1, configuration.compactBlockUpTo) else { return [:] }
        var chosen: [Int] = [], plans: [[Range<Int>]] = []
        for i in members.indices {
            let plan = planRanges(profiles: [profiles[i]], live: live)
            if plan.reduce(0, { $0 + $1.count }) >= configuration.compactFromRows {
                chosen.append(i)
                plans.append(plan)
            }
        }
        guard !chosen.isEmpty else { return [:] }
        // Many of them: the VNNI block kernel (``compactBlock(_:vectors:profiles:eligible:live:capacity:)``) when it
        // applies; else piece by piece.
        let found = compactBlock(chosen.map { members[$0] }, vectors: vectors, profiles: chosen.map { profiles[$0] }, eligible: eligible,
                                 live: live, capacity: capacity)
            ?? compactPieces(vectors: chosen.map { vectors[members[$0]] }, profiles: chosen.map { profiles[$0] }, plans: plans,
                             eligible: eligible, capacity: capacity)
        return Dictionary(uniqueKeysWithValues: zip(chosen, found))
    }

    /// One applicant's collectors from the compact matrix, the same lists as the float32 path's
    /// (``compactPieces(vectors:profiles:plans:eligible:capacity:)`` with one person).
    func compactScore(vector: [Float], profile: ApplicantRuleProfile, ranges: [Range<Int>], eligible: [UInt8], capacity: Int) -> Collected {
        compactPieces(vectors: [vector], profiles: [profile], plans: [ranges], eligible: eligible, capacity: capacity)[0]
    }

    /// Several applicants' collectors from the compact matrix, each the same list as the float32 path's.
    ///
    /// Every row of a person's `plans` entry gets bounds on its exact score (``CompactQuery/bounds(rows:in:upper:lower:)``).
    /// A row whose upper bound is below the `capacity`-th best lower bound of its kind (allowed rows only)
    /// scores below that many allowed rows, so it cannot enter that kind's top `capacity`; a public-welfare
    /// row below the market's `capacity`-th lower bound cannot reach the ranked list either (see
    /// ``scan(row:count:offset:eligible:columns:profile:ids:market:welfare:)``). The rest are rescored exactly
    /// from the float32 rows and collected as the float32 path collects them, ties by job id.
    ///
    /// The matrix is walked piece by piece (``MatcherConfiguration/compactPieceRows`` rows, one person's
    /// piece, or ``MatcherConfiguration/compactBlockPieceRows`` when several share the pass, small enough to
    /// stay in cache): each piece is read from memory once and scored for every person whose reach meets
    /// it, so a block of people costs about its arithmetic, not one pass over the matrix per person.
    /// Workers (``MatcherConfiguration/blasThreads``) take pieces in turn, each with its own selections,
    /// merged at the end; every worker's floors bound the merged ones, so the result does not depend on them.
    func compactPieces(vectors: [[Float]], profiles: [ApplicantRuleProfile], plans: [[Range<Int>]], eligible: [UInt8],
                      capacity: Int) -> [Collected]
    {
        let people = vectors.count
        guard people > 0 else { return [] }
        let queries = vectors.map { CompactQuery($0, isaLimit: configuration.compactKernelLimit) }
        let pieceRows = max(64, people == 1 ? configuration.compactPieceRows : configuration.compactBlockPieceRows)
        // The pieces of a fixed grid that someone reaches, each with who reaches which rows of it.
        var buckets: [Int: [(person: Int, rows: Range<Int>)]] = [:]
        for (p, plan) in plans.enumerated() {
            for range in plan {
                var lo = range.lowerBound
                while lo < range.upperBound {
                    let piece = lo / pieceRows
                    let hi = min(range.upperBound, (piece + 1) * pieceRows)
                    buckets[piece, default: []].append((p, lo..<hi))
                    lo = hi
                }
            }
        }
        let pieces = buckets.keys.sorted().map { buckets[$0]! }
        let workers = max(1, min(configuration.blasThreads, pieces.count))
        let compact = index.compact, columns = index.columns
        var selections = [[CompactSelection]](repeating: [], count: workers)
        selections.withUnsafeMutableBufferPointer { out in
            let target = SelectionTarget(base: out.baseAddress!)
            let work: @Sendable (Int) -> Void = { w in
                var selection = [CompactSelection](repeating: CompactSelection(capacity: capacity), count: people)
                var upper = [Float](repeating: 0, count: pieceRows), lower = upper
                upper.withUnsafeMutableBufferPointer { up in
                    lower.withUnsafeMutableBufferPointer { low in
                        eligible.withUnsafeBufferPointer { eligible in
                            for p in stride(from: w, to: pieces.count, by: workers) {
                                for (person, rows) in pieces[p] {
                                    queries[person].bounds(rows: rows, in: compact, upper: up.baseAddress!, lower: low.baseAddress!)
                                    Self.compactScan(offset: rows.lowerBound, count: rows.count, upper: up.baseAddress!,
                                                     lower: low.baseAddress!, eligible: eligible.baseAddress!, columns: columns,
                                                     profile: profiles[person], selection: &selection[person])
                                }
                            }
                        }
                    }
                }
                target.base[w] = selection
            }
            if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        }
        let ids = index.ids
        return (0..<people).map { person in
            var marketBounds = BoundHeap(capacity: capacity), welfareBounds = BoundHeap(capacity: capacity)
            for worker in selections {
                for x in worker[person].marketBounds.values { marketBounds.insert(x) }
                for x in worker[person].welfareBounds.values { welfareBounds.insert(x) }
            }
            let marketFloor = marketBounds.threshold
            let welfareFloor = max(marketFloor, welfareBounds.threshold)
            let marketRows = selections.flatMap { $0[person].market.filter { $0.upper >= marketFloor }.map(\.row) }
            let welfareRows = selections.flatMap { $0[person].welfare.filter { $0.upper >= welfareFloor }.map(\.row) }
            let query = queries[person]
            var market = TopKCollector(capacity: capacity), welfare = TopKCollector(capacity: capacity)
            for (row, s) in zip(marketRows, query.exactScores(rows: marketRows, in: index.vectors)) { market.offer(score: s, row: row, ids: ids) }
            for (row, s) in zip(welfareRows, query.exactScores(rows: welfareRows, in: index.vectors)) { welfare.offer(score: s, row: row, ids: ids) }
            return Collected(market: market.sorted(ids: ids), publicWelfare: welfare.sorted(ids: ids))
        }
    }

    /// One piece of bounds into a worker's selection: the upper bound against the market's floor first,
    /// then the per-job mask and the hard rules, only for rows that could enter.
    @inline(__always)
    static func compactScan(offset: Int, count: Int, upper: UnsafePointer<Float>, lower: UnsafePointer<Float>,
                            eligible: UnsafePointer<UInt8>, columns: RuleColumns, profile: ApplicantRuleProfile,
                            selection: inout CompactSelection)
    {
        var floor = selection.marketBounds.threshold
        var j = 0
        while j < count {
            // The next upper bound not below the floor (16 at a time in C): most of a piece is passed over.
            j += Int(jmk_first_at_least(upper + j, Int64(count - j), floor))
            guard j < count else { return }
            defer { j += 1 }
            let up = upper[j]
            let r = offset + j
            if eligible[r] == 0 || !columns.allows(profile, r) { continue }
            if columns.publicWelfare[r] {
                guard up >= selection.welfareBounds.threshold else { continue }
                selection.welfareBounds.insert(lower[j])
                selection.welfare.append((Int32(r), up))
            } else {
                selection.marketBounds.insert(lower[j])
                selection.market.append((Int32(r), up))
                floor = selection.marketBounds.threshold
            }
        }
    }
}

/// The workers' selections (one per person of the block), each written by one worker at its own index.
private struct SelectionTarget: @unchecked Sendable {
    let base: UnsafeMutablePointer<[CompactSelection]>
}
