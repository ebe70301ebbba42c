import CJobMatchKernels
import Testing
@testable import JobMatchCore

/// The compact matrix for whole blocks of people (the batch, coalesced daemon requests): the block kernel's
/// upper bounds hold for every pair, and the block lists are the brute-force float32 ranking exactly
/// (same jobs, same scores, ties by job id, hard rules, filters and the fallback included).
@Suite struct CompactBlockTests {
    typealias Kind = CompactMatrixTests.Kind

    /// Upper bounds of `members` (indices into `queries`) on every row of `rows`, from the block kernel.
    static func blockUpper(_ rows: [[Float]], _ queries: [[Float]], members: [Int32], isa: Int) -> [Float] {
        let d = rows[0].count, n = rows.count
        let matrix = CompactJobMatrix(vectors: rows.flatMap { $0 }, dimension: d)
        var codes = [Int8](repeating: 0, count: queries.count * d)
        var quantized = [jmk_query](repeating: jmk_query(), count: queries.count)
        var constants = [jmk_bound_constants](repeating: jmk_bound_constants(), count: queries.count)
        for (i, a) in queries.enumerated() {
            codes.withUnsafeMutableBufferPointer { c in jmk_quantize_query(a, Int32(d), c.baseAddress! + i * d, &quantized[i]) }
            jmk_query_constants(&quantized[i], Int32(d), &constants[i])
        }
        var upper = [Float](repeating: .nan, count: members.count * n)
        var scratch = [UInt8](repeating: 0, count: (n + 15) / 16 * 16 * d + 4 * n)
        matrix.scale.withUnsafeBufferPointer { s in
            matrix.error2.withUnsafeBufferPointer { e in
                matrix.hat1.withUnsafeBufferPointer { h1 in
                    matrix.hat2.withUnsafeBufferPointer { h2 in
                        let stats = jmk_row_stats(scale: s.baseAddress!, error2: e.baseAddress!, hat1: h1.baseAddress!, hat2: h2.baseAddress!)
                        jmk_block_upper(matrix.codes, stats, Int64(n), Int32(d), codes, quantized, constants, members, Int32(members.count),
                                        Int32(isa), &scratch, &upper, Int64(n))
                    }
                }
            }
        }
        return upper
    }

    @Test(arguments: [0, 1, 2], [64, 256])
    func blockBoundsHoldForEveryPair(isa: Int, d: Int) {
        var g = SeededGenerator(seed: UInt64(31 * d + isa))
        for kind in Kind.allCases {
            let rows = CompactMatrixTests.randomRows(203, d, kind, &g)  // 12 full panels of 16 and a partial one
            let queries = CompactMatrixTests.randomRows(20, d, kind, &g) + [[Float](repeating: 0, count: d)]
            let members: [Int32] = [20, 3, 3, 0, 7, 19, 11, 12, 13, 14, 15, 16, 1]  // not a multiple of 8, repeats, the zero vector
            let upper = Self.blockUpper(rows, queries, members: members, isa: isa)
            for (slot, a) in members.enumerated() {
                for (r, row) in rows.enumerated() {
                    let exact = CompactMatrixTests.dot(queries[Int(a)], row[...])
                    #expect(exact <= upper[slot * rows.count + r], "\(kind) query \(a) row \(r): \(exact) ≤ \(upper[slot * rows.count + r])")
                }
            }
        }
    }

    static func blockMatcher(_ index: JobIndex, isa: Int, threads: Int, chunkSkipping: Bool = true) -> Matcher {
        var configuration = MatcherConfiguration()
        configuration.compactBlocksFromISA = 0
        configuration.compactBlocksFrom = 1
        configuration.compactKernelLimit = isa
        configuration.blockThreads = threads
        configuration.blasThreads = threads
        configuration.splitBlocksUpTo = 0  // every block scored together
        configuration.skipsExcludedChunks = chunkSkipping
        return Matcher(index: index, configuration: configuration)
    }

    @Test(arguments: [0, 1, 2])
    func randomMatricesGiveTheFloat32Lists(isa: Int) {
        var market = TestMarket(seed: 1700 + UInt64(isa))
        let (applicants, jobs) = market.market(applicants: 40, jobs: 1300)
        let model = MatchModel.build(from: applicants, jobs: jobs)
        let d = model.dimension
        var g = SeededGenerator(seed: 77 + UInt64(isa))
        for kind in Kind.allCases {
            var rows = CompactMatrixTests.randomRows(jobs.count, d, kind, &g)
            for i in stride(from: 0, to: rows.count, by: 5) { rows[i] = rows[(i * 11) % rows.count] }  // exact duplicates: ties
            let index = JobIndex(model: model, jobs: jobs, vectors: rows)
            let vectors = CompactMatrixTests.randomRows(applicants.count, d, kind, &g)
            for m in [1, 10, 50] {
                let expected = zip(applicants, vectors).map {
                    CompactMatrixTests.bruteForce(Self.blockMatcher(index, isa: isa, threads: 1), $0, $1, m: m, asOf: market.asOf, filter: .all)
                }
                for threads in [1, 2] {
                    let got = Self.blockMatcher(index, isa: isa, threads: threads).topCandidates(
                        applicants: applicants, vectors: vectors, m: m, asOf: market.asOf)
                    #expect(got == expected, "\(kind) m = \(m) threads = \(threads)")
                }
            }
        }
    }

    @Test func generatedMarketGivesTheFloat32Lists() {
        let (applicants, jobs, asOf) = MatcherTests.market
        let index = JobIndex(model: MatcherTests.model, jobs: SpatialOrder.jobs(jobs))
        let gig = JobFilter(jobTypes: [.gig, .partTime, .publicWelfare])
        let people = Array(applicants.prefix(150))
        let plain = Self.blockMatcher(index, isa: 0, threads: 1)
        for (m, filter) in [(10, JobFilter.all), (40, gig)] {
            let expected = people.map {
                CompactMatrixTests.bruteForce(plain, $0, index.extractor.applicantVector($0, at: asOf), m: m, asOf: asOf, filter: filter)
            }
            // The block really takes the compact path (not the sgemm one) in these matchers, and not by default below 16 people.
            let eligible = index.eligibility(at: asOf, filter: filter), live = plain.liveChunks(eligible: eligible)
            let profiles = people.map { ApplicantRuleProfile($0, at: asOf) }, vectors = plain.applicantVectors(people, asOf: asOf)
            #expect(plain.compactBlock(Array(people.indices), vectors: vectors, profiles: profiles, eligible: eligible, live: live,
                                       capacity: m)?.count == people.count)
            #expect(Matcher(index: index).compactBlock(Array(0..<15), vectors: vectors, profiles: Array(profiles.prefix(15)),
                                                       eligible: eligible, live: live, capacity: m) == nil)
            for isa in [0, 2] {
                for (threads, skipping) in [(1, true), (2, true), (2, false)] {
                    let matcher = Self.blockMatcher(index, isa: isa, threads: threads, chunkSkipping: skipping)
                    #expect(matcher.topCandidates(applicants: people, m: m, asOf: asOf, filter: filter) == expected,
                            "isa \(isa) threads \(threads) m = \(m)")
                }
            }
        }
    }
}
