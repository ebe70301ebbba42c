import Testing
@testable import JobMatchCore

@Suite struct KernelParityTests {
    func randomMatrix(_ rows: Int, _ d: Int, _ generator: inout SeededGenerator) -> [Float] {
        (0..<(rows * d)).map { _ in Float(generator.nextUnit() * 2 - 1) }
    }

    @Test(arguments: [(1, 37), (3, 5), (17, 300), (64, 129)])
    func blasAgreesWithReference(m: Int, n: Int) {
        var generator = SeededGenerator(seed: UInt64(m * 1000 + n))
        let d = 256
        let a = randomMatrix(m, d, &generator)
        let j = randomMatrix(n, d, &generator)
        var reference = [Float](repeating: 0, count: m * n)
        var blas = [Float](repeating: .nan, count: m * n)
        a.withUnsafeBufferPointer { a in
            j.withUnsafeBufferPointer { j in
                reference.withUnsafeMutableBufferPointer { c in
                    ReferenceKernel().score(applicants: a.baseAddress!, applicantCount: m, jobs: j.baseAddress!, jobCount: n, dimension: d, scores: c.baseAddress!)
                }
                blas.withUnsafeMutableBufferPointer { c in
                    BLASKernel(threads: 2).score(applicants: a.baseAddress!, applicantCount: m, jobs: j.baseAddress!, jobCount: n, dimension: d, scores: c.baseAddress!)
                }
            }
        }
        for i in 0..<(m * n) { #expect(abs(reference[i] - blas[i]) <= 1e-4 * (1 + abs(reference[i]))) }
    }

    @Test func matcherListsAgreeAcrossKernelsAndBlocks() throws {
        var market = TestMarket(seed: 21)
        let (applicants, jobs) = market.market(applicants: 60, jobs: 700)
        let model = MatchModel.build(from: applicants, jobs: jobs)
        let index = JobIndex(model: model, jobs: jobs)
        var reference = MatcherConfiguration()
        reference.useReferenceKernel = true
        var blocked = MatcherConfiguration()
        blocked.applicantBlock = 7
        blocked.jobBlock = 50
        blocked.blasThreads = 2
        blocked.blockThreads = 3
        let expected = Matcher(index: index, configuration: reference).topCandidates(applicants: applicants, m: 10, asOf: market.asOf)
        let actual = Matcher(index: index, configuration: blocked).topCandidates(applicants: applicants, m: 10, asOf: market.asOf)
        let single = applicants.map { Matcher(index: index).topCandidates(applicants: [$0], m: 10, asOf: market.asOf)[0] }
        for (i, list) in expected.enumerated() {
            expectSameRanking(list, actual[i])
            expectSameRanking(list, single[i])
        }
    }

    /// Same scores rank by rank, and the same jobs except where float rounding can reorder near-ties.
    func expectSameRanking(_ x: [ScoredJob], _ y: [ScoredJob], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(x.count == y.count, sourceLocation: sourceLocation)
        for (a, b) in zip(x, y) { #expect(abs(a.score - b.score) < 1e-4, sourceLocation: sourceLocation) }
        for (position, a) in x.enumerated() where a.job != y[position].job {
            let nearTie = x.contains { $0.job != a.job && abs($0.score - a.score) < 1e-4 }
                || (position == x.count - 1)
            #expect(nearTie, "rank \(position + 1): \(a.job) vs \(y[position].job)", sourceLocation: sourceLocation)
        }
    }
}
