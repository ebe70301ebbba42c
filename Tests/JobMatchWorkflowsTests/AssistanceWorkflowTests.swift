import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows
import Testing

/// The plan and follow-up workflows on a real SQLite file with hand-made records: the course whose certificate
/// six nearby postings ask for comes first; a zero-employment household member gets immediate help until a
/// member is employed; revisits come from stored events and services and survive reopening the database.
@Suite("assistance workflows", .serialized)
struct AssistanceWorkflowTests {
    static let asOf = Timestamp(rfc3339: "2026-11-28T09:00:00+08:00")!
    static let home = GeoPoint(lat: 29.556, lng: 106.568)

    static func job(_ id: String, title: String, skills: [String], certificates: [String] = [], type: JobType = .fullTime) -> Job {
        Job(id: id, employer: Employer(id: "E-" + id, name: "雇主" + id), title: title, district: "500103",
            location: GeoPoint(lat: home.lat + 0.01, lng: home.lng), jobType: type, skillsRequired: skills, certificatesRequired: certificates,
            openings: 2, postedAt: asOf.adding(days: -20), expiresAt: asOf.adding(days: 40), status: .open)
    }

    static func person(_ id: String, groups: [AssistanceGroup] = [], household: String? = nil, status: ApplicantStatus = .seeking) -> Applicant {
        Applicant(id: id, gender: .male, birthYear: 1966, district: "500103", location: home, education: .juniorHigh, groups: groups,
                  skills: ["保洁"], experience: [Experience(title: "保洁员", years: 5)], intent: .active, status: status,
                  updatedAt: asOf.adding(days: -30), household: household)
    }

    static func course(_ id: String, _ title: String, skills: [String], certificates: [String], starts: Double, ends: Double) -> Training {
        Training(id: id, title: title, district: "500103", location: home, skills: skills, certificates: certificates,
                 startsAt: asOf.adding(days: starts), endsAt: asOf.adding(days: ends))
    }

    static func database(_ folder: URL) throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.appendingPathComponent("db.sqlite").path)
        for n in 1...6 { try db.save(job("JE\(n)", title: "物业电工", skills: ["电工"], certificates: ["电工证"])) }
        for n in 1...3 { try db.save(job("JC\(n)", title: "商场保洁员", skills: ["保洁"])) }
        try db.save(person("OLD", groups: [.olderWorker]))
        try db.save(person("Z1", groups: [.zeroEmploymentHousehold], household: "H9"))
        try db.save(person("Z2", household: "H9"))
        try db.save(course("T-ELEC", "电工培训", skills: ["电工"], certificates: ["电工证"], starts: 3, ends: 30))
        try db.save(course("T-FORK", "叉车培训", skills: ["叉车"], certificates: ["叉车证"], starts: 1, ends: 20))
        try db.save(course("T-OLD", "电工培训（已结束）", skills: ["电工"], certificates: ["电工证"], starts: -60, ends: -1))
        return db
    }

    /// Training is due whatever the reach (`enoughFittingPostings` 100), and anything allowed fits (0.05): the
    /// counts below are then the postings' own, by hand.
    static func planner(_ db: AppDatabase) throws -> AssistancePlanner {
        var rules = PlanRules()
        rules.fittingScore = 0.05
        rules.enoughFittingPostings = 100
        return try AssistancePlanner(database: db, matcher: DatabaseMatcher(database: db, asOf: asOf).matcher, rules: rules)
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-assist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theCourseWhoseCertificateSixPostingsAskForComesFirst() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(folder)
        let plan = try Self.planner(db).plan(applicant: "OLD", asOf: Self.asOf)
        let training = try #require(plan.tracks.first { $0.track == .training })
        // Six postings ask for 电工证, which OLD lacks and T-ELEC gives; all nine postings are in the top list (10)
        // before and after, so none enters it. T-FORK adds nothing; T-OLD has ended.
        #expect(training.courses.map { $0.training!.id } == ["T-ELEC", "T-FORK"])
        #expect(training.courses[0].gain == 6)
        #expect(training.courses[0].certificateUnlocked == 6)
        #expect(training.courses[0].unlockedOpenings == 12)
        #expect(training.courses[1].gain == 0)
        #expect(training.certificate?.certificate == "电工证")
        #expect(training.certificate?.postingsRequiring == 6)
        #expect(training.certificate?.courses.map { $0.training!.id } == ["T-ELEC"])
        #expect(plan.reach.allowedPostings == 9)
    }

    @Test func immediateHelpUntilAMemberIsEmployed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(folder)
        #expect(try Self.planner(db).plan(applicant: "Z1", asOf: Self.asOf).mainTrack == .immediateHelp)
        #expect(try Self.planner(db).plan(applicant: "Z2", asOf: Self.asOf).mainTrack == .immediateHelp)
        #expect(try Self.planner(db).plan(applicant: "OLD", asOf: Self.asOf).mainTrack != .immediateHelp)
        var hired = Self.person("Z2", household: "H9", status: .employed)
        hired.updatedAt = Self.asOf.adding(days: -1)
        try db.save(hired)
        let plan = try Self.planner(db).plan(applicant: "Z1", asOf: Self.asOf)
        #expect(!plan.tracks.contains { $0.track == .immediateHelp })
        #expect(plan.household.isCleared && plan.household.members == 2)
    }

    @Test func revisitsComeFromStoredRecordsAndSurviveAReopen() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.database(folder)
        _ = try db.record(Interaction(applicant: "OLD", job: "JC1", event: .hired, at: Timestamp(rfc3339: "2026-10-25T09:00:00+08:00")!))
        let query = FollowUpWorkflow.Query(asOf: Self.asOf)
        #expect(query.dueBefore.text == "2026-12-01T00:00:00+08:00")
        let due = try FollowUpWorkflow.due(database: db, query: query)
        // Z1 and Z2 every day; OLD's 30-day revisit was due on 11-24 (overdue); the 90-day one is in January.
        #expect(due.map { "\($0.kind.rawValue) \($0.applicant) \($0.due.text)" } == [
            "immediate_help Z1 2026-11-28T00:00:00+08:00", "immediate_help Z2 2026-11-28T00:00:00+08:00",
            "adaptation OLD 2026-11-24T09:00:00+08:00",
        ])
        let reopened = try AppDatabase.open(path: folder.appendingPathComponent("db.sqlite").path)
        #expect(try FollowUpWorkflow.due(database: reopened, query: query) == due)
        _ = try reopened.record(ServiceRecord(applicant: "OLD", kind: .followUp, at: Timestamp(rfc3339: "2026-11-20T10:00:00+08:00")!, by: "王专员"))
        #expect(try FollowUpWorkflow.due(database: reopened, query: query).map(\.applicant) == ["Z1", "Z2"])
        #expect(try FollowUpWorkflow.due(database: reopened, query: FollowUpWorkflow.Query(asOf: Self.asOf, districts: ["500106"])).isEmpty)
    }
}
