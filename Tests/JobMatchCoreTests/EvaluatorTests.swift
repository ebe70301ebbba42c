import Testing
@testable import JobMatchCore

@Suite struct EvaluatorTests {
    static let asOf = Timestamp(rfc3339: "2026-11-15T09:00:00+08:00")!

    static func applicant(_ id: String, gender: Gender, age: Int, disabled: Bool) -> Applicant {
        var market = TestMarket(seed: 1)
        var a = market.applicant(0)
        a.id = id
        a.gender = gender
        a.birthYear = 2026 - age
        a.groups = []
        a.disability = disabled ? Disability(categories: [.hearing], grade: 3) : nil
        a.location = nil
        a.education = .bachelor
        a.workCapacity = .full
        a.preferences = Preferences()
        return a
    }

    static func job(_ id: String, openings: Int = 1, expired: Bool = false) -> Job {
        var market = TestMarket(seed: 2)
        var j = market.job(0)
        j.id = id
        j.openings = openings
        j.status = .open
        j.postedAt = asOf.adding(days: -10)
        j.expiresAt = expired ? asOf.adding(days: -1) : asOf.adding(days: 30)
        j.age = nil
        j.educationMin = nil
        j.jobType = .fullTime
        j.hoursPerWeek = 40
        j.demands = nil
        return j
    }

    /// A1 (woman, 45: older worker) gets [J1, J3] for gains {J1: 2}; A2 (man, 30, disabled) gets [J1] for {J2: 1, J1: 1}.
    @Test func handComputedRun() {
        let a1 = Self.applicant("A1", gender: .female, age: 45, disabled: false)
        let a2 = Self.applicant("A2", gender: .male, age: 30, disabled: true)
        let j1 = Self.job("J1"), j2 = Self.job("J2"), j3 = Self.job("J3", expired: true)
        let evaluator = Evaluator(k: 2, asOf: Self.asOf, candidates: [j1, j2], otherJobs: [j3])
        let queries = [EvaluationQuery(applicant: a1, gains: ["J1": 2]), EvaluationQuery(applicant: a2, gains: ["J2": 1, "J1": 1])]
        let m = evaluator.evaluate(queries: queries, lists: [["J1", "J3"], ["J1"]])
        #expect(m.queries == 2)
        #expect(m.recall == 0.75)
        #expect(m.hitRate == 1)
        #expect(m.mrr == 1)
        // A1: 1; A2: 1 / (1 + 1 / log2 3).
        #expect(abs(m.ndcg - (1 + 0.6131471927654584) / 2) < 1e-12)
        #expect(m.coverage == 0.5)
        #expect(m.congestion == 2)
        #expect(m.violations == 1)
        #expect(m.groupRecall[.olderWorkers] == 1)
        #expect(m.groupRecall[.women] == 1)
        #expect(m.groupRecall[.disabled] == 0.5)
        #expect(m.groupRecall[.stayAtHomeParents] == nil)
        #expect(abs(m.fairnessRatio - 0.5 / 0.75) < 1e-12)
    }

    @Test func heldOutQueriesKeepTheStrongestOutcomeOnCandidatesAfterTheSplit() {
        let a = Self.applicant("A1", gender: .female, age: 30, disabled: false)
        let b = Self.applicant("A2", gender: .male, age: 30, disabled: false)
        let later = Self.asOf.adding(days: 3)
        let interactions = [
            Interaction(applicant: "A1", job: "J1", event: .interviewed, at: later),
            Interaction(applicant: "A1", job: "J1", event: .hired, at: later.adding(days: 1)),
            Interaction(applicant: "A1", job: "J2", event: .rejected, at: later),
            Interaction(applicant: "A1", job: "J9", event: .hired, at: later),           // not a candidate
            Interaction(applicant: "A2", job: "J1", event: .hired, at: Self.asOf.adding(days: -1)), // before the split
        ]
        let queries = EvaluationQuery.heldOut(applicants: [b, a], interactions: interactions, candidates: ["J1", "J2"], split: Self.asOf)
        #expect(queries.map(\.applicant.id) == ["A1"])
        #expect(queries[0].gains == ["J1": 2])
    }
}
