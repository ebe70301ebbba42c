import Testing
@testable import JobMatchCore

/// Each supervision signal on a hand-made mini market; expectations worked out by hand from the spec.
@Suite struct SupervisorTests {
    static let asOf = Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!
    static func t(_ days: Double) -> Timestamp { asOf.adding(days: days) }

    static func person(_ id: String, groups: [AssistanceGroup] = [.registeredUnemployed]) -> Applicant {
        var a = EvaluatorTests.applicant(id, gender: .female, age: 35, disabled: false)
        a.groups = groups
        a.district = "500103"
        return a
    }

    static func posting(_ id: String, type: JobType = .fullTime, openings: Int = 1, posted: Double = -60, expires: Double = 30) -> Job {
        var j = EvaluatorTests.job(id, openings: openings)
        j.jobType = type
        j.postedAt = t(posted)
        j.expiresAt = t(expires)
        return j
    }

    static func codes(_ input: SupervisionInput) -> [SupervisionSignal] { Supervisor().signals(input, asOf: asOf) }

    @Test func cleanMiniMarketRaisesNothing() {
        let people = [Self.person("A1"), Self.person("A2", groups: [.disabled])]
        let jobs = [Self.posting("J1", openings: 2), Self.posting("J2", type: .publicWelfare)]
        let events = [
            Interaction(applicant: "A1", job: "J1", event: .hired, at: Self.t(-50)),
            Interaction(applicant: "A1", job: "J1", event: .retained3m, at: Self.t(-5)),
            Interaction(applicant: "A2", job: "J2", event: .hired, at: Self.t(-40)),
        ]
        #expect(Self.codes(SupervisionInput(applicants: people, jobs: jobs, interactions: events)).isEmpty)
    }

    @Test func overfilledPosting() {
        let people = ["A1", "A2", "A3"].map { Self.person($0) }
        let events = ["A1", "A2", "A3"].map { Interaction(applicant: $0, job: "J1", event: .hired, at: Self.t(-30)) }
        let found = Self.codes(SupervisionInput(applicants: people, jobs: [Self.posting("J1", openings: 2)], interactions: events))
        #expect(found.map(\.code) == [.overfilledPosting])
        #expect(found.first?.jobs == ["J1"])
        #expect(found.first?.applicants == ["A1", "A2", "A3"])
        #expect(found.first?.explanationZh.contains("招聘 2 人") == true)
    }

    @Test func hireOutsidePostingWindow() {
        let events = [
            Interaction(applicant: "A1", job: "J1", event: .hired, at: Self.t(-70)),  // before posted_at (-60)
            Interaction(applicant: "A2", job: "J2", event: .hired, at: Self.t(-10)),  // at/after expires_at (-10)
        ]
        let jobs = [Self.posting("J1", openings: 5), Self.posting("J2", openings: 5, posted: -90, expires: -10)]
        let found = Self.codes(SupervisionInput(applicants: [Self.person("A1"), Self.person("A2")], jobs: jobs, interactions: events))
        #expect(found.map(\.code) == [.hireOutsidePosting, .hireOutsidePosting])
        #expect(found.map(\.jobs) == [["J1"], ["J2"]])
    }

    @Test func concurrentFullTimeHiresButNotAfterSeparation() {
        let jobs = [Self.posting("J1"), Self.posting("J2"), Self.posting("J3"), Self.posting("J4")]
        let events = [
            // A1: J1 then J2 with no separation: flagged.
            Interaction(applicant: "A1", job: "J1", event: .hired, at: Self.t(-40)),
            Interaction(applicant: "A1", job: "J2", event: .hired, at: Self.t(-20)),
            // A2: J3, separated, then J4: fine.
            Interaction(applicant: "A2", job: "J3", event: .hired, at: Self.t(-40)),
            Interaction(applicant: "A2", job: "J3", event: .separated, at: Self.t(-30)),
            Interaction(applicant: "A2", job: "J4", event: .hired, at: Self.t(-20)),
        ]
        let found = Self.codes(SupervisionInput(applicants: [Self.person("A1"), Self.person("A2")], jobs: jobs, interactions: events))
        #expect(found.map(\.code) == [.concurrentFullTimeHires])
        #expect(found.first?.applicants == ["A1"])
        #expect(found.first?.jobs == ["J1", "J2"])
    }

    @Test func retentionWithoutHire() {
        let events = [
            Interaction(applicant: "A1", job: "J1", event: .retained3m, at: Self.t(-5)),
            Interaction(applicant: "A1", job: "J1", event: .hired, at: Self.t(-1)),  // after the retention: still no earlier hire
        ]
        let found = Self.codes(SupervisionInput(applicants: [Self.person("A1")], jobs: [Self.posting("J1")], interactions: events))
        #expect(found.map(\.code) == [.retentionWithoutHire])
    }

    @Test func ineligibleAndDoubleJobWelfareOccupants() {
        let people = [
            Self.person("A1", groups: [.graduate]),  // not in any public-welfare group (spec rule 4)
            Self.person("A2", groups: [.lowIncome]),  // eligible, but also holds a part-time market job
            Self.person("A3", groups: []),  // ineligible, but separated before the as-of time: not an occupant
            Self.person("A4", groups: [.olderWorker]),  // eligible, with only a gig beside: fine
        ]
        let jobs = [Self.posting("P1", type: .publicWelfare, openings: 10), Self.posting("M1", type: .partTime, openings: 5),
                    Self.posting("G1", type: .gig, openings: 5)]
        let events = [
            Interaction(applicant: "A1", job: "P1", event: .hired, at: Self.t(-50)),
            Interaction(applicant: "A2", job: "P1", event: .hired, at: Self.t(-50)),
            Interaction(applicant: "A2", job: "M1", event: .hired, at: Self.t(-20)),
            Interaction(applicant: "A3", job: "P1", event: .hired, at: Self.t(-50)),
            Interaction(applicant: "A3", job: "P1", event: .separated, at: Self.t(-10)),
            Interaction(applicant: "A4", job: "P1", event: .hired, at: Self.t(-50)),
            Interaction(applicant: "A4", job: "G1", event: .hired, at: Self.t(-20)),
        ]
        let found = Self.codes(SupervisionInput(applicants: people, jobs: jobs, interactions: events))
        #expect(found.map(\.code) == [.ineligibleWelfareOccupant, .welfareOccupantWithMarketJob])
        #expect(found.map(\.applicants) == [["A1"], ["A2"]])
        #expect(found.last?.jobs == ["M1", "P1"])
        #expect(found.first?.explanationZh.contains("违规在岗") == true)
    }

    @Test func eventsAfterTheAsOfTimeAreIgnored() {
        let events = ["A1", "A2"].map { Interaction(applicant: $0, job: "J1", event: .hired, at: Self.t(1)) }
        #expect(Self.codes(SupervisionInput(applicants: [Self.person("A1"), Self.person("A2")], jobs: [Self.posting("J1")], interactions: events)).isEmpty)
    }

    @Test func workingHoursAreInShanghaiTime() {
        let c = SupervisionConfiguration()
        #expect(c.isWorkingTime(Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!))  // Monday 09:00
        #expect(!c.isWorkingTime(Timestamp(rfc3339: "2026-11-30T12:30:00Z")!))  // Monday 20:30 in Chongqing
        #expect(c.isWorkingTime(Timestamp(rfc3339: "2026-11-30T01:00:00Z")!))  // Monday 09:00 in Chongqing
        #expect(!c.isWorkingTime(Timestamp(rfc3339: "2026-11-29T10:00:00+08:00")!))  // Sunday
        #expect(!c.isWorkingTime(Timestamp(rfc3339: "2026-12-01T07:59:59+08:00")!))
        #expect(!c.isWorkingTime(Timestamp(rfc3339: "2026-12-01T18:00:00+08:00")!))
    }
}
