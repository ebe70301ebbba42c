import Testing
@testable import JobMatchCore

/// Follow-up dates at the calendar's edges, counted by hand from the notice's periods (30, 90, 180 days).
@Suite struct FollowUpCalendarTests {
    static let hire = Timestamp(rfc3339: "2026-09-01T10:00:00+08:00")!

    static func person(_ id: String = "A1", status: ApplicantStatus = .employed, groups: [AssistanceGroup] = [], household: String? = nil) -> Applicant {
        Applicant(id: id, gender: .male, birthYear: 1970, district: "500103", education: .juniorHigh, groups: groups, status: status,
                  updatedAt: hire, household: household)
    }

    static func items(_ events: [Interaction], _ services: [ServiceRecord] = [], people: [Applicant] = [person()],
                      pushes: [(applicant: String, at: Timestamp)] = [], asOf: Timestamp, dueBefore: Timestamp? = nil) -> [FollowUpItem] {
        FollowUpList().items(.init(applicants: people, events: events, services: services, pushes: pushes), asOf: asOf,
                             dueBefore: dueBefore ?? asOf.adding(days: 400))
    }

    static let hired = Interaction(applicant: "A1", job: "J1", event: .hired, at: hire)

    @Test func revisitsAtThirtyNinetyAndOneHundredEightyDays() {
        let all = Self.items([Self.hired], asOf: Self.hire.adding(seconds: 1))
        #expect(all.map(\.kind) == [.adaptation, .stability, .stability])
        #expect(all.map(\.due.text) == ["2026-10-01T10:00:00+08:00", "2026-11-30T10:00:00+08:00", "2027-02-28T10:00:00+08:00"])
        #expect(all.map(\.opens.text) == ["2026-09-24T10:00:00+08:00", "2026-11-23T10:00:00+08:00", "2027-02-21T10:00:00+08:00"])
    }

    @Test func dueBeforeIsExclusiveAndOverdueStartsAfterTheDueTime() {
        let due = Timestamp(rfc3339: "2026-10-01T10:00:00+08:00")!
        #expect(Self.items([Self.hired], asOf: due, dueBefore: due).isEmpty)
        let atDue = Self.items([Self.hired], asOf: due, dueBefore: due.adding(seconds: 1))
        #expect(atDue.map(\.kind) == [.adaptation])
        #expect(atDue[0].overdue == false)
        #expect(Self.items([Self.hired], asOf: due.adding(seconds: 1), dueBefore: due.adding(seconds: 2))[0].overdue)
    }

    @Test func aFollowUpFromTheOpeningOnClosesTheRevisit() {
        let opens = Timestamp(rfc3339: "2026-09-24T10:00:00+08:00")!
        let asOf = Timestamp(rfc3339: "2026-10-05T09:00:00+08:00")!
        let early = ServiceRecord(applicant: "A1", kind: .followUp, at: opens.adding(seconds: -1), by: "王专员")
        let onTime = ServiceRecord(applicant: "A1", kind: .followUp, at: opens, by: "王专员")
        let month = asOf.adding(days: 1)
        #expect(Self.items([Self.hired], [early], asOf: asOf, dueBefore: month).map(\.kind) == [.adaptation], "a visit before the opening does not count")
        #expect(Self.items([Self.hired], [onTime], asOf: asOf, dueBefore: month).isEmpty)
        // A follow-up recorded at or after the as-of time is not yet on record.
        let later = ServiceRecord(applicant: "A1", kind: .followUp, at: asOf, by: "王专员")
        #expect(Self.items([Self.hired], [later], asOf: asOf, dueBefore: month).count == 1)
        #expect(Self.items([Self.hired], [early], asOf: asOf, dueBefore: month)[0].caseworker == "王专员")
        // Another kind of service does not close it.
        let guidance = ServiceRecord(applicant: "A1", kind: .guidance, at: opens.adding(days: 1))
        #expect(Self.items([Self.hired], [guidance], asOf: asOf, dueBefore: month).count == 1)
    }

    @Test func aSeparationReopensTheCaseWithPriorityAndDropsLaterRevisits() {
        let left = Interaction(applicant: "A1", job: "J1", event: .separated, at: Timestamp(rfc3339: "2026-11-30T10:00:00+08:00")!)
        let asOf = Timestamp(rfc3339: "2026-12-02T09:00:00+08:00")!
        let found = Self.items([Self.hired, left], asOf: asOf)
        // Separated exactly at the 90-day due time: that revisit and the 180-day one are gone; the 30-day one stays.
        #expect(found.map(\.kind) == [.reopened, .adaptation])
        #expect(found[0].due == left.at)
        let visited = ServiceRecord(applicant: "A1", kind: .followUp, at: left.at.adding(seconds: 1))
        #expect(Self.items([Self.hired, left], [visited], asOf: asOf).map(\.kind) == [], "one late visit closes both")
        let rehired = Interaction(applicant: "A1", job: "J2", event: .hired, at: left.at.adding(days: 1))
        #expect(Self.items([Self.hired, left, rehired], asOf: asOf).map(\.kind) == [.adaptation, .adaptation, .stability, .stability])
    }

    @Test func aPublicWelfarePlacementStartsTheCalendarToo() {
        let placed = ServiceRecord(applicant: "A1", kind: .publicWelfarePlacement, at: Self.hire, job: "PW1")
        #expect(Self.items([], [placed], asOf: Self.hire.adding(seconds: 1)).map(\.dayOffset) == [30, 90, 180])
        // A placement that a `hired` event of the same post records already is not counted twice.
        let event = Interaction(applicant: "A1", job: "PW1", event: .hired, at: Self.hire)
        #expect(Self.items([event], [placed], asOf: Self.hire.adding(seconds: 1)).count == 3)
    }

    @Test func aSearchStuckForTwoWeeksWithFourContactsAndNoInterview() {
        let asOf = Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!
        let seeker = Self.person(status: .seeking)
        let first = asOf.adding(days: -14)
        let pushes = [first, first.adding(days: 2), first.adding(days: 5)].map { (applicant: "A1", at: $0) }
        let referral = ServiceRecord(applicant: "A1", kind: .referral, at: first.adding(days: 7))
        let stuck = Self.items([], [referral], people: [seeker], pushes: pushes, asOf: asOf)
        #expect(stuck.map(\.kind) == [.stuck])
        #expect(stuck[0].due == asOf, "the flag starts 14 days after the first contact")
        // The first contact a second later: not yet two weeks.
        let late = [first.adding(seconds: 1), first.adding(days: 2), first.adding(days: 5)].map { (applicant: "A1", at: $0) }
        #expect(Self.items([], [referral], people: [seeker], pushes: late, asOf: asOf).isEmpty)
        // Three contacts only.
        #expect(Self.items([], [], people: [seeker], pushes: pushes, asOf: asOf).isEmpty)
        // An interview since the first contact.
        let interview = Interaction(applicant: "A1", job: "J9", event: .interviewed, at: first.adding(days: 9))
        #expect(Self.items([interview], [referral], people: [seeker], pushes: pushes, asOf: asOf).isEmpty)
        // A follow-up or guidance entry after the contacts closes the flag (contacts are counted after it).
        let guided = ServiceRecord(applicant: "A1", kind: .guidance, at: first.adding(days: 8))
        #expect(Self.items([], [referral, guided], people: [seeker], pushes: pushes, asOf: asOf).isEmpty)
    }

    @Test func aZeroEmploymentHouseholdIsFlaggedEveryDayUntilAMemberIsHired() {
        let asOf = Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!
        let member = Self.person("A1", status: .seeking, groups: [.zeroEmploymentHousehold], household: "H1")
        let other = Self.person("A2", status: .seeking, household: "H1")
        let today = Self.items([], [], people: [member, other], asOf: asOf)
        #expect(today.map(\.applicant) == ["A1", "A2"])
        #expect(today.allSatisfy { $0.kind == .immediateHelp && $0.due.text == "2026-11-30T00:00:00+08:00" })
        // Helped earlier today: closed for today; helped yesterday: due again.
        let helped = ServiceRecord(applicant: "A1", kind: .immediateHelp, at: Timestamp(rfc3339: "2026-11-30T00:00:00+08:00")!)
        let yesterday = ServiceRecord(applicant: "A1", kind: .immediateHelp, at: Timestamp(rfc3339: "2026-11-29T23:59:59+08:00")!)
        #expect(Self.items([], [helped], people: [member, other], asOf: asOf).map(\.applicant) == ["A2"])
        #expect(Self.items([], [yesterday], people: [member, other], asOf: asOf).map(\.applicant) == ["A1", "A2"])
        // A2 hired: the household is cleared (A2's own revisits remain).
        let hire = Interaction(applicant: "A2", job: "J1", event: .hired, at: asOf.adding(days: -1))
        #expect(Self.items([hire], [], people: [member, other], asOf: asOf).map(\.kind) == [.adaptation, .stability, .stability])
    }

    @Test func monthAndDayEdgesInChinaTime() {
        #expect(FollowUpCalendar.nextMonthStart(Timestamp(rfc3339: "2026-12-15T12:00:00+08:00")!).text == "2027-01-01T00:00:00+08:00")
        #expect(FollowUpCalendar.nextMonthStart(Timestamp(rfc3339: "2026-11-30T23:59:59+08:00")!).text == "2026-12-01T00:00:00+08:00")
        // 16:30 UTC on 30 November is 00:30 on 1 December in Chongqing.
        #expect(FollowUpCalendar.nextMonthStart(Timestamp(rfc3339: "2026-11-30T16:30:00Z")!).text == "2027-01-01T00:00:00+08:00")
        #expect(FollowUpCalendar.dayStart(Timestamp(rfc3339: "2026-11-30T16:30:00Z")!).text == "2026-12-01T00:00:00+08:00")
        #expect(FollowUpCalendar.nextMonthStart(Timestamp(rfc3339: "2028-02-10T08:00:00+08:00")!).text == "2028-03-01T00:00:00+08:00")
    }
}
