import Foundation
import JobMatchCore
import JobMatchStore
import Testing

@Suite("Import and export of data-set folders")
struct ImportExportTests {
    @Test("import → export → import is lossless on a set that uses every field and enum")
    func roundTrip() throws {
        let (first, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try first.importDataSet(at: fixture("full"))
        #expect(summary.applicantsAdded == 8)
        #expect(summary.jobsAdded == 10)
        #expect(summary.interactionsAdded == 9)

        let exported = folder.appendingPathComponent("export1").path
        try first.exportDataSet(to: exported)
        let second = try AppDatabase.open(path: folder.appendingPathComponent("second.sqlite").path)
        try second.importDataSet(at: exported)

        #expect(try second.applicants() == first.applicants())
        #expect(try second.jobs() == first.jobs())
        #expect(try second.interactions() == first.interactions())

        // The records equal what the fixture says, field by field.
        let original = try String(contentsOfFile: fixture("full") + "/applicants.jsonl", encoding: .utf8)
            .split(separator: "\n").map { try Interchange.decodeApplicant(Array($0.utf8)).get() }
        #expect(try first.applicants() == original.sorted { $0.id < $1.id })

        // And a second export is byte-identical to the first.
        let exportedAgain = folder.appendingPathComponent("export2").path
        try second.exportDataSet(to: exportedAgain)
        #expect(try files(of: exported) == files(of: exportedAgain))
    }

    @Test("a bad enum on the last line fails the import, names file, line and field, and writes nothing")
    func lateBadEnumWritesNothing() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.importDataSet(at: fixture("full"))
        let before = try (db.applicants(), db.jobs(), db.interactions())

        let failure = #expect(throws: DataSetImport.Failure.self) {
            try db.importDataSet(at: fixture("late-bad-enum"))
        }
        #expect(failure?.totalErrors == 1)
        let error = try #require(failure?.errors.first)
        #expect(error.file?.hasSuffix("late-bad-enum/applicants.jsonl") == true)
        #expect(error.line == 8)
        #expect(error.field == "education")
        #expect(error.description.contains("applicants.jsonl:8: education: unknown value \"phd\""))

        let after = try (db.applicants(), db.jobs(), db.interactions())
        #expect(after.0 == before.0 && after.1 == before.1 && after.2 == before.2)
    }

    @Test("every invalid record is reported with its line and field")
    func everyErrorIsListed() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let failure = #expect(throws: DataSetImport.Failure.self) {
            try db.importDataSet(at: fixture("many-errors"))
        }
        let found = Set((failure?.errors ?? []).map { "\(($0.file! as NSString).lastPathComponent):\($0.line!):\($0.field ?? "-")" })
        let expected: Set<String> = [
            "applicants.jsonl:1:birth_year", "applicants.jsonl:2:district", "applicants.jsonl:3:location.lat",
            "applicants.jsonl:4:disability.grade", "applicants.jsonl:5:gender", "applicants.jsonl:6:updated_at",
            "applicants.jsonl:7:updated_at", "applicants.jsonl:9:-",
            "jobs.jsonl:1:openings", "jobs.jsonl:2:expires_at", "jobs.jsonl:3:job_type", "jobs.jsonl:4:wage.min",
            "jobs.jsonl:5:demands.vision", "interactions.jsonl:1:applicant", "interactions.jsonl:1:job",
        ]
        #expect(found == expected)
        #expect(try db.counts() == (0, 0, 0))
    }

    @Test("re-importing replaces records by id and skips interactions already recorded")
    func reimportReplaces() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.importDataSet(at: fixture("full"))
        var changed = try #require(try db.applicant(id: "A001"))
        changed.skills = ["叉车"]
        try db.save(changed)
        let summary = try db.importDataSet(at: fixture("full"))
        #expect(summary.applicantsAdded == 0 && summary.applicantsReplaced == 8)
        #expect(summary.interactionsAdded == 0 && summary.interactionsAlreadyPresent == 9)
        #expect(try db.applicant(id: "A001")?.skills == ["保洁", "收银"])
        #expect(try db.counts() == (8, 10, 9))
    }

    @Test("unknown fields are warnings, with the file, line and field")
    func unknownFieldsWarn() throws {
        let source = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        for name in ["applicants.jsonl", "jobs.jsonl", "interactions.jsonl"] {
            var text = try String(contentsOfFile: fixture("late-bad-enum") + "/" + name, encoding: .utf8)
            if name == "applicants.jsonl" { text = text.replacingOccurrences(of: "\"phd\"", with: "\"college\"") }
            try text.write(to: source.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let db = try AppDatabase.open(path: source.appendingPathComponent("db.sqlite").path)
        let summary = try db.importDataSet(at: source.path)
        #expect(summary.warnings.count == 1)
        #expect(summary.warnings.first?.contains("applicants.jsonl:2: nickname: unknown field, ignored") == true)
    }

    @Test("the database's folders are created when missing")
    func createsFolders() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/c/jobmatch.sqlite").path
        _ = try AppDatabase.open(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}

@Suite("Moving a data set in time")
struct TimeShiftTests {
    @Test("a shifted import moves every time by whole days and keeps the offsets")
    func shiftedImport() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try #require(try DataSetManifest.read(folder: fixture("full")))
        #expect(manifest.asOf == nil)
        #expect(throws: JobMatchError.self) { try manifest.shift(toAsOf: Timestamp.now()) }

        try db.importDataSet(at: fixture("full"), options: .init(timeShift: 10 * 86_400))
        let job = try #require(try db.job(id: "J001"))
        #expect(job.postedAt.text == "2026-10-11T09:00:00+08:00")
        #expect(job.expiresAt.text == "2027-01-10T18:00:00+08:00")
        #expect(try db.applicant(id: "A003")?.updatedAt.text == "2026-10-30T10:00:00Z")
        #expect(try db.interactions().first?.at.text == "2026-11-12T08:00:00+08:00")
    }

    @Test("the shift to a target day is rounded to whole days")
    func shiftRounding() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"name":"x","as_of":"2026-11-30T09:00:00+08:00"}"#.write(
            to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let manifest = try #require(try DataSetManifest.read(folder: folder.path))
        let target = try #require(Timestamp(rfc3339: "2027-03-01T22:30:00+08:00"))
        #expect(try manifest.shift(toAsOf: target) == 91 * 86_400)
    }
}
