import Testing
@testable import JobMatchCore

/// Skipping chunks of the job matrix that the commute rule or the filter excludes must change no list.
@Suite struct ChunkSkippingTests {
    static let market = MatcherTests.market
    static let model = MatcherTests.model

    static func lists(_ index: JobIndex, skipping: Bool, filter: JobFilter = .all) -> [[ScoredJob]] {
        var configuration = MatcherConfiguration()
        configuration.skipsExcludedChunks = skipping
        configuration.applicantBlock = 64
        configuration.jobBlock = 300
        return Matcher(index: index, configuration: configuration)
            .topCandidates(applicants: market.applicants, m: 400, asOf: market.asOf, filter: filter)
    }

    /// How many lists differ beyond float rounding: a job in one list and not the other is only allowed
    /// at the cut (within 1e-5 of the other list's last score), and common jobs must score the same.
    /// (Blocks of other shapes round differently, so near-ties may swap.) Lists of 400 make any skipped
    /// allowed job show.
    static func differing(_ a: [[ScoredJob]], _ b: [[ScoredJob]]) -> Int {
        precondition(a.count == b.count)
        func agree(_ x: [ScoredJob], _ y: [ScoredJob]) -> Bool {
            let scores = Dictionary(uniqueKeysWithValues: y.map { ($0.job, $0.score) })
            let cut = y.last?.score ?? .infinity
            return x.allSatisfy { item in
                if let other = scores[item.job] { return abs(other - item.score) < 1e-5 }
                return y.count == x.count && item.score <= cut + 1e-5
            }
        }
        return zip(a, b).filter { x, y in x.count != y.count || !agree(x, y) || !agree(y, x) }.count
    }

    @Test func sameListsWithAndWithoutSkipping() {
        let index = JobIndex(model: Self.model, jobs: SpatialOrder.jobs(Self.market.jobs))
        #expect(Self.differing(Self.lists(index, skipping: true), Self.lists(index, skipping: false)) == 0)
        let gig = JobFilter(jobTypes: [.gig, .partTime])
        #expect(Self.differing(Self.lists(index, skipping: true, filter: gig), Self.lists(index, skipping: false, filter: gig)) == 0)
        // Unordered rows make wide chunks, but must still be right.
        let unordered = JobIndex(model: Self.model, jobs: Self.market.jobs)
        #expect(Self.differing(Self.lists(unordered, skipping: true), Self.lists(index, skipping: false)) == 0)
    }

    @Test func skippingDoesSkip() {
        // A person with a 5 km limit needs far fewer rows than the whole matrix (else the test above proves little).
        let index = JobIndex(model: Self.model, jobs: SpatialOrder.jobs(Self.market.jobs))
        let matcher = Matcher(index: index)
        let live = [Bool](repeating: true, count: index.columns.chunks.count)
        let near = Self.market.applicants.filter { $0.location != nil && $0.preferences.maxCommuteKm == 5 }
        let rows = near.map { a in
            matcher.planRanges(profiles: [ApplicantRuleProfile(a, at: Self.market.asOf)], live: live).reduce(0) { $0 + $1.count }
        }
        #expect(!rows.isEmpty && rows.allSatisfy { $0 > 0 })
        #expect(rows.min()! < index.count / 2, "\(rows) of \(index.count) rows")
        let free = Self.market.applicants.first { $0.preferences.maxCommuteKm == nil }!
        #expect(matcher.planRanges(profiles: [ApplicantRuleProfile(free, at: Self.market.asOf)], live: live) == [0..<index.count])
    }

    @Test func patchedChunksStayRight() {
        // Moving jobs far away, removing rows (the last row moves into their place) and appending must keep
        // every chunk's bounds covering its jobs.
        let jobs = SpatialOrder.jobs(Self.market.jobs)
        var patched = JobIndex(model: Self.model, jobs: jobs)
        for (n, i) in stride(from: 3, to: jobs.count, by: 97).enumerated() {
            var moved = jobs[i]
            moved.location = GeoPoint(lat: 28.2 + Double(n % 7) * 0.4, lng: 105.4 + Double(n % 5) * 0.9)
            moved.remote = false
            patched.upsert(moved)
        }
        for i in stride(from: 10, to: jobs.count, by: 131) { patched.remove(id: jobs[i].id) }
        var extra = jobs[1]
        extra.id = "J-extra"
        extra.location = GeoPoint(lat: 31.9, lng: 109.9)
        patched.upsert(extra)
        var rebuilt = RuleColumns()
        for job in patched.jobs { rebuilt.append(job) }
        #expect(patched.columns.chunks == rebuilt.chunks)
        #expect(Self.differing(Self.lists(patched, skipping: true), Self.lists(patched, skipping: false)) == 0)
    }

    @Test func hilbertKeysKeepNeighboursClose() {
        let a = SpatialOrder.key(GeoPoint(lat: 29.56, lng: 106.55))
        let b = SpatialOrder.key(GeoPoint(lat: 29.561, lng: 106.551))
        let far = SpatialOrder.key(GeoPoint(lat: 31.0, lng: 109.0))
        #expect(a.distance(to: b).magnitude < a.distance(to: far).magnitude)
        #expect(SpatialOrder.jobs(Self.market.jobs.reversed()).map(\.id) == SpatialOrder.jobs(Self.market.jobs).map(\.id))
    }
}
