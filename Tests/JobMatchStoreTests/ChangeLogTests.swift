import Foundation
import JobMatchCore
import JobMatchStore
import Testing

/// The change log (migration "v5: change log") and how bulk writers share the database.
@Suite("Change log and bounded writers")
struct ChangeLogTests {
    static func job(_ id: String, status: String = "open") throws -> Job {
        try Interchange.decodeJob(Array(#"{"id":"\#(id)","employer":{"id":"E1","name":"某公司"},"title":"保洁员","district":"500103","job_type":"full_time","openings":1,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2027-02-01T08:00:00+08:00","status":"\#(status)"}"#.utf8)).get()
    }

    static func applicant(_ id: String) throws -> Applicant {
        try Interchange.decodeApplicant(Array(#"{"id":"\#(id)","gender":"M","birth_year":1985,"district":"500103","education":"junior_high","status":"seeking","updated_at":"2026-11-02T08:00:00+08:00"}"#.utf8)).get()
    }

    @Test("every committed write, from any connection, moves the data version and names what changed")
    func followsWrites() async throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try await db.dataVersion()
        let other = try AppDatabase.open(path: db.path!)
        try other.save(Self.job("J1"))
        try other.save(Self.applicant("A1"))
        let first = try #require(try await db.changes(since: start, limit: 100))
        #expect(first.version > start)
        #expect(first.jobs.map(\.id) == ["J1"] && first.applicants.map(\.id) == ["A1"])
        #expect(first.removedJobs.isEmpty && first.removedApplicants.isEmpty)

        // Two writes of the same id: the set carries the committed (last) row once.
        try other.save(Self.job("J1", status: "closed"))
        try other.save(Self.job("J1", status: "filled"))
        try other.deleteApplicant(id: "A1")
        let second = try #require(try await db.changes(since: first.version, limit: 100))
        #expect(second.jobs.map(\.status) == [.filled])
        #expect(second.removedApplicants == ["A1"])
        #expect(try await db.changes(since: second.version, limit: 100)?.isEmpty == true)

        // Past the limit, or behind a trimmed log: nil, so the reader rebuilds from a snapshot.
        #expect(try await db.changes(since: start, limit: 2) == nil)
        try await db.trimChangeLog(through: second.version)
        #expect(try await db.dataVersion() == second.version)
        #expect(try await db.changes(since: start, limit: 100) == nil)
        try other.save(Self.job("J2"))
        #expect(try await db.changes(since: second.version, limit: 100)?.jobs.map(\.id) == ["J2"])
        let snapshot = try await db.snapshot()
        #expect(snapshot.version == (try await db.dataVersion()))
        #expect(snapshot.jobs.map(\.id) == ["J1", "J2"])
    }

    @Test("a small import logs one change per record it names: a follower patches exactly those")
    func smallImportLogsEachRecord() async throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try await db.dataVersion()
        try db.importDataSet(at: fixture("full"))
        // fixture "full": 8 applicants and 10 postings, so 18 changes.
        #expect(try await db.dataVersion() == before + 18)
        let changes = try #require(try await db.changes(since: before, limit: 10_000))
        #expect(changes.applicants.count == 8 && changes.jobs.count == 10)
        #expect(changes.removedApplicants.isEmpty && changes.removedJobs.isEmpty)
    }

    @Test("a failed import leaves the data version where it was; a large one logs one bulk change, read as a full snapshot")
    func failedImportWritesNoChange() async throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try await db.dataVersion()
        #expect(throws: DataSetImport.Failure.self) { try db.importDataSet(at: fixture("late-bad-enum")) }
        #expect(try await db.dataVersion() == before)
        // Above `perRecordChangesUpTo` records (here set below the fixture's 18) an import is one bulk change.
        try db.importDataSet(at: fixture("full"), options: DataSetImport.Options(perRecordChangesUpTo: 10))
        // The whole import is one change (a new generation of the data), however many records it wrote:
        // a follower rebuilds from a snapshot rather than patching record by record.
        #expect(try await db.dataVersion() == before + 1)
        #expect(try await db.changes(since: before, limit: 10_000) == nil)
        let snapshot = try await db.snapshot()
        #expect(snapshot.applicants.count == 8 && snapshot.jobs.count == 10)
        // Later writes are patched as before.
        try db.save(Self.job("J-AFTER"))
        #expect(try await db.changes(since: before + 1, limit: 100)?.jobs.map(\.id) == ["J-AFTER"])
    }

    @Test("while an import reads its files, another connection writes without waiting")
    func importDoesNotHoldTheWriteLock() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = try AppDatabase.open(path: db.path!)
        let waits = Waits()
        let options = DataSetImport.Options(progress: { progress in
            guard progress.file.hasSuffix("applicants.jsonl"), progress.bytesRead == progress.totalBytes else { return }
            let start = ContinuousClock.now
            try? other.save(Self.job("OTHER"))
            waits.add(ContinuousClock.now - start)
        })
        try db.importDataSet(at: fixture("full"), options: options)
        #expect(waits.all.count == 1)
        // Without a lock held it is immediate; behind the import's lock it would wait out the 10 s busy timeout.
        #expect(waits.all.allSatisfy { $0 < .seconds(5) }, "\(waits.all)")
        #expect(try db.job(id: "OTHER") != nil)
        #expect(try db.counts().jobs == 11)
    }

    @Test("a run whose lists fail half-way is not left behind, and a published one is complete")
    func batchPublishInBlocks() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.save(Self.job("J1"))
        let people = try (0..<(AppDatabase.publishBlock + 5)).map { try Self.applicant(String(format: "A%05d", $0)) }
        for a in people { try db.save(a) }
        let asOf = Timestamp(rfc3339: "2026-11-15T08:00:00+08:00")!
        func run(_ id: String) -> BatchRunRecord {
            BatchRunRecord(id: id, asOf: asOf, modelVersion: "m", dataHash: "d", parameters: "{}", report: "{}", status: .published,
                           outputHash: "", recordedAt: "2026-11-15T08:00:00+08:00")
        }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.savePublishedRun(run("run-a")) { add in
                for a in people { try add(a.id, "{}", [PushRecord(applicant: a.id, job: "J1", rank: 1)]) }
                throw Boom()
            }
        }
        #expect(try db.batchRun(id: "run-a") == nil)
        #expect(try db.pushes(from: 0, to: .infinity).isEmpty)

        let other = try AppDatabase.open(path: db.path!)
        try db.savePublishedRun(run("run-b")) { add in
            for (i, a) in people.enumerated() {
                try add(a.id, "{\"i\":\(i)}", [PushRecord(applicant: a.id, job: "J1", rank: 1)])
                // Between blocks another writer gets in at once.
                if i == AppDatabase.publishBlock + 1 { try other.save(Self.job("J2")) }
            }
            return "hash"
        }
        let stored = try #require(try db.batchRun(id: "run-b"))
        #expect(stored.status == .published && stored.outputHash == "hash")
        #expect(try db.batchLines(run: "run-b").count == people.count)
        #expect(try db.pushes(from: 0, to: .infinity).count == people.count)
        #expect(try db.job(id: "J2") != nil)
    }
}

final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var durations: [Duration] = []
    var all: [Duration] { lock.withLock { durations } }
    func add(_ d: Duration) { lock.withLock { durations.append(d) } }
}
