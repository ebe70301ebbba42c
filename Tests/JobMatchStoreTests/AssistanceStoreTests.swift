import Foundation
import JobMatchCore
import JobMatchStore
import Testing

/// Courses, the record of assistance and households in the store (migration "v8: trainings and services").
@Suite("Trainings, services and households in the store")
struct AssistanceStoreTests {
    static func time(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    static func applicant(_ id: String, household: String? = nil) throws -> Applicant {
        let extra = household.map { #","household":"\#($0)""# } ?? ""
        return try Interchange.decodeApplicant(Array(#"{"id":"\#(id)","gender":"F","birth_year":1972,"district":"500103","education":"junior_high","status":"seeking","updated_at":"2026-11-02T08:00:00+08:00"\#(extra)}"#.utf8)).get()
    }

    static let course = Training(
        id: "T1", title: "家政服务员（育婴）培训", district: "500103", skills: ["育婴"], certificates: ["健康证"],
        startsAt: time("2026-12-07T09:00:00+08:00"), endsAt: time("2026-12-21T17:00:00+08:00"))

    @Test("courses, entries and households are stored and read back; unknown references are refused by field")
    func storesAndReads() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.save(Self.applicant("A1", household: "H1"))
        try db.save(Self.applicant("A2", household: "H1"))
        try db.save(Self.applicant("A3"))
        try db.save(Self.course)
        #expect(try db.training(id: "T1") == Self.course)
        #expect(try db.training(id: "T2") == nil)
        #expect(try db.trainings().map(\.id) == ["T1"])
        #expect(try db.householdMembers(of: "H1").map(\.id) == ["A1", "A2"])
        #expect(try db.householdMembers(of: "H2").isEmpty)

        // Recorded out of time order; read back oldest first.
        let later = ServiceRecord(applicant: "A1", kind: .trainingEnrolled, at: Self.time("2026-12-01T10:00:00+08:00"), training: "T1")
        let earlier = ServiceRecord(applicant: "A1", kind: .guidance, at: Self.time("2026-11-20T10:00:00+08:00"), by: "王芳", note: "谈了育婴方向")
        let other = ServiceRecord(applicant: "A3", kind: .counseling, at: Self.time("2026-11-25T10:00:00+08:00"))
        #expect(try db.record(later))
        #expect(try db.record(earlier))
        #expect(try db.record(other))
        #expect(try !db.record(earlier))  // the same entry once
        #expect(try db.services(applicant: "A1") == [earlier, later])
        #expect(try db.services(before: Self.time("2026-11-30T00:00:00+08:00")) == [earlier, other])
        #expect(try db.assistanceCounts() == (1, 3))

        let badTraining = ServiceRecord(applicant: "A1", kind: .trainingCompleted, at: Self.time("2026-12-21T17:00:00+08:00"), training: "T9")
        #expect(throws: JobMatchError.self) { try db.record(badTraining) }
        do { try db.record(badTraining) } catch let error as JobMatchError { #expect(error.field == "training") }
        let badJob = ServiceRecord(applicant: "A1", kind: .referral, at: Self.time("2026-12-02T10:00:00+08:00"), job: "J9")
        do { try db.record(badJob) } catch let error as JobMatchError { #expect(error.field == "job") }
        let badApplicant = ServiceRecord(applicant: "A9", kind: .policy, at: Self.time("2026-12-02T10:00:00+08:00"))
        do { try db.record(badApplicant) } catch let error as JobMatchError { #expect(error.field == "applicant") }
        #expect(try db.assistanceCounts() == (1, 3))

        // An entry goes with its person.
        try db.deleteApplicant(id: "A3")
        #expect(try db.services(applicant: "A3").isEmpty)
        #expect(try db.assistanceCounts() == (1, 2))
    }

    @Test("courses and service entries leave the change log alone: the data version does not move")
    func notInTheChangeLog() async throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.save(Self.applicant("A1", household: "H1"))
        let before = try await db.dataVersion()
        try db.save(Self.course)
        try db.record(ServiceRecord(applicant: "A1", kind: .followUp, at: Self.time("2026-12-20T10:00:00+08:00")))
        #expect(try await db.dataVersion() == before)
        #expect(try await db.changes(since: before, limit: 10)?.isEmpty == true)
    }
}
