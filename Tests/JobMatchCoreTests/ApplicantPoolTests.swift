import Foundation
import Testing
@testable import JobMatchCore

/// Reverse matching over a cached, patched pool gives what extracting every vector at the request gives.
@Suite struct ApplicantPoolTests {
    @Test func patchedPoolMatchesFreshExtraction() {
        var m = TestMarket(seed: 7)
        let (applicants, jobs) = m.market(applicants: 300, jobs: 200)
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: applicants, jobs: jobs), jobs: jobs))
        // A pool built at another time in the same year, then patched: some removed, some changed, some added.
        let earlier = m.asOf.adding(days: -3)
        #expect(earlier.year == m.asOf.year)
        var pool = ApplicantPool(extractor: matcher.extractor, applicants: Array(applicants.prefix(250)), at: earlier)
        var changed = Array(applicants[100..<120])
        for i in changed.indices { changed[i].skills = ["叉车", "仓储"] }
        pool.patch(upserts: changed + Array(applicants[250...]), removals: applicants[0..<30].map(\.id))
        var expected = Array(applicants[30...])
        for c in changed { expected[expected.firstIndex { $0.id == c.id }!] = c }
        #expect(pool.count == expected.count)
        var compared = 0
        for job in jobs.prefix(40) {
            let cached = matcher.candidates(for: job, in: pool, k: 12, asOf: m.asOf)
            let fresh = matcher.candidates(for: job, among: expected, k: 12, asOf: m.asOf)
            #expect(cached == fresh, "\(job.id)")
            compared += cached.count
        }
        #expect(compared > 0)
    }

    @Test func aPoolOfAnotherYearIsNotUsedAsIs() {
        var m = TestMarket(seed: 9)
        let (applicants, jobs) = m.market(applicants: 120, jobs: 80)
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: applicants, jobs: jobs), jobs: jobs))
        let lastYear = m.asOf.adding(days: -400)
        let pool = ApplicantPool(extractor: matcher.extractor, applicants: applicants, at: lastYear)
        #expect(!pool.serves(m.asOf))
        for job in jobs.prefix(20) {
            #expect(matcher.candidates(for: job, in: pool, k: 10, asOf: m.asOf) == matcher.candidates(for: job, among: applicants, k: 10, asOf: m.asOf))
        }
    }

    /// A caseworker's candidates: the best k of their district's people, exactly as if the others were not
    /// in the pool (ranked and explained among those alone).
    @Test func includedPeopleRankAsIfAloneInThePool() {
        var m = TestMarket(seed: 11)
        let (applicants, jobs) = m.market(applicants: 400, jobs: 120)
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: applicants, jobs: jobs), jobs: jobs))
        let pool = ApplicantPool(extractor: matcher.extractor, applicants: applicants, at: m.asOf)
        let district = Dictionary(grouping: applicants, by: \.district).max { $0.value.count < $1.value.count }!.key
        let own = applicants.filter { $0.district == district }
        var compared = 0
        for job in jobs.prefix(40) {
            let filtered = matcher.candidates(for: job, in: pool, k: 8, asOf: m.asOf, including: { $0.district == district })
            #expect(filtered == matcher.candidates(for: job, among: own, k: 8, asOf: m.asOf), "\(job.id)")
            #expect(filtered.allSatisfy { c in own.contains { $0.id == c.applicant } })
            compared += filtered.count
        }
        #expect(compared > 0)
    }

    @Test func cancelledScanReturnsNothing() {
        var m = TestMarket(seed: 3)
        let (applicants, jobs) = m.market(applicants: 50, jobs: 30)
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: applicants, jobs: jobs), jobs: jobs))
        let pool = ApplicantPool(extractor: matcher.extractor, applicants: applicants, at: m.asOf)
        #expect(jobs.allSatisfy { matcher.candidates(for: $0, in: pool, k: 10, asOf: m.asOf, isCancelled: { true }).isEmpty })
    }
}
