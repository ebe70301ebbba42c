import Foundation
import JobMatchCore
import JobMatchStore
import Testing

/// Interchange 1.1 data sets through import and export: `Fixtures/v11` is hand-written in the export's canonical
/// form (households, a course with every field, every service kind, entries out of time order).
@Suite("Interchange 1.1 import and export")
struct Interchange11ImportTests {
    static let dataFiles = ["applicants.jsonl", "jobs.jsonl", "interactions.jsonl", "trainings.jsonl", "services.jsonl"]

    @Test("a 1.1 data set imports and exports back byte for byte, all five files")
    func roundTrip() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try db.importDataSet(at: fixture("v11"))
        #expect(summary.applicantsAdded == 4 && summary.jobsAdded == 3 && summary.interactionsAdded == 2)
        #expect(summary.trainingsAdded == 3 && summary.servicesAdded == 12)
        #expect(summary.warnings.isEmpty)
        #expect(Set(try db.trainings().map(\.id)) == ["T01", "T02", "T03"])
        #expect(try db.householdMembers(of: "H500103-0001").map(\.id) == ["P01", "P02"])
        #expect(Set(try db.services(before: Timestamp(rfc3339: "2027-01-01T00:00:00+08:00")!).map(\.kind)) == Set(ServiceKind.allCases))
        // P03's entrepreneurship entry was recorded after P02's follow-up but is older: oldest first for P03.
        #expect(try db.services(applicant: "P03").map(\.kind) == [.entrepreneurship, .jobFair])

        let out = folder.appendingPathComponent("out").path
        let exported = try db.exportDataSet(to: out)
        #expect(exported.applicants == 4 && exported.jobs == 3 && exported.interactions == 2)
        #expect(exported.trainings == 3 && exported.services == 12)
        let original = try files(of: fixture("v11"))
        #expect(original.keys.sorted() == Self.dataFiles.sorted())
        #expect(try files(of: out) == original)
    }

    @Test("re-importing a 1.1 data set replaces courses by id and skips the entries already recorded")
    func reimport() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.importDataSet(at: fixture("v11"))
        let again = try db.importDataSet(at: fixture("v11"))
        #expect(again.trainingsAdded == 0 && again.trainingsReplaced == 3)
        #expect(again.servicesAdded == 0 && again.servicesAlreadyPresent == 12)
        #expect(try db.assistanceCounts() == (3, 12))
    }

    @Test("a 1.0 data set imports and exports to exactly its three files, byte for byte")
    func version10RoundTrip() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The 1.1 fixture without what 1.1 added: no household, no trainings or services file.
        let source = folder.appendingPathComponent("v10")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        for name in ["applicants.jsonl", "jobs.jsonl", "interactions.jsonl"] {
            var text = try String(contentsOfFile: fixture("v11") + "/" + name, encoding: .utf8)
            text = text.replacing(/,"household":"[^"]*"/, with: "")
            try text.write(to: source.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let summary = try db.importDataSet(at: source.path)
        #expect(summary.applicantsAdded == 4 && summary.trainingsAdded == 0 && summary.servicesAdded == 0)
        #expect(summary.warnings.isEmpty)
        // A stale 1.1 file in the export folder does not survive an export with nothing to put in it.
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "stale\n".write(to: out.appendingPathComponent("services.jsonl"), atomically: true, encoding: .utf8)
        try db.exportDataSet(to: out.path)
        #expect(try files(of: out.path) == files(of: source.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["applicants.jsonl", "interactions.jsonl", "jobs.jsonl"])
    }

    @Test("bad 1.1 lines are refused with file:line: field, references checked, and nothing is written")
    func badLinesWriteNothing() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.importDataSet(at: fixture("full"))
        let before = try (db.counts(), db.assistanceCounts())
        let failure = #expect(throws: DataSetImport.Failure.self) { try db.importDataSet(at: fixture("v11-bad")) }
        let found = Set((failure?.errors ?? []).map { "\(($0.file! as NSString).lastPathComponent):\($0.line!):\($0.field ?? "-")" })
        #expect(found == [
            "trainings.jsonl:2:ends_at", "trainings.jsonl:3:id",
            "services.jsonl:3:job", "services.jsonl:4:training", "services.jsonl:5:job",
            "services.jsonl:9:applicant", "services.jsonl:11:kind",
        ])
        let unknownJob = try #require(failure?.errors.first { $0.line == 3 && $0.field == "job" })
        #expect(unknownJob.description.contains("services.jsonl:3: job: unknown job \"J99\""))
        let after = try (db.counts(), db.assistanceCounts())
        #expect(after.0 == before.0 && after.1 == before.1)
        #expect(try db.applicant(id: "P01") == nil)
    }

    @Test("a shifted import moves the courses' and the entries' times too")
    func shifted() throws {
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try db.importDataSet(at: fixture("v11"), options: .init(timeShift: 7 * 86_400))
        let course = try #require(try db.training(id: "T01"))
        #expect(course.startsAt.text == "2026-11-16T09:00:00+08:00" && course.endsAt.text == "2026-12-04T17:00:00+08:00")
        #expect(try db.services(applicant: "P04").first?.at.text == "2026-11-22T10:00:00+08:00")
    }

    @Test("the bundled sample (generator 2.1.0, all five files) imports and exports back byte for byte")
    func sampleRoundTrip() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/sample").path
        let (db, folder) = try makeDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try db.importDataSet(at: sample)
        #expect(summary.trainingsAdded > 0 && summary.servicesAdded > 0)
        let out = folder.appendingPathComponent("out").path
        try db.exportDataSet(to: out)
        let original = try files(of: sample)
        #expect(original.count == 5)
        #expect(try files(of: out) == original)
    }
}
