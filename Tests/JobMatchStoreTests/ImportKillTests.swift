import Foundation
import GRDB
import JobMatchCore
import JobMatchStore
import Testing

/// kill -9 of a real `jobmatch import` while it stages: the visible data stays as it was, the staged
/// tables it left are garbage the next import drops, and that import succeeds whole.
@Suite("Import: killed mid-way")
struct ImportKillTests {
    /// The `jobmatch` executable beside the test bundle (built with the tests).
    static var binary: String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("jobmatch").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    static func stagedRows(_ reader: any DatabaseReader) throws -> Int {
        try reader.read { db in
            guard try db.tableExists("applicant_next") else { return 0 }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applicant_next") ?? 0
        }
    }

    @Test("SIGKILL while staging: the data is unchanged, the leftovers are dropped by the next import, which succeeds")
    func killedWhileStaging() throws {
        let jobmatch = try #require(Self.binary, "the jobmatch executable is built beside the tests")
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ImportSwitchTests.write(folder.appendingPathComponent("base"), applicants: [ImportSwitchTests.applicant("P1")],
                                    jobs: [ImportSwitchTests.job("B1", status: "open")],
                                    interactions: [ImportSwitchTests.interaction("P1", "B1")])
        try db.importDataSet(at: folder.appendingPathComponent("base").path)
        let big = (0..<40_000).map { String(format: "N%05d", $0) }
        try ImportSwitchTests.write(folder.appendingPathComponent("big"), applicants: big.map(ImportSwitchTests.applicant),
                                    jobs: [ImportSwitchTests.job("B1", status: "filled")], interactions: [])
        let reader = try DatabasePool(path: db.path!)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: jobmatch)
        process.arguments = ["import", folder.appendingPathComponent("big").path, "--db", db.path!]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some of its rows are staged (committed in the file, not yet visible).
        var staged = 0
        for _ in 0..<3000 where process.isRunning {
            staged = (try? Self.stagedRows(reader)) ?? 0
            if staged > 0 { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it was killed")
        #expect(staged > 0)

        // What readers see: exactly the data before the import.
        #expect(try db.counts() == (applicants: 1, jobs: 1, interactions: 1))
        #expect(try db.job(id: "B1")?.status == .open)
        #expect(try reader.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try Self.stagedRows(reader) > 0, "the killed import's staged rows are left as garbage")

        // The next import drops them and succeeds whole.
        let summary = try db.importDataSet(at: folder.appendingPathComponent("big").path)
        #expect(summary.applicantsAdded == 40_000 && summary.jobsReplaced == 1)
        #expect(try db.counts() == (applicants: 40_001, jobs: 1, interactions: 1))
        #expect(try db.job(id: "B1")?.status == .filled)
        let leftovers = try reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE name LIKE '%\\_next' ESCAPE '\\' OR name LIKE '%\\_old' ESCAPE '\\'")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("a second import while one runs is refused; leftovers are not dropped from under a running import")
    func oneImportAtATime() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ImportSwitchTests.write(folder.appendingPathComponent("one"), applicants: [ImportSwitchTests.applicant("P1")],
                                    jobs: [], interactions: [])
        let other = try AppDatabase.open(path: db.path!)
        let refused = Box()
        let options = DataSetImport.Options(progress: { _ in
            do {
                try other.importDataSet(at: folder.appendingPathComponent("one").path)
            } catch let error as JobMatchError where error.code == .conflict {
                refused.flag = true
            } catch {}
            if (try? other.removeImportLeftovers()) == false { refused.add(.init(newApplicants: 0, newJobs: 0, closedBaseJobs: 0, interactions: 0)) }
        })
        try db.importDataSet(at: folder.appendingPathComponent("one").path, options: options)
        #expect(refused.flag)
        #expect(!refused.all.isEmpty, "removeImportLeftovers left the running import alone")
        #expect(try db.counts().applicants == 1)
    }
}
