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
    /// A small group (at most ``MatcherConfiguration/compactGroupUpTo``) whose every member may reach at least
    /// ``MatcherConfiguration/compactFromRows`` rows: each member scored alone on the compact matrix, over
    /// their own reach. Nil when the group takes the float32 path.
    func compactEach(_ members: [Int], vectors: [[Float]], profiles: [ApplicantRuleProfile], live: [Bool], eligible: [UInt8],
                     capacity: Int) -> [Collected]?
    {
        guard configuration.usesCompactMatrix, !configuration.useReferenceKernel, index.compact.count == index.count,
              members.count <= max(1, configuration.compactGroupUpTo) else { return nil }
        let plans = profiles.map { planRanges(profiles: [$0], live: live) }
        guard plans.allSatisfy({ $0.reduce(0) { $0 + $1.count } >= configuration.compactFromRows }) else { return nil }
        return members.indices.map { i in
            compactScore(vector: vectors[members[i]], profile: profiles[i], ranges: plans[i], eligible: eligible, capacity: capacity)
        }
    }

    /// One applicant's collectors from the compact matrix, the same lists as the float32 path's.
    ///
    /// Every row of `ranges` gets bounds on its exact score (``CompactQuery/bounds(rows:in:upper:lower:)``).
    /// A row whose upper bound is below the `capacity`-th best lower bound of its kind (allowed rows only)
    /// scores below that many allowed rows, so it cannot enter that kind's top `capacity`; a public-welfare
    /// row below the market's `capacity`-th lower bound cannot reach the ranked list either (see
    /// ``scan(row:count:offset:eligible:columns:profile:ids:market:welfare:)``). The rest are rescored exactly
    /// from the float32 rows and collected as the float32 path collects them, ties by job id.
    func compactScore(vector: [Float], profile: ApplicantRuleProfile, ranges: [Range<Int>], eligible: [UInt8], capacity: Int) -> Collected {
        let query = CompactQuery(vector, isaLimit: configuration.compactKernelLimit)
        let pieceRows = max(64, configuration.compactPieceRows)
        let pieces = ranges.flatMap { range in
            stride(from: range.lowerBound, to: range.upperBound, by: pieceRows).map { $0..<min($0 + pieceRows, range.upperBound) }
        }
        let workers = max(1, min(configuration.blasThreads, pieces.count))
        let compact = index.compact, columns = index.columns
        var selections = [CompactSelection](repeating: CompactSelection(capacity: capacity), count: workers)
        selections.withUnsafeMutableBufferPointer { out in
            let target = SelectionTarget(base: out.baseAddress!)
            let work: @Sendable (Int) -> Void = { w in
                var selection = CompactSelection(capacity: capacity)
                var upper = [Float](repeating: 0, count: pieceRows), lower = upper
                upper.withUnsafeMutableBufferPointer { up in
                    lower.withUnsafeMutableBufferPointer { low in
                        eligible.withUnsafeBufferPointer { eligible in
                            for p in stride(from: w, to: pieces.count, by: workers) {
                                query.bounds(rows: pieces[p], in: compact, upper: up.baseAddress!, lower: low.baseAddress!)
                                Self.compactScan(offset: pieces[p].lowerBound, count: pieces[p].count, upper: up.baseAddress!,
                                                 lower: low.baseAddress!, eligible: eligible.baseAddress!, columns: columns,
                                                 profile: profile, selection: &selection)
                            }
                        }
                    }
                }
                target.base[w] = selection
            }
            if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        }
        var marketBounds = BoundHeap(capacity: capacity), welfareBounds = BoundHeap(capacity: capacity)
        for selection in selections {
            for x in selection.marketBounds.values { marketBounds.insert(x) }
            for x in selection.welfareBounds.values { welfareBounds.insert(x) }
        }
        let marketFloor = marketBounds.threshold
        let welfareFloor = max(marketFloor, welfareBounds.threshold)
        let marketRows = selections.flatMap { $0.market.filter { $0.upper >= marketFloor }.map(\.row) }
        let welfareRows = selections.flatMap { $0.welfare.filter { $0.upper >= welfareFloor }.map(\.row) }
        let ids = index.ids
        var market = TopKCollector(capacity: capacity), welfare = TopKCollector(capacity: capacity)
        for (row, s) in zip(marketRows, query.exactScores(rows: marketRows, in: index.vectors)) { market.offer(score: s, row: row, ids: ids) }
        for (row, s) in zip(welfareRows, query.exactScores(rows: welfareRows, in: index.vectors)) { welfare.offer(score: s, row: row, ids: ids) }
        return Collected(market: market.sorted(ids: ids), publicWelfare: welfare.sorted(ids: ids))
    }

    /// One piece of bounds into a worker's selection: the upper bound against the market's floor first,
    /// then the per-job mask and the hard rules, only for rows that could enter.
    @inline(__always)
    static func compactScan(offset: Int, count: Int, upper: UnsafePointer<Float>, lower: UnsafePointer<Float>,
                            eligible: UnsafePointer<UInt8>, columns: RuleColumns, profile: ApplicantRuleProfile,
                            selection: inout CompactSelection)
    {
        var floor = selection.marketBounds.threshold
        for j in 0..<count {
            let up = upper[j]
            if up < floor { continue }
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

/// The workers' selections, each written by one worker at its own index.
private struct SelectionTarget: @unchecked Sendable {
    let base: UnsafeMutablePointer<CompactSelection>
}
