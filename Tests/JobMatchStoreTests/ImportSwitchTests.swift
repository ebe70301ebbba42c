import Foundation
import GRDB
import JobMatchCore
import JobMatchStore
import Testing

/// An import is all or nothing for readers too: another connection reading while it runs sees the data
/// set as it was or as the import leaves it, never a mix, although the import writes in many small
/// transactions. The expected states are written by hand from the two data sets the test makes.
@Suite("Import: one switch, old or new for every reader")
struct ImportSwitchTests {
    static func applicant(_ id: String) -> String {
        #"{"id":"\#(id)","gender":"F","birth_year":1980,"district":"500103","education":"junior_high","status":"seeking","updated_at":"2026-11-02T08:00:00+08:00"}"#
    }

    static func job(_ id: String, status: String) -> String {
        #"{"id":"\#(id)","employer":{"id":"E1","name":"某公司"},"title":"保洁员","district":"500103","job_type":"full_time","openings":1,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2027-02-01T08:00:00+08:00","status":"\#(status)"}"#
    }

    static func interaction(_ applicant: String, _ job: String) -> String {
        #"{"applicant":"\#(applicant)","job":"\#(job)","event":"viewed","at":"2026-11-03T08:00:00+08:00"}"#
    }

    static func write(_ folder: URL, applicants: [String], jobs: [String], interactions: [String]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, lines) in [("applicants.jsonl", applicants), ("jobs.jsonl", jobs), ("interactions.jsonl", interactions)] {
            try lines.map { $0 + "\n" }.joined().write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// What a reader sees: new people, new jobs, base jobs closed, interactions (read in one transaction).
    struct Seen: Equatable, CustomStringConvertible {
        var newApplicants: Int, newJobs: Int, closedBaseJobs: Int, interactions: Int
        var description: String { "(\(newApplicants), \(newJobs), \(closedBaseJobs), \(interactions))" }
    }

    static func seen(_ reader: any DatabaseReader) throws -> Seen {
        try reader.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            return Seen(newApplicants: try count("SELECT COUNT(*) FROM applicant WHERE id LIKE 'N%'"),
                        newJobs: try count("SELECT COUNT(*) FROM job WHERE id LIKE 'N%'"),
                        closedBaseJobs: try count("SELECT COUNT(*) FROM job WHERE id LIKE 'B%' AND status = 'closed'"),
                        interactions: try count("SELECT COUNT(*) FROM interaction"))
        }
    }

    @Test("a reader polling in another connection sees the old data set or the new one, never a mix")
    func readersSeeOldOrNew() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = (0..<40).map { String(format: "B%03d", $0) }
        let people = (0..<40).map { String(format: "P%03d", $0) }
        try Self.write(folder.appendingPathComponent("base"), applicants: people.map(Self.applicant),
                       jobs: base.map { Self.job($0, status: "open") }, interactions: zip(people, base).map(Self.interaction))
        try db.importDataSet(at: folder.appendingPathComponent("base").path)
        // The import: 600 new people and jobs, the 40 base jobs closed, 600 new interactions.
        let newPeople = (0..<600).map { String(format: "N%04d", $0) }
        let newJobs = (0..<600).map { String(format: "N%04d", $0) }
        try Self.write(folder.appendingPathComponent("next"), applicants: newPeople.map(Self.applicant),
                       jobs: base.map { Self.job($0, status: "closed") } + newJobs.map { Self.job($0, status: "open") },
                       interactions: zip(newPeople, newJobs).map(Self.interaction))
        let old = Seen(newApplicants: 0, newJobs: 0, closedBaseJobs: 0, interactions: 40)
        let new = Seen(newApplicants: 600, newJobs: 600, closedBaseJobs: 40, interactions: 640)

        let other = try DatabasePool(path: db.path!)
        let midway = Box()
        let done = Box()
        let poller = Thread {
            while !done.flag {
                if let seen = try? Self.seen(other) { midway.add(seen) }
            }
        }
        poller.start()
        // Mid-import (the people staged and committed, the jobs not yet): still the old data set.
        let options = DataSetImport.Options(progress: { progress in
            guard progress.file.hasSuffix("applicants.jsonl"), progress.bytesRead == progress.totalBytes else { return }
            midway.atProgress = try? Self.seen(other)
        }, rowsPerTransaction: 25)
        let summary = try db.importDataSet(at: folder.appendingPathComponent("next").path, options: options)
        done.flag = true
        while !poller.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        #expect(midway.atProgress == old)
        #expect(try Self.seen(other) == new)
        #expect(!midway.all.isEmpty)
        let mixed = midway.all.filter { $0 != old && $0 != new }
        #expect(mixed.isEmpty, "a reader saw a mix: \(mixed.prefix(5))")
        #expect(summary.applicantsAdded == 600 && summary.jobsAdded == 600 && summary.jobsReplaced == 40 && summary.interactionsAdded == 600)
        // No staged or switched-out table is left, and the schema is whole.
        let leftovers = try other.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE name LIKE '%\\_next' ESCAPE '\\' OR name LIKE '%\\_old' ESCAPE '\\'")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(try other.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try other.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
    }

    @Test("after an import the change-log triggers still follow every write, and a second import switches again")
    func triggersFollowTheSwitch() async throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.write(folder.appendingPathComponent("one"), applicants: [Self.applicant("P1")], jobs: [Self.job("B1", status: "open")],
                       interactions: [Self.interaction("P1", "B1")])
        try db.importDataSet(at: folder.appendingPathComponent("one").path)
        let version = try await db.dataVersion()
        _ = try db.deleteApplicant(id: "P1")   // the interaction goes with the person (foreign key, cascade)
        let set = try #require(try await db.changes(since: version, limit: 10))
        #expect(set.removedApplicants == ["P1"])
        #expect(try db.counts().interactions == 0)
        try Self.write(folder.appendingPathComponent("two"), applicants: [Self.applicant("P2")], jobs: [Self.job("B1", status: "filled")],
                       interactions: [Self.interaction("P2", "B1")])
        try db.importDataSet(at: folder.appendingPathComponent("two").path)
        #expect(try db.job(id: "B1")?.status == .filled)
        #expect(try db.counts().applicants == 1 && db.counts().interactions == 1)
        _ = try db.deleteJob(id: "B1")
        #expect(try db.counts().interactions == 0)
    }
}

/// What the polling reader saw (shared with the import's progress callback).
final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [ImportSwitchTests.Seen] = []
    private var _flag = false
    private var _atProgress: ImportSwitchTests.Seen?
    var flag: Bool {
        get { lock.withLock { _flag } }
        set { lock.withLock { _flag = newValue } }
    }
    var atProgress: ImportSwitchTests.Seen? {
        get { lock.withLock { _atProgress } }
        set { lock.withLock { _atProgress = newValue } }
    }
    var all: [ImportSwitchTests.Seen] { lock.withLock { seen } }
    func add(_ s: ImportSwitchTests.Seen) { lock.withLock { seen.append(s) } }
}
