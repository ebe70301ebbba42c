import Testing
@testable import JobMatchCore

/// The second stage: its pair features on a hand-made pair, its order, and that it leaves the postings a person
/// applied to where the first stage put them.
@Suite struct ReRankerTests {
    static let asOf = Timestamp(rfc3339: "2026-11-15T08:00:00+08:00")!

    /// A person at 解放碑 with a 10 km limit and a 4,000 wish; two postings 0 and about 5.5 km away.
    static func pair() -> (Applicant, [Job]) {
        var market = TestMarket(seed: 3)
        var a = market.applicant(1)
        a.id = "P"
        a.location = GeoPoint(lat: 29.557, lng: 106.577)
        a.preferences.maxCommuteKm = 10
        a.preferences.minMonthlyWage = 4000
        a.certificates = []
        var near = market.job(1), far = market.job(2)
        near.id = "near"; far.id = "far"
        near.location = a.location; near.remote = false
        far.location = GeoPoint(lat: 29.557 + 0.05, lng: 106.577); far.remote = false   // 0.05° of latitude ≈ 5.56 km
        near.wage = Wage(min: 3000, max: nil, unit: .month); near.hoursPerWeek = nil
        far.wage = nil
        near.certificatesRequired = ["电工证", "叉车证"]; far.certificatesRequired = []
        near.openings = 1; far.openings = 1
        return (a, [near, far])
    }

    @Test func pairFeaturesOfAHandMadePair() {
        let (a, jobs) = Self.pair()
        let model = MatchModel.build(from: [a], jobs: jobs)
        let features = PairFeatures(model: model, history: .empty(at: Self.asOf))
        let rows = features.rows(applicant: a, list: [(jobs[0], 0.5), (jobs[1], 0.3)])
        let column = { (name: String) in PairFeatures.names.firstIndex(of: name)! }
        #expect(rows[0][column("score_below_top")] == 0)
        #expect(abs(rows[1][column("score_below_top")] + 0.2) < 1e-6)
        #expect(rows[0][column("distance_km")] == 0)
        #expect(abs(rows[1][column("distance_km")] - 5.56) < 0.01)
        #expect(abs(rows[1][column("distance_over_limit")] - 0.556) < 0.001)
        #expect(rows[0][column("wage_over_wish")] == -0.25)   // (3000 − 4000) / 4000
        #expect(rows[1][column("wage_over_wish")] == PairFeatures.missing)
        #expect(rows[0][column("certificates_missing")] == 2)
        #expect(rows[1][column("certificates_missing")] == 0)
        #expect(rows[0][column("distance_over_past_max")] == PairFeatures.missing)   // no history
    }

    /// A re-ranker whose only non-zero weight prefers bin 1 of the distance feature (within the first edge).
    static func reRanker(features: Int) -> ReRanker {
        var r = ReRanker(edges: Array(repeating: [1, 10], count: features), weights: Array(repeating: [0, 0, 0], count: features),
                         temperature: 10, depth: 100)
        r.weights[PairFeatures.names.firstIndex(of: "distance_km")!] = [0, 5, 0]
        return r
    }

    @Test func zeroWeightsKeepTheFirstStageOrderAndAWeightMovesAPosting() {
        let n = PairFeatures.names.count
        var flat = ReRanker(edges: Array(repeating: [1, 10], count: n), weights: Array(repeating: [0, 0, 0], count: n), temperature: 10, depth: 100)
        func row(_ score: Float, km: Float) -> [Float] {
            var r = [Float](repeating: 0, count: n)
            r[0] = score; r[PairFeatures.names.firstIndex(of: "distance_km")!] = km
            return r
        }
        let rows = [row(0, km: 20), row(-0.1, km: 5), row(-0.2, km: 0.5)]
        #expect(flat.order(rows: rows) == [0, 1, 2])
        flat = Self.reRanker(features: n)
        // 0.5 km falls in bin 1 (≤ 1): +5 beats the first-stage gap of 10 × 0.2 = 2.
        #expect(flat.order(rows: rows) == [2, 0, 1])
    }

    @Test func postingsAppliedToKeepTheirPlaces() {
        let (a, jobs) = Self.pair()
        let model = MatchModel.build(from: [a], jobs: jobs)
        var third = jobs[1]
        third.id = "third"; third.location = jobs[0].location
        let history = InteractionHistory(interactions: [Interaction(applicant: "P", job: "far", event: .applied, at: Self.asOf.adding(days: -3))],
                                         jobs: jobs + [third], before: Self.asOf)
        let features = PairFeatures(model: model, history: history).withHomes([a])
        #expect(features.applied("P", "far") && !features.applied("P", "near"))
        // First stage: "far" (applied to) first, then one 8.9 km away, then one at home.
        var away = jobs[1]
        away.id = "away"; away.location = GeoPoint(lat: 29.557 + 0.08, lng: 106.577)
        let list: [(job: Job, score: Float)] = [(jobs[1], 0.9), (away, 0.8), (third, 0.7)]
        let reordered = Self.reRanker(features: PairFeatures.names.count).rerank(applicants: [a], lists: [list], features: features)
        // "far" stays first; among the others the one at home (bin 1 of distance) moves ahead.
        #expect(reordered == [["far", "third", "away"]])
    }
}
