import Testing
@testable import JobMatchCore

/// The compact (int8) matrix: its bounds hold for every row, and the lists it gives are the float32
/// ranking exactly (same jobs, same scores, ties by job id, hard rules and fallback included).
@Suite struct CompactMatrixTests {
    /// Kinds of random rows: dense uniform, sparse with a few large entries, and small dyadic values
    /// (exact float arithmetic in any order, so many scores tie exactly).
    enum Kind: CaseIterable { case dense, sparse, dyadic }

    static func randomRows(_ n: Int, _ d: Int, _ kind: Kind, _ g: inout SeededGenerator) -> [[Float]] {
        (0..<n).map { _ in
            (0..<d).map { _ in
                switch kind {
                case .dense: Float(g.nextUnit() * 2 - 1)
                case .sparse: g.nextUnit() < 0.9 ? 0 : Float((g.nextUnit() * 2 - 1) * (g.nextUnit() < 0.1 ? 5 : 0.2))
                case .dyadic: Float(Int(g.next() % 9) - 4) / 8
                }
            }
        }
    }

    /// The naive float32 dot product, summed in index order.
    static func dot(_ a: [Float], _ b: ArraySlice<Float>) -> Float {
        var sum: Float = 0
        for (x, y) in zip(a, b) { sum += x * y }
        return sum
    }

    @Test(arguments: [0, 1, 2], [64, 256, 384])
    func boundsHoldForEveryRow(isa: Int, d: Int) {
        var g = SeededGenerator(seed: UInt64(17 * d + isa))
        for kind in Kind.allCases {
            let rows = Self.randomRows(301, d, kind, &g)
            let matrix = CompactJobMatrix(vectors: rows.flatMap { $0 }, dimension: d)
            for a in Self.randomRows(5, d, kind, &g) + [[Float](repeating: 0, count: d)] {
                let query = CompactQuery(a, isaLimit: isa)
                #expect(query.isa <= isa)
                var upper = [Float](repeating: .nan, count: 301), lower = upper
                upper.withUnsafeMutableBufferPointer { up in
                    lower.withUnsafeMutableBufferPointer { low in
                        query.bounds(rows: 0..<301, in: matrix, upper: up.baseAddress!, lower: low.baseAddress!)
                    }
                }
                for (r, row) in rows.enumerated() {
                    let exact = Self.dot(a, row[...])
                    #expect(lower[r] <= exact && exact <= upper[r], "\(kind), row \(r): \(lower[r]) ≤ \(exact) ≤ \(upper[r])")
                }
                let some: [Int32] = [0, 300, 7, 7, 150]
                #expect(query.exactScores(rows: some, in: rows.flatMap { $0 }) == some.map { Self.dot(a, rows[Int($0)][...]) })
            }
        }
    }

    /// The expected list for one applicant by brute force: every job the hard rules (and `filter`) allow,
    /// scored by the naive loop, market and public-welfare kinds ranked by score then id, then the
    /// fallback policy.
    static func bruteForce(_ matcher: Matcher, _ applicant: Applicant, _ v: [Float], m: Int, asOf: Timestamp, filter: JobFilter) -> [ScoredJob] {
        let index = matcher.index, d = index.dimension
        var market: [(row: Int, score: Float)] = [], welfare: [(row: Int, score: Float)] = []
        for row in 0..<index.count where HardRules.allows(applicant: applicant, job: index.jobs[row], at: asOf) {
            let job = index.jobs[row]
            if let types = filter.jobTypes, !types.contains(job.jobType) { continue }
            let s = dot(v, index.vectors[(row * d)..<((row + 1) * d)])
            if job.jobType == .publicWelfare { welfare.append((row, s)) } else { market.append((row, s)) }
        }
        let order: ((row: Int, score: Float), (row: Int, score: Float)) -> Bool = {
            $0.score > $1.score || ($0.score == $1.score && index.ids[$0.row] < index.ids[$1.row])
        }
        return matcher.rank(market: Array(market.sorted(by: order).prefix(m)), publicWelfare: Array(welfare.sorted(by: order).prefix(m)),
                            k: m, wishesPublicWelfare: applicant.preferences.jobTypes.contains(.publicWelfare))
    }

    static func compactMatcher(_ index: JobIndex, isa: Int, threads: Int) -> Matcher {
        var configuration = MatcherConfiguration()
        configuration.compactFromRows = 0
        configuration.compactPieceRows = 333
        configuration.compactKernelLimit = isa
        configuration.blasThreads = threads
        return Matcher(index: index, configuration: configuration)
    }

    @Test(arguments: [0, 1, 2])
    func randomMatricesGiveTheFloat32Lists(isa: Int) {
        var market = TestMarket(seed: 1300 + UInt64(isa))
        let (applicants, jobs) = market.market(applicants: 24, jobs: 1500)
        let model = MatchModel.build(from: applicants, jobs: jobs)
        let d = model.dimension
        var g = SeededGenerator(seed: 99 + UInt64(isa))
        for kind in Kind.allCases {
            var rows = Self.randomRows(jobs.count, d, kind, &g)
            for i in stride(from: 0, to: rows.count, by: 7) { rows[i] = rows[(i * 13) % rows.count] }  // exact duplicates: ties
            let index = JobIndex(model: model, jobs: jobs, vectors: rows)
            let vectors = Self.randomRows(applicants.count, d, kind, &g)
            let matchers = [1, 2].map { Self.compactMatcher(index, isa: isa, threads: $0) }
            for (a, v) in zip(applicants, vectors) {
                for m in [1, 10, 60] {
                    let expected = Self.bruteForce(matchers[0], a, v, m: m, asOf: market.asOf, filter: .all)
                    for matcher in matchers {
                        let got = matcher.topCandidates(applicants: [a], vectors: [v], m: m, asOf: market.asOf)[0]
                        #expect(got == expected, "\(kind) \(a.id) m = \(m)")
                    }
                }
            }
        }
    }

    @Test func generatedMarketGivesTheFloat32Lists() {
        let (applicants, jobs, asOf) = MatcherTests.market
        let index = JobIndex(model: MatcherTests.model, jobs: SpatialOrder.jobs(jobs))
        let gig = JobFilter(jobTypes: [.gig, .partTime, .publicWelfare])
        let matchers = [0, 2].map { Self.compactMatcher(index, isa: $0, threads: 2) }
        let people = Array(applicants.prefix(120))
        for (m, filter) in [(10, JobFilter.all), (40, gig)] {
            let expected = people.map { Self.bruteForce(matchers[0], $0, index.extractor.applicantVector($0, at: asOf), m: m, asOf: asOf, filter: filter) }
            for matcher in matchers {
                for (a, list) in zip(people, expected) {
                    #expect(matcher.topCandidates(applicants: [a], m: m, asOf: asOf, filter: filter)[0] == list, "\(a.id) m = \(m)")
                }
                // Small blocks (a daemon's coalesced requests) are scored together on the compact matrix: each
                // person's list is the one they get alone.
                for size in [3, 17, 64] {
                    for start in stride(from: 0, to: people.count, by: size) {
                        let block = Array(people[start..<min(start + size, people.count)])
                        #expect(matcher.topCandidates(applicants: block, m: m, asOf: asOf, filter: filter) == Array(expected[start..<start + block.count]),
                                "block of \(size) from \(start)")
                    }
                }
            }
        }
    }

    /// A coalesced block mixes people on the compact matrix (wide reach) with people on the float32 path (a
    /// commute limit, a reach under ``MatcherConfiguration/compactFromRows``); pieces of the shared pass of
    /// every size, one or two workers: each person's list is still the brute-force one, and the one they get alone.
    @Test(arguments: [1, 2])
    func mixedBlocksGiveEveryoneTheirOwnList(threads: Int) {
        let (applicants, jobs, asOf) = MatcherTests.market
        let index = JobIndex(model: MatcherTests.model, jobs: SpatialOrder.jobs(jobs))
        var configuration = MatcherConfiguration()
        configuration.compactFromRows = jobs.count / 3
        configuration.compactBlockPieceRows = 100
        configuration.blasThreads = threads
        configuration.blockThreads = threads
        let matcher = Matcher(index: index, configuration: configuration)
        let profiles = applicants.map { ApplicantRuleProfile($0, at: asOf) }
        let live = matcher.liveChunks(eligible: index.eligibility(at: asOf, filter: .all))
        let reach = profiles.map { matcher.planRanges(profiles: [$0], live: live).reduce(0) { $0 + $1.count } }
        #expect(reach.contains { $0 >= configuration.compactFromRows } && reach.contains { $0 < configuration.compactFromRows },
                "the market has people on both paths")
        let people = Array(applicants.prefix(128))
        let expected = people.map { Self.bruteForce(matcher, $0, index.extractor.applicantVector($0, at: asOf), m: 10, asOf: asOf, filter: .all) }
        // The compact path rescores in the naive loop's order (exactly the brute force); the float32 path's OpenBLAS
        // sums in its own order, so its scores may differ from the naive loop's in the last bits, never its jobs.
        func same(_ got: [ScoredJob], _ want: [ScoredJob]) -> Bool {
            got.map(\.job) == want.map(\.job) && got.map(\.isFallback) == want.map(\.isFallback)
                && zip(got, want).allSatisfy { abs($0.score - $1.score) <= 1e-5 }
        }
        let alone = people.map { matcher.topCandidates(applicants: [$0], m: 10, asOf: asOf)[0] }
        for (i, a) in people.enumerated() {
            #expect(same(alone[i], expected[i]), "\(a.id) alone")
            if reach[i] >= configuration.compactFromRows { #expect(alone[i] == expected[i], "\(a.id) alone, compact") }
        }
        for size in [2, 5, 31, 64] {
            for start in stride(from: 0, to: people.count, by: size) {
                let block = Array(people[start..<min(start + size, people.count)])
                let got = matcher.topCandidates(applicants: block, m: 10, asOf: asOf)
                for (j, list) in got.enumerated() {
                    #expect(same(list, expected[start + j]), "block of \(size) from \(start), person \(j)")
                    if reach[start + j] >= configuration.compactFromRows { #expect(list == alone[start + j], "compact, as alone") }
                }
            }
        }
    }

    @Test func patchingKeepsTheCompactCopyInStep() {
        let jobs = MatcherTests.market.jobs
        var patched = JobIndex(model: MatcherTests.model, jobs: jobs)
        for i in stride(from: 3, to: jobs.count, by: 97) {
            var changed = jobs[i]
            changed.title = "仓库叉车工"
            changed.skillsRequired = ["叉车", "电工"]
            patched.upsert(changed)
        }
        for i in stride(from: 10, to: jobs.count, by: 131) { patched.remove(id: jobs[i].id) }
        var extra = jobs[1]
        extra.id = "J-extra"
        patched.patch(upserts: [extra], removals: [jobs[2].id])
        let rebuilt = CompactJobMatrix(vectors: patched.vectors, dimension: patched.dimension)
        #expect(patched.compact.count == patched.count)
        #expect(patched.compact.codes == rebuilt.codes)
        #expect(patched.compact.scale == rebuilt.scale && patched.compact.error2 == rebuilt.error2)
        #expect(patched.compact.hat1 == rebuilt.hat1 && patched.compact.hat2 == rebuilt.hat2)
        // Without the compact copy, patches leave it empty and every query takes the float32 path.
        var plain = JobIndex(model: MatcherTests.model, jobs: jobs, compact: false)
        plain.patch(upserts: [extra], removals: [jobs[2].id, jobs[5].id])
        #expect(plain.compact.count == 0 && plain.count == jobs.count - 1)
        let a = MatcherTests.market.applicants[0]
        #expect(Self.compactMatcher(plain, isa: 2, threads: 1).topCandidates(applicants: [a], m: 10, asOf: MatcherTests.market.asOf)
            == Matcher(index: plain).topCandidates(applicants: [a], m: 10, asOf: MatcherTests.market.asOf))
    }
}
