import Testing
@testable import JobMatchCore

/// New jobs only: positives on jobs not applied to before the split, lists without them.
@Suite struct NewJobsViewTests {
    @Test func dropsAppliedJobsFromGainsAndLists() {
        var market = TestMarket(seed: 21)
        let (applicants, _) = market.market(applicants: 2, jobs: 0)
        let split = market.asOf
        let a = applicants[0], b = applicants[1]
        let before = split.adding(days: -1)
        let view = NewJobsView(interactions: [
            Interaction(applicant: a.id, job: "J1", event: .applied, at: before),
            Interaction(applicant: a.id, job: "J2", event: .viewed, at: before),   // a view is not an application
            Interaction(applicant: b.id, job: "J1", event: .rejected, at: before),
            Interaction(applicant: a.id, job: "J3", event: .applied, at: split),   // at the split: not before
        ], split: split)
        let queries = [
            EvaluationQuery(applicant: a, gains: ["J1": 2, "J2": 1, "J3": 1]),
            EvaluationQuery(applicant: b, gains: ["J1": 1]),
        ]
        let fresh = view.queries(queries)
        #expect(fresh.count == 1)
        #expect(fresh[0].index == 0)
        #expect(fresh[0].query.gains == ["J2": 1, "J3": 1])
        #expect(view.list(["J1", "J2", "J3", "J4"], applicant: a.id) == ["J2", "J3", "J4"])
        #expect(view.extraDepth(queries: queries, candidates: ["J1", "J2"]) == 1)
        // nDCG@2 of [J2, J3] on the new-only gains is 1; of the unfiltered [J1, J2] it would count J1.
        let evaluator = Evaluator(k: 2, asOf: split, candidates: [])
        let ideal = evaluator.evaluate(queries: [fresh[0].query], lists: [view.list(["J1", "J2", "J3"], applicant: a.id)])
        #expect(abs(ideal.ndcg - 1) < 1e-12)
    }
}
