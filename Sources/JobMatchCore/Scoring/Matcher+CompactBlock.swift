import CJobMatchKernels
import Dispatch

extension Matcher {
    /// A block scored on the compact matrix, chunk by chunk: per chunk of ``RuleColumns/chunkRows`` rows, the
    /// members who may reach it get upper bounds of their exact scores from one int8 kernel call (the
    /// chunk's codes stay in cache while every member passes over them), and ``scan(row:count:offset:eligible:columns:profile:ids:market:welfare:exact:)``
    /// runs over those bounds, rescoring exactly (the naive float32 dot product) only the rows that could
    /// enter. Nil when the block takes the float32 sgemm path (compact blocks off, no compact copy, fewer than
    /// ``MatcherConfiguration/compactBlocksFrom`` members, or a CPU below ``MatcherConfiguration/compactBlocksFromISA``).
    ///
    /// The lists are the exact-score lists: a row is passed over only when its upper bound is below the
    /// market collector's threshold (the worst kept exact score once full), so its exact score is too.
    func compactBlock(_ members: [Int], vectors: [[Float]], profiles: [ApplicantRuleProfile], eligible: [UInt8], live: [Bool],
                      capacity: Int) -> [Collected]?
    {
        let d = index.dimension
        guard configuration.usesCompactBlocks, configuration.usesCompactMatrix, !configuration.useReferenceKernel,
              members.count >= max(1, configuration.compactBlocksFrom), index.compact.count == index.count, index.count > 0, d > 0,
              Int(jmk_isa(Int32(configuration.compactKernelLimit))) >= configuration.compactBlocksFromISA else { return nil }
        let bm = members.count
        var matrix = [Float](repeating: 0, count: bm * d)
        var codes = [Int8](repeating: 0, count: bm * d)
        var queries = [jmk_query](repeating: jmk_query(), count: bm)
        var constants = [jmk_bound_constants](repeating: jmk_bound_constants(), count: bm)
        for (i, a) in members.enumerated() {
            matrix.replaceSubrange(i * d..<(i + 1) * d, with: vectors[a])
            vectors[a].withUnsafeBufferPointer { v in
                codes.withUnsafeMutableBufferPointer { c in
                    jmk_quantize_query(v.baseAddress!, Int32(d), c.baseAddress! + i * d, &queries[i])
                }
            }
            jmk_query_constants(&queries[i], Int32(d), &constants[i])
        }
        let size = RuleColumns.chunkRows
        let chunks = planRanges(profiles: profiles, live: live).flatMap { range in stride(from: range.lowerBound / size, to: (range.upperBound + size - 1) / size, by: 1) }
        var market = [TopKCollector](repeating: TopKCollector(capacity: capacity), count: bm)
        var welfare = [TopKCollector](repeating: TopKCollector(capacity: capacity), count: bm)
        let workers = bm >= 2 * configuration.blockThreads ? max(1, configuration.blockThreads) : 1
        let isa = Int32(configuration.compactKernelLimit)
        let compact = index.compact, columns = index.columns, ids = index.ids, jobCount = index.count
        matrix.withUnsafeBufferPointer { a in
            index.vectors.withUnsafeBufferPointer { j in
                codes.withUnsafeBufferPointer { q in
                    queries.withUnsafeBufferPointer { qs in
                        constants.withUnsafeBufferPointer { cs in
                            market.withUnsafeMutableBufferPointer { m in
                                welfare.withUnsafeMutableBufferPointer { w in
                                    let block = CompactBlockBuffers(
                                        applicants: a.baseAddress!, jobs: j.baseAddress!, codes: q.baseAddress!, queries: qs.baseAddress!,
                                        constants: cs.baseAddress!, market: m.baseAddress!, welfare: w.baseAddress!)
                                    let work: @Sendable (Int) -> Void = { worker in
                                        Self.compactBlockWorker(
                                            rows: bm * worker / workers..<bm * (worker + 1) / workers, chunks: chunks, block: block,
                                            compact: compact, jobCount: jobCount, dimension: d, isa: isa, eligible: eligible, columns: columns,
                                            profiles: profiles, ids: ids)
                                    }
                                    if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0..<bm).map { Collected(market: market[$0].sorted(ids: ids), publicWelfare: welfare[$0].sorted(ids: ids)) }
    }

    /// One worker's members `rows` of the block over every chunk of `chunks`: bounds, then the scan.
    static func compactBlockWorker(
        rows: Range<Int>, chunks: [Int], block: CompactBlockBuffers, compact: CompactJobMatrix, jobCount: Int, dimension d: Int,
        isa: Int32, eligible: [UInt8], columns: RuleColumns, profiles: [ApplicantRuleProfile], ids: [String]
    ) {
        let size = RuleColumns.chunkRows
        var reaching = [Int32](repeating: 0, count: rows.count)
        var upper = [Float](repeating: 0, count: rows.count * size)
        var scratch = [UInt8](repeating: 0, count: (size + 15) / 16 * 16 * d + 4 * size)
        compact.codes.withUnsafeBufferPointer { codes in
            compact.scale.withUnsafeBufferPointer { s in
                compact.error2.withUnsafeBufferPointer { e in
                    compact.hat1.withUnsafeBufferPointer { h1 in
                        compact.hat2.withUnsafeBufferPointer { h2 in
                            reaching.withUnsafeMutableBufferPointer { reach in
                                upper.withUnsafeMutableBufferPointer { up in
                                    scratch.withUnsafeMutableBufferPointer { scratch in
                                        for c in chunks {
                                            var n = 0
                                            for i in rows where columns.chunkMayAllow(c, profiles[i]) {
                                                reach[n] = Int32(i)
                                                n += 1
                                            }
                                            guard n > 0 else { continue }
                                            let start = c * size, count = min(size, jobCount - start)
                                            let stats = jmk_row_stats(scale: s.baseAddress! + start, error2: e.baseAddress! + start,
                                                                      hat1: h1.baseAddress! + start, hat2: h2.baseAddress! + start)
                                            jmk_block_upper(codes.baseAddress! + start * d, stats, Int64(count), Int32(d), block.codes,
                                                            block.queries, block.constants, reach.baseAddress!, Int32(n), isa,
                                                            scratch.baseAddress!, up.baseAddress!, Int64(size))
                                            for slot in 0..<n {
                                                let i = Int(reach[slot])
                                                let a = block.applicants + i * d
                                                scan(row: up.baseAddress! + slot * size, count: count, offset: start, eligible: eligible,
                                                     columns: columns, profile: profiles[i], ids: ids, market: &block.market[i],
                                                     welfare: &block.welfare[i]) { r, _ in
                                                    var row = Int32(r), exact: Float = 0
                                                    jmk_exact_scores(block.jobs, &row, 1, Int32(d), a, &exact)
                                                    return exact
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Pointers into one compact block's queries and collectors, shared by workers that touch disjoint members.
struct CompactBlockBuffers: @unchecked Sendable {
    let applicants: UnsafePointer<Float>
    let jobs: UnsafePointer<Float>
    let codes: UnsafePointer<Int8>
    let queries: UnsafePointer<jmk_query>
    let constants: UnsafePointer<jmk_bound_constants>
    let market: UnsafeMutablePointer<TopKCollector>
    let welfare: UnsafeMutablePointer<TopKCollector>
}
