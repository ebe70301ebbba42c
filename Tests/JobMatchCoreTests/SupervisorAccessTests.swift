import Testing
@testable import JobMatchCore

/// The staff-access signals on a synthetic audit log built by hand.
@Suite struct SupervisorAccessTests {
    static let monday = Timestamp(rfc3339: "2026-11-30T10:00:00+08:00")!

    struct Log {
        var records: [AccessRecord] = []
        mutating func add(_ actor: String, _ endpoint: String, _ person: String?, at: Timestamp, role: String = "caseworker", status: Int = 200) {
            records.append(AccessRecord(id: Int64(records.count + 1), at: at, actor: actor, role: role, endpoint: endpoint,
                                        applicant: person, subjects: person.map { [$0] } ?? [], status: status))
        }
        /// A caseworker's ordinary day: reads a person's file, then records an outcome for them.
        mutating func serve(_ actor: String, _ person: String, minute: Double) {
            add(actor, "GET /v1/applicants/\(person)", person, at: SupervisorAccessTests.monday.adding(seconds: minute * 60))
            add(actor, "POST /v1/outcomes", person, at: SupervisorAccessTests.monday.adding(seconds: minute * 60 + 30))
        }
    }

    static func signals(_ log: Log, _ c: SupervisionConfiguration = SupervisionConfiguration(), districts: [String: Set<String>] = [:],
                        applicants: [Applicant] = []) -> [SupervisionSignal] {
        Supervisor(configuration: c).signals(SupervisionInput(applicants: applicants, jobs: [], interactions: [], access: log.records,
                                                             districtsByToken: districts), asOf: monday.adding(days: 1))
    }

    /// Three caseworkers serve 4, 5 and 6 people; a fourth reads 40 people's files and serves none.
    @Test func heavyReaderAndUnservedReads() {
        var log = Log()
        for (token, n) in [("cw-a", 4), ("cw-b", 5), ("cw-c", 6)] {
            for i in 0..<n { log.serve(token, "\(token)-p\(i)", minute: Double(i)) }
        }
        for i in 0..<40 { log.add("cw-x", "GET /v1/applicants/x\(i)", "x\(i)", at: Self.monday.adding(seconds: Double(i) * 60)) }
        let found = Self.signals(log)
        #expect(found.map(\.code) == [.heavyReader, .readsUnservedPeople])
        #expect(found.allSatisfy { $0.tokens == ["cw-x"] })
        #expect(found[0].applicants.count == 40)
        #expect(found[0].explanationEn.contains("median of its role's other tokens is 5"))
        #expect(found[1].auditEntries.count == 40)
    }

    @Test func refusedAndListReadsDoNotCount() {
        var log = Log()
        for i in 0..<40 { log.add("cw-x", "GET /v1/applicants/x\(i)", "x\(i)", at: Self.monday, status: 404) }
        log.add("cw-x", "GET /v1/applicants", nil, at: Self.monday)
        for token in ["cw-a", "cw-b"] { log.serve(token, token + "-p", minute: 1) }
        #expect(Self.signals(log).isEmpty)
    }

    @Test func readsOutsideTheTokensDistrictsWhenKnown() {
        var log = Log()
        var inside = SupervisorTests.person("A1"), outside = SupervisorTests.person("A2")
        inside.district = "500103"
        outside.district = "500105"
        for person in ["A1", "A2"] { log.add("cw-a", "GET /v1/applicants/\(person)", person, at: Self.monday) }
        var c = SupervisionConfiguration()
        c.unservedReadsMinimum = 1
        let found = Self.signals(log, c, districts: ["cw-a": ["500103"]], applicants: [inside, outside])
        #expect(found.map(\.code) == [.readsUnservedPeople])
        #expect(found.first?.applicants == ["A2"])
    }

    @Test func readsOutsideWorkingHours() {
        var log = Log()
        log.serve("cw-a", "p1", minute: 0)  // Monday 10:00: in hours
        log.add("cw-a", "GET /v1/applicants/p1", "p1", at: Timestamp(rfc3339: "2026-11-30T23:10:00+08:00")!)
        log.add("cw-a", "GET /v1/applicants/p1/history", "p1", at: Timestamp(rfc3339: "2026-11-29T11:00:00+08:00")!)  // Sunday
        let found = Self.signals(log)
        #expect(found.map(\.code) == [.readsOutsideHours])
        #expect(found.first?.auditEntries == [3, 4])
        var relaxed = SupervisionConfiguration()
        relaxed.workingHoursEnd = 24
        relaxed.weekendsOutsideHours = false
        #expect(Self.signals(log, relaxed).isEmpty)
    }

    @Test func burstOfRecommendationLists() {
        var log = Log()
        log.serve("cw-a", "p1", minute: 0)
        // 10 lists within 9 minutes: a burst (default 10 in 10 minutes). 9 lists spread an hour apart: none.
        for i in 0..<10 { log.add("cw-a", "GET /v1/applicants/p1/recommendations", "p1", at: Self.monday.adding(seconds: 60 + Double(i) * 60)) }
        log.serve("cw-a", "p2", minute: 200)
        for i in 0..<9 { log.add("cw-a", "GET /v1/applicants/p2/recommendations", "p2", at: Self.monday.adding(seconds: Double(i) * 3600 / 10)) }
        let found = Self.signals(log)
        #expect(found.map(\.code) == [.recommendationBurst])
        #expect(found.first?.applicants == ["p1"])
        #expect(found.first?.auditEntries.count == 10)
    }
}
