import Testing
@testable import JobMatchCore

/// One test per track on a hand-made profile, and the boundaries (docs/assistance.md, "Track rules").
@Suite struct TrackRulesTests {
    static let asOf = Timestamp(rfc3339: "2026-11-20T09:00:00+08:00")!

    /// An active person with skills and experience, junior high school, in no group.
    static func person(_ change: (inout Applicant) -> Void = { _ in }) -> Applicant {
        var a = Applicant(id: "A1", gender: .female, birthYear: 1975, district: "500103", education: .juniorHigh, skills: ["保洁"],
                          experience: [Experience(title: "商场保洁员", years: 3)], preferences: Preferences(occupations: ["保洁"]),
                          intent: .active, status: .seeking, updatedAt: asOf.adding(days: -10))
        change(&a)
        return a
    }

    static func reach(fitting: Int, best: Float = 0.6, allowed: Int = 100) -> MarketReach {
        MarketReach(allowedPostings: allowed, fittingPostings: fitting, fittingOpenings: fitting, bestScore: best,
                    isWeak: MarketReach.isWeak(allowedMarket: allowed, bestScore: best, configuration: MatcherConfiguration(), k: 10))
    }

    static func tracks(_ a: Applicant, reach: MarketReach = reach(fitting: 20), members: [Applicant] = [], stuck: Timestamp? = nil) -> [AssistanceTrack] {
        TrackRules.decide(a, household: HouseholdState(person: a, members: members), reach: reach, stuckSince: stuck).map(\.track)
    }

    @Test func referralNeedsStrongIntentSkillsAndFiveFittingPostings() {
        #expect(Self.tracks(Self.person(), reach: Self.reach(fitting: 5)) == [.referral])
        // Four fitting postings: not enough for a referral round, training widens the reach.
        #expect(Self.tracks(Self.person(), reach: Self.reach(fitting: 4)) == [.training])
        #expect(!Self.tracks(Self.person { $0.intent = .uncertain }).contains(.referral))
        #expect(Self.tracks(Self.person { $0.intent = nil }) == [.referral], "no intent on file counts as active")
    }

    @Test func guidanceForUncertainIntentNoDirectionOrAStuckSearch() {
        #expect(Self.tracks(Self.person { $0.intent = .uncertain }) == [.guidance])
        // Active with skills but no wished occupation and no past job: no clear direction.
        let aimless = Self.person { $0.preferences.occupations = []; $0.experience = [] }
        #expect(Self.tracks(aimless) == [.referral, .guidance])
        // A wished occupation alone is a direction.
        #expect(Self.tracks(Self.person { $0.experience = [] }) == [.referral])
        #expect(Self.tracks(Self.person(), stuck: Self.asOf.adding(days: -1)) == [.referral, .guidance])
    }

    @Test func trainingForLittleEducationNoSkillsOrWeakReach() {
        #expect(Self.tracks(Self.person { $0.education = .primary }) == [.referral, .training])
        #expect(Self.tracks(Self.person { $0.education = .none }) == [.referral, .training])
        #expect(Self.tracks(Self.person { $0.education = .juniorHigh }) == [.referral], "junior high is not little education")
        let unskilled = Self.person { $0.skills = []; $0.experience = [] }
        let decided = TrackRules.decide(unskilled, household: HouseholdState(person: unskilled, members: []), reach: Self.reach(fitting: 20), stuckSince: nil)
        #expect(decided.map(\.track) == [.training], "a wished occupation is a direction; no skills rule out a referral")
        #expect(decided[0].reasons.map(\.code) == ["no_skills"])
        // Skills from past jobs alone count as skills.
        #expect(Self.tracks(Self.person { $0.skills = [] }) == [.referral])
    }

    @Test func entrepreneurshipForEntrepreneurialIntent() {
        #expect(Self.tracks(Self.person { $0.intent = .entrepreneurial }) == [.entrepreneurship])
    }

    @Test func immediateHelpUntilAHouseholdMemberIsEmployed() {
        let member = Self.person { $0.groups = [.zeroEmploymentHousehold]; $0.household = "H1" }
        var spouse = Self.person { $0.household = "H1" }
        spouse.id = "A2"
        #expect(Self.tracks(member, members: [spouse]) == [.immediateHelp, .referral])
        // The spouse is not certified but shares the household: immediate help too.
        #expect(Self.tracks(spouse, members: [member]) == [.immediateHelp, .referral])
        spouse.status = .employed
        #expect(Self.tracks(member, members: [spouse]) == [.referral], "cleared (动态清零) once a member is employed")
        // A member hired by the events (not yet marked employed) clears it too; a separation after reopens it.
        let hire = Interaction(applicant: "A2", job: "J1", event: .hired, at: Self.asOf.adding(days: -5))
        let leave = Interaction(applicant: "A2", job: "J1", event: .separated, at: Self.asOf.adding(days: -1))
        #expect(HouseholdState.hired([hire], before: Self.asOf) == ["A2"])
        #expect(HouseholdState.hired([hire, leave], before: Self.asOf) == [])
        #expect(HouseholdState.hired([hire], before: hire.at) == [], "only events before the time count")
        // Another household's employed member does not clear it.
        var neighbour = Self.person { $0.household = "H2"; $0.status = .employed }
        neighbour.id = "A3"
        #expect(Self.tracks(member, members: [neighbour]).first == .immediateHelp)
    }

    @Test func publicWelfareOnlyWhenTheMarketDoesNotReachAndTheGroupIsEligible() {
        let eligible = Self.person { $0.groups = [.longTermUnemployed] }
        // Weak: the best allowed market score under 0.30, or fewer than 3 allowed market postings.
        #expect(Self.tracks(eligible, reach: Self.reach(fitting: 0, best: 0.29)).last == .publicWelfarePlacement)
        #expect(Self.tracks(eligible, reach: Self.reach(fitting: 0, best: 0.30)) == [.training])
        #expect(Self.tracks(eligible, reach: Self.reach(fitting: 2, best: 0.5, allowed: 2)).last == .publicWelfarePlacement)
        #expect(Self.tracks(eligible, reach: Self.reach(fitting: 3, best: 0.5, allowed: 3)) == [.training])
        // Not certified in a group public-welfare posts are for (rule 4): never.
        let other = Self.person { $0.groups = [.graduate, .registeredUnemployed] }
        #expect(!Self.tracks(other, reach: Self.reach(fitting: 0, best: 0.1)).contains(.publicWelfarePlacement))
    }

    @Test func nobodyNotSeekingGetsATrack() {
        #expect(Self.tracks(Self.person { $0.status = .employed }).isEmpty)
        #expect(Self.tracks(Self.person { $0.status = .inactive; $0.groups = [.zeroEmploymentHousehold] }).isEmpty)
    }

    @Test func everyReasonIsChineseWithAStableCode() {
        let a = Self.person { $0.groups = [.zeroEmploymentHousehold, .lowIncome]; $0.education = .primary; $0.intent = .uncertain }
        for d in TrackRules.decide(a, household: HouseholdState(person: a, members: []), reach: Self.reach(fitting: 1, best: 0.2), stuckSince: Self.asOf) {
            for r in d.reasons {
                #expect(!r.code.isEmpty)
                #expect(r.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
            }
        }
    }
}
