import Testing
@testable import JobMatchCore

@Suite struct BaselineTests {
    static func fixture() -> (queries: [EvaluationQuery], candidates: [Job], asOf: Timestamp) {
        var market = TestMarket(seed: 42)
        let (applicants, jobs) = market.market(applicants: 40, jobs: 120)
        let candidates = jobs.filter { $0.isOpen(at: market.asOf) }
        let queries = applicants.map { EvaluationQuery(applicant: $0, gains: [candidates[0].id: 1]) }
        return (queries, candidates, market.asOf)
    }

    @Test func everyBaselineKeepsTheHardRules() {
        let (queries, candidates, asOf) = Self.fixture()
        let pool = CandidatePool(queries: queries, candidates: candidates, asOf: asOf)
        let evaluator = Evaluator(k: 10, asOf: asOf, candidates: candidates)
        let forbidden = queries.map { q in candidates.filter { !HardRules.allows(applicant: q.applicant, job: $0, at: asOf) }.count }
        #expect(forbidden.reduce(0, +) > 0, "the fixture must have pairs the rules forbid")
        let popularity = PopularityBaseline(interactions: [], before: asOf)
        for lists in [
            RandomBaseline(seed: 1).recommend(queries: queries, pool: pool, k: 10),
            popularity.recommend(pool: pool, k: 10),
            ContentBaseline().recommend(queries: queries, pool: pool, k: 10),
        ] {
            #expect(evaluator.evaluate(queries: queries, lists: lists).violations == 0)
            for (q, list) in lists.enumerated() {
                #expect(list.count == min(10, pool.allowed[q].count))
                #expect(Set(list).count == list.count)
            }
        }
    }

    @Test func randomIsSeeded() {
        let (queries, candidates, asOf) = Self.fixture()
        let pool = CandidatePool(queries: queries, candidates: candidates, asOf: asOf)
        #expect(RandomBaseline(seed: 3).recommend(queries: queries, pool: pool, k: 5) == RandomBaseline(seed: 3).recommend(queries: queries, pool: pool, k: 5))
        #expect(RandomBaseline(seed: 3).recommend(queries: queries, pool: pool, k: 5) != RandomBaseline(seed: 4).recommend(queries: queries, pool: pool, k: 5))
    }

    @Test func popularityRanksByPositivesBeforeTheSplit() {
        let (queries, candidates, asOf) = Self.fixture()
        let pool = CandidatePool(queries: queries, candidates: candidates, asOf: asOf)
        let before = asOf.adding(days: -1)
        let q = pool.allowed.firstIndex { $0.count >= 3 }!
        let (x, y, z) = (pool.candidates[pool.allowed[q][0]].id, pool.candidates[pool.allowed[q][1]].id, pool.candidates[pool.allowed[q][2]].id)
        let interactions = [
            Interaction(applicant: "A1", job: y, event: .hired, at: before),
            Interaction(applicant: "A2", job: y, event: .interviewed, at: before),
            Interaction(applicant: "A1", job: x, event: .hired, at: before),
            Interaction(applicant: "A3", job: z, event: .viewed, at: before),
            Interaction(applicant: "A4", job: z, event: .hired, at: asOf),   // at the split: not counted
            Interaction(applicant: "A5", job: z, event: .hired, at: asOf.adding(days: 2)),
        ]
        let list = PopularityBaseline(interactions: interactions, before: asOf).recommend(pool: pool, k: 3)[q]
        #expect(list == [y, x, z])
    }

    @Test func contentPrefersTheSameWords() {
        var market = TestMarket(seed: 5)
        var a = market.applicant(0)
        a.skills = ["叉车"]
        a.experience = [Experience(title: "仓库叉车工", years: 3)]
        a.profileText = "会开叉车"
        a.preferences = Preferences()
        a.location = nil
        a.disability = nil
        var forklift = EvaluatorTests.job("J1"), cashier = EvaluatorTests.job("J2")
        forklift.title = "叉车司机"; forklift.description = "仓库叉车作业"; forklift.skillsRequired = ["叉车"]; forklift.skillsPreferred = []
        cashier.title = "超市收银员"; cashier.description = "收银结算"; cashier.skillsRequired = ["收银"]; cashier.skillsPreferred = []
        let queries = [EvaluationQuery(applicant: a, gains: ["J1": 1])]
        let pool = CandidatePool(queries: queries, candidates: [cashier, forklift], asOf: EvaluatorTests.asOf)
        #expect(ContentBaseline().recommend(queries: queries, pool: pool, k: 2)[0] == ["J1", "J2"])
    }
}
