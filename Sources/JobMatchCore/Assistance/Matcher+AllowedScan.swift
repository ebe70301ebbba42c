import CJobMatchKernels

/// One person's allowed postings with bounds on their scores, in one pass over their reach: what a plan reads
/// (the market reach, the fitting postings, the top list, and what bounds a course's effect).
extension Matcher {
    /// Every posting open at the time that no hard rule forbids the person, market and public-welfare apart,
    /// in row order, each with an upper and a lower bound on its exact score.
    struct AllowedScan {
        var market: [Int32] = []
        var marketUpper: [Float] = []
        var marketLower: [Float] = []
        var welfare: [Int32] = []
        var welfareUpper: [Float] = []
        var welfareLower: [Float] = []
        /// The bounds are the exact scores (the float32 path); else they come from the compact matrix.
        var exact: Bool
    }

    /// The person's allowed postings over the chunks their commute limit leaves (``planRanges(profiles:live:)``).
    /// The compact matrix gives the bounds when the person's list would be scored on it (the same condition as
    /// ``compactEach(_:vectors:profiles:live:eligible:capacity:)``); else the kernel scores every row exactly, in
    /// the same calls as the person's list.
    func allowedScan(vector: [Float], profile: ApplicantRuleProfile, asOf: Timestamp) -> AllowedScan {
        let eligible = index.eligibility(at: asOf, filter: .all)
        let ranges = planRanges(profiles: [profile], live: liveChunks(eligible: eligible))
        let columns = index.columns
        let compactPath = configuration.usesCompactMatrix && !configuration.useReferenceKernel && index.compact.count == index.count
            && ranges.reduce(0) { $0 + $1.count } >= configuration.compactFromRows
        var scan = AllowedScan(exact: !compactPath)
        func keep(_ r: Int, _ upper: Float, _ lower: Float) {
            guard eligible[r] != 0, columns.allows(profile, r) else { return }
            if columns.publicWelfare[r] {
                scan.welfare.append(Int32(r)); scan.welfareUpper.append(upper); scan.welfareLower.append(lower)
            } else {
                scan.market.append(Int32(r)); scan.marketUpper.append(upper); scan.marketLower.append(lower)
            }
        }
        let width = compactPath ? max(64, configuration.compactPieceRows) : max(1, configuration.singleApplicantJobBlock)
        var upper = [Float](repeating: 0, count: min(width, max(1, index.count))), lower = upper
        let query = compactPath ? CompactQuery(vector, isaLimit: configuration.compactKernelLimit) : nil
        let d = index.dimension
        for range in ranges {
            for start in stride(from: range.lowerBound, to: range.upperBound, by: width) {
                let piece = start..<min(start + width, range.upperBound)
                upper.withUnsafeMutableBufferPointer { up in
                    lower.withUnsafeMutableBufferPointer { low in
                        if let query {
                            query.bounds(rows: piece, in: index.compact, upper: up.baseAddress!, lower: low.baseAddress!)
                        } else {
                            vector.withUnsafeBufferPointer { a in
                                index.vectors.withUnsafeBufferPointer { j in
                                    kernel.score(applicants: a.baseAddress!, applicantCount: 1, jobs: j.baseAddress! + start * d,
                                                 jobCount: piece.count, dimension: d, scores: up.baseAddress!)
                                }
                            }
                        }
                    }
                }
                for k in 0..<piece.count { keep(start + k, upper[k], query == nil ? upper[k] : lower[k]) }
            }
        }
        return scan
    }

    /// Exact scores of job rows `rows` for `vector`, summed in index order without fused multiply-add (what the
    /// compact path rescores its candidates with, ``CompactQuery/exactScores(rows:in:)``).
    func exactScores(_ vector: [Float], rows: [Int32]) -> [Float] {
        var scores = [Float](repeating: 0, count: rows.count)
        guard !rows.isEmpty else { return scores }
        index.vectors.withUnsafeBufferPointer { j in
            rows.withUnsafeBufferPointer { r in
                vector.withUnsafeBufferPointer { a in
                    scores.withUnsafeMutableBufferPointer { out in
                        jmk_exact_scores(j.baseAddress!, r.baseAddress!, Int64(rows.count), Int32(index.dimension), a.baseAddress!, out.baseAddress!)
                    }
                }
            }
        }
        return scores
    }

    /// `scores[v * rows.count + i]` = profile `v`'s score on job row `rows[i]`, by the matcher's kernel over the rows
    /// gathered into blocks of at most ``MatcherConfiguration/jobBlock`` (one sgemm for every profile per block).
    func kernelScores(_ vectors: [[Float]], rows: [Int32]) -> [Float] {
        let d = index.dimension, n = vectors.count, m = rows.count
        guard n > 0, m > 0 else { return [] }
        let block = min(m, max(1, configuration.jobBlock))
        var gathered = [Float](repeating: 0, count: block * d)
        var part = [Float](repeating: 0, count: n * block)
        let matrix = vectors.flatMap { $0 }
        var scores = [Float](repeating: 0, count: n * m)
        for lo in stride(from: 0, to: m, by: block) {
            let mc = min(block, m - lo)
            index.vectors.withUnsafeBufferPointer { j in
                gathered.withUnsafeMutableBufferPointer { g in
                    for i in 0..<mc { (g.baseAddress! + i * d).update(from: j.baseAddress! + Int(rows[lo + i]) * d, count: d) }
                }
            }
            matrix.withUnsafeBufferPointer { a in
                gathered.withUnsafeBufferPointer { g in
                    part.withUnsafeMutableBufferPointer { c in
                        kernel.score(applicants: a.baseAddress!, applicantCount: n, jobs: g.baseAddress!, jobCount: mc, dimension: d, scores: c.baseAddress!)
                    }
                }
            }
            for v in 0..<n {
                for i in 0..<mc { scores[v * m + lo + i] = part[v * mc + i] }
            }
        }
        return scores
    }
}
