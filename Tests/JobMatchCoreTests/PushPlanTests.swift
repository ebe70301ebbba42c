import Testing
@testable import JobMatchCore

/// The nightly batch and the plan: a training or guidance track gets fewer, explained pushes; zero-employment
/// households stay first and in full.
@Suite struct PushPlanTests {
    static func candidates(_ scores: [Float]) -> [AllocationCandidate] {
        scores.enumerated().map { AllocationCandidate(posting: Int32($0.offset), score: $0.element) }
    }

    static let good = candidates(Array(repeating: 0.7, count: 12))

    @Test func trainingAndGuidanceTracksGetThreeExplainedPushes() {
        let unskilled = TrackRulesTests.person { $0.skills = []; $0.experience = [] }
        let plan = PushPlan.decide(unskilled, candidates: Self.good, isPublicWelfare: { _ in false }, k: 10)
        #expect(plan.track == .training)
        #expect(plan.limit == 3)
        #expect(plan.reason?.code == "plan_training")
        let unsure = TrackRulesTests.person { $0.intent = .uncertain }
        #expect(PushPlan.decide(unsure, candidates: Self.good, isPublicWelfare: { _ in false }, k: 10).reason?.code == "plan_guidance")
        // k below three: k.
        #expect(PushPlan.decide(unsure, candidates: Self.good, isPublicWelfare: { _ in false }, k: 2).limit == 2)
    }

    @Test func referralAndImmediateHelpArePushedInFull() {
        #expect(PushPlan.decide(TrackRulesTests.person(), candidates: Self.good, isPublicWelfare: { _ in false }, k: 10).limit == nil)
        let zero = TrackRulesTests.person { $0.skills = []; $0.experience = []; $0.groups = [.zeroEmploymentHousehold] }
        let plan = PushPlan.decide(zero, candidates: Self.good, isPublicWelfare: { _ in false }, k: 10)
        #expect(plan.track == .immediateHelp)
        #expect(plan.limit == nil)
    }

    @Test func theReachIsCountedOnMarketCandidatesOnly() {
        // Five candidates at the fitting score, but two are public-welfare posts: four fitting market postings, not enough.
        let five = Self.candidates([0.5, 0.45, 0.41, 0.40, 0.40, 0.39])
        let person = TrackRulesTests.person()
        #expect(PushPlan.decide(person, candidates: five, isPublicWelfare: { _ in false }, k: 10).track == .referral)
        #expect(PushPlan.decide(person, candidates: five, isPublicWelfare: { $0 == 0 }, k: 10).track == .training)
    }

    @Test func theAllocatorStopsAPersonAtTheLimitAndServesOthersWithWhatIsLeft() {
        // Ten postings of one push each, two people wanting all of them in the same order, k = 5. A (served first)
        // and B alternate; A stops at 3, so B also gets P6 and P7, which A would have taken in rounds 4 and 5.
        let postings = (0..<10).map { AllocationPosting(id: "P\($0)", openings: 1) }
        let all = Self.candidates((0..<10).map { 0.9 - Float($0) * 0.05 })
        let seekers = [
            AllocationSeeker(id: "A", groups: [.zeroEmploymentHousehold], candidates: all, limit: 3),
            AllocationSeeker(id: "B", groups: [], candidates: all),
        ]
        let allocator = Allocator(configuration: AllocationConfiguration(k: 5, capFactor: 1, minimumCap: 1))
        let result = allocator.allocate(seekers: seekers, postings: postings)
        #expect(result.lists[0].map(\.posting) == [0, 2, 4])
        #expect(result.lists[1].map(\.posting) == [1, 3, 5, 6, 7])
        var unlimited = seekers
        unlimited[0].limit = nil
        #expect(allocator.allocate(seekers: unlimited, postings: postings).lists[1].map(\.posting) == [1, 3, 5, 7, 9])
    }
}
