import Foundation
import JobMatchCore
import JobMatchStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The fast part of the import fuzzer: corrupted variants of a small valid data set, each imported into
/// a database that already holds data. A variant must fail with an error naming the file, the line and
/// (where there is one) the field, and leave the database exactly as it was; CRLF variants must import.
/// The long part, hundreds of variants through the real binary, is `scripts/fuzz-import.sh`.
@Suite("Import fuzz: corrupted data sets are refused whole")
struct ImportFuzzTests {
    typealias Files = [String: [UInt8]]

    static let applicants = [
        #"{"id":"B1","gender":"F","birth_year":1972,"district":"500103","location":{"lat":29.556,"lng":106.568},"education":"junior_high","disability":{"categories":["physical"],"grade":3},"groups":["disabled"],"skills":["保洁"],"preferences":{"max_commute_km":10},"status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#,
        #"{"id":"B2","gender":"M","birth_year":1990,"district":"500106","education":"senior_high","skills":["叉车"],"status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#,
        #"{"id":"B3","gender":"F","birth_year":1985,"district":"500103","education":"college","status":"employed","updated_at":"2026-11-01T08:00:00+08:00"}"#,
    ]
    static let jobs = [
        #"{"id":"K1","employer":{"id":"E1","name":"渝中物业"},"title":"保洁员","district":"500103","location":{"lat":29.557,"lng":106.57},"job_type":"full_time","hours_per_week":40,"demands":{"standing":"medium"},"tags":["age_friendly"],"openings":2,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2027-01-01T08:00:00+08:00","status":"open"}"#,
        #"{"id":"K2","employer":{"id":"E2","name":"物流"},"title":"叉车司机","district":"500106","job_type":"part_time","openings":1,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2027-01-01T08:00:00+08:00","status":"open"}"#,
    ]
    static let interactions = [
        #"{"applicant":"B1","job":"K1","event":"applied","at":"2026-11-02T09:00:00+08:00"}"#,
        #"{"applicant":"B2","job":"K2","event":"hired","at":"2026-11-03T09:00:00+08:00"}"#,
    ]

    /// Interchange 1.1.
    static let trainings = [
        #"{"id":"C1","title":"叉车司机培训","provider":"渝北区职业培训中心","district":"500112","location":{"lat":29.72,"lng":106.63},"mode":"in_person","skills":["叉车"],"certificates":["叉车证"],"education_min":"junior_high","hours":80,"starts_at":"2026-12-01T09:00:00+08:00","ends_at":"2026-12-20T17:00:00+08:00","seats":20,"subsidized":true}"#,
        #"{"id":"C2","title":"电商直播运营培训","district":"500106","mode":"online","starts_at":"2026-12-01T19:00:00+08:00","ends_at":"2026-12-15T21:00:00+08:00"}"#,
    ]
    static let services = [
        #"{"applicant":"B1","kind":"referral","at":"2026-11-02T08:00:00+08:00","by":"王芳","job":"K1"}"#,
        #"{"applicant":"B2","kind":"training_enrolled","at":"2026-11-20T10:00:00+08:00","training":"C1"}"#,
        #"{"applicant":"B3","kind":"counseling","at":"2026-11-21T10:00:00+08:00","note":"电话"}"#,
    ]

    static var valid: Files {
        func file(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }
        return ["applicants.jsonl": file(applicants), "jobs.jsonl": file(jobs), "interactions.jsonl": file(interactions),
                "trainings.jsonl": file(trainings), "services.jsonl": file(services)]
    }

    /// What a variant must do: fail naming file, line and field (nil: the line is not a JSON object at all),
    /// with a message containing `says`; or be accepted.
    enum Expected { case error(file: String, line: Int, field: String?, says: String), accepted }

    struct Variant: CustomTestStringConvertible {
        var name: String
        var files: Files
        var expected: Expected
        var testDescription: String { name }
    }

    /// Replaces the first `of` on line `line` (1-based) of `file` with `with`.
    static func edit(_ file: String, line: Int, _ of: String, _ with: String) -> Files {
        var files = valid
        var lines = String(decoding: files[file]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        precondition(lines[line - 1].contains(of), "\(file):\(line) has no \(of)")
        lines[line - 1] = lines[line - 1].replacing(of, with: with, maxReplacements: 1)
        files[file] = Array(lines.joined(separator: "\n").utf8)
        return files
    }

    static func bytes(_ file: String, _ change: (inout [UInt8]) -> Void) -> Files {
        var files = valid
        change(&files[file]!)
        return files
    }

    static func lineStart(_ bytes: [UInt8], _ line: Int) -> Int {
        var n = 1, i = 0
        while n < line { if bytes[i] == 0x0A { n += 1 }; i += 1 }
        return i
    }

    static let variants: [Variant] = {
        var v: [Variant] = []
        func bad(_ name: String, _ files: Files, _ file: String, _ line: Int, _ field: String?, _ says: String) {
            v.append(Variant(name: name, files: files, expected: .error(file: file, line: line, field: field, says: says)))
        }
        let a = "applicants.jsonl", j = "jobs.jsonl", i = "interactions.jsonl", t = "trainings.jsonl", s = "services.jsonl"
        // Truncations: a line cut anywhere is not JSON; the whole file cut mid-line too.
        for cut in [1, 10, 40, 80, 120] {
            bad("applicants line 2 cut after \(cut) bytes", bytes(a) { b in
                let s = lineStart(b, 2), e = lineStart(b, 3) - 1
                b.removeSubrange(min(s + cut, e - 1)..<e)
            }, a, 2, nil, "not valid JSON")
        }
        for keep in [0.3, 0.7, 0.95] {
            bad("jobs.jsonl cut at \(Int(keep * 100))% (no final newline)", bytes(j) { b in b.removeLast(b.count - Int(Double(b.count) * keep)) },
                j, keep < 0.5 ? 1 : 2, nil, "not valid JSON")
        }
        bad("interactions cut mid-line", bytes(i) { b in b.removeLast(20) }, i, 2, nil, "not valid JSON")
        // Invalid UTF-8 in a string and outside one, NUL bytes, control characters.
        bad("invalid UTF-8 in a string", bytes(a) { b in b[b.firstIndex(of: 0xE4)!] = 0xFF }, a, 1, nil, "UTF-8")
        bad("lone continuation byte in a string", bytes(j) { b in b[lineStart(b, 2) + 40] = 0x80 }, j, 2, nil, "not valid JSON")
        bad("invalid UTF-8 between fields", bytes(a) { b in b.insert(0xC3, at: lineStart(b, 3) + 1) }, a, 3, nil, "not valid JSON")
        bad("NUL byte in a line", bytes(a) { b in b.insert(0, at: lineStart(b, 2) + 8) }, a, 2, nil, "not valid JSON")
        bad("raw tab inside a string", edit(a, line: 2, "叉车", "叉\t车"), a, 2, nil, "control character")
        // Not an object.
        bad("a line that is an array", edit(j, line: 2, #"{"id":"K2""#, #"[{"id":"K2""#), j, 2, nil, "not valid JSON")
        bad("a line that is null", bytes(i) { b in b = Array("null\n".utf8) + b }, i, 1, nil, "expected an object")
        bad("a line that is a string", bytes(a) { b in b += Array("\"B4\"\n".utf8) }, a, 4, nil, "expected an object")
        bad("text after the object", edit(a, line: 1, #"+08:00"}"#, #"+08:00"} x"#), a, 1, nil, "not valid JSON")
        // Wrong types.
        bad("birth_year as a string", edit(a, line: 2, #""birth_year":1990"#, #""birth_year":"1990""#), a, 2, "birth_year", "")
        bad("birth_year fractional", edit(a, line: 2, #""birth_year":1990"#, #""birth_year":1990.5"#), a, 2, "birth_year", "")
        bad("location as a string", edit(a, line: 1, #""location":{"lat":29.556,"lng":106.568}"#, #""location":"渝中""#), a, 1, "location", "")
        bad("location.lat as a string", edit(a, line: 1, #""lat":29.556"#, #""lat":"29.556""#), a, 1, "location.lat", "")
        bad("groups as a string", edit(a, line: 1, #""groups":["disabled"]"#, #""groups":"disabled""#), a, 1, "groups", "")
        bad("skills holding a number", edit(a, line: 2, #""skills":["叉车"]"#, #""skills":[7]"#), a, 2, "skills[0]", "")
        bad("disability.grade as a string", edit(a, line: 1, #""grade":3"#, #""grade":"3""#), a, 1, "disability.grade", "")
        bad("preferences.max_commute_km as a string", edit(a, line: 1, #""max_commute_km":10"#, #""max_commute_km":"10km""#), a, 1, "preferences.max_commute_km", "")
        bad("employer as a string", edit(j, line: 2, #""employer":{"id":"E2","name":"物流"}"#, #""employer":"E2""#), j, 2, "employer", "")
        bad("openings as a string", edit(j, line: 1, #""openings":2"#, #""openings":"2""#), j, 1, "openings", "")
        bad("hours_per_week as a boolean", edit(j, line: 1, #""hours_per_week":40"#, #""hours_per_week":true"#), j, 1, "hours_per_week", "")
        bad("at as a number", edit(i, line: 2, #""at":"2026-11-03T09:00:00+08:00""#, #""at":1764723600"#), i, 2, "at", "")
        // Unknown enum values and values out of range.
        bad("unknown education", edit(a, line: 3, #""education":"college""#, #""education":"phd""#), a, 3, "education", "unknown value")
        bad("unknown gender", edit(a, line: 2, #""gender":"M""#, #""gender":"X""#), a, 2, "gender", "")
        bad("unknown group", edit(a, line: 1, #""groups":["disabled"]"#, #""groups":["disabled","veteran"]"#), a, 1, "groups[1]", "")
        bad("unknown disability category", edit(a, line: 1, #""categories":["physical"]"#, #""categories":["deaf"]"#), a, 1, "disability.categories[0]", "")
        bad("unknown applicant status", edit(a, line: 3, #""status":"employed""#, #""status":"retired""#), a, 3, "status", "")
        bad("unknown job_type", edit(j, line: 2, #""job_type":"part_time""#, #""job_type":"internship""#), j, 2, "job_type", "")
        bad("unknown tag", edit(j, line: 1, #""tags":["age_friendly"]"#, #""tags":["age_friendly","family"]"#), j, 1, "tags[1]", "")
        bad("unknown demand level", edit(j, line: 1, #""standing":"medium""#, #""standing":"extreme""#), j, 1, "demands.standing", "")
        bad("unknown event", edit(i, line: 1, #""event":"applied""#, #""event":"liked""#), i, 1, "event", "")
        bad("birth_year 1800", edit(a, line: 2, #""birth_year":1990"#, #""birth_year":1800"#), a, 2, "birth_year", "")
        bad("disability grade 5", edit(a, line: 1, #""grade":3"#, #""grade":5"#), a, 1, "disability.grade", "")
        bad("openings 0", edit(j, line: 2, #""openings":1"#, #""openings":0"#), j, 2, "openings", "")
        bad("bad time", edit(j, line: 2, #""posted_at":"2026-10-01T08:00:00+08:00""#, #""posted_at":"2026-10-01 08:00""#), j, 2, "posted_at", "")
        bad("missing required status", edit(a, line: 2, #","status":"seeking""#, ""), a, 2, "status", "required")
        bad("missing required job title", edit(j, line: 1, #""title":"保洁员","#, ""), j, 1, "title", "required")
        // Duplicate keys and ids.
        bad("duplicate top-level key", edit(a, line: 2, #""id":"B2","#, #""id":"B2","id":"B9","#), a, 2, "id", "duplicate key")
        bad("duplicate nested key", edit(a, line: 1, #""lat":29.556,"#, #""lat":29.556,"lat":30.1,"#), a, 1, "location.lat", "duplicate key")
        bad("duplicate key in employer", edit(j, line: 2, #""name":"物流""#, #""name":"物流","name":"别的""#), j, 2, "employer.name", "duplicate key")
        bad("duplicate key in an interaction", edit(i, line: 2, #""event":"hired""#, #""event":"hired","event":"rejected""#), i, 2, "event", "duplicate key")
        bad("duplicate applicant id", edit(a, line: 3, #""id":"B3""#, #""id":"B1""#), a, 3, "id", "duplicate id")
        bad("duplicate job id", edit(j, line: 2, #""id":"K2""#, #""id":"K1""#), j, 2, "id", "duplicate id")
        bad("interaction naming an unknown applicant", edit(i, line: 2, #""applicant":"B2""#, #""applicant":"NOBODY""#), i, 2, "applicant", "unknown applicant")
        bad("interaction naming an unknown job", edit(i, line: 1, #""job":"K1""#, #""job":"K404""#), i, 1, "job", "unknown job")
        // Byte order mark: an error (interchange files are UTF-8 without BOM, RFC 8259 §8.1).
        bad("BOM at the start of applicants.jsonl", bytes(a) { b in b.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }, a, 1, nil, "byte order mark")
        bad("BOM at the start of jobs.jsonl", bytes(j) { b in b.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }, j, 1, nil, "byte order mark")
        // Huge lines: a line far longer than the 1 MB read chunk, then an error after it on the right line.
        let huge = String(repeating: "保洁", count: 400_000)
        var long = edit(a, line: 2, #""skills":["叉车"]"#, #""skills":["叉车"],"profile_text":"\#(huge)""#)
        long["applicants.jsonl"]! += Array(#"{"id":"B4","gender":"F","birth_year":1985,"district":"500103","education":"mba","status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#.utf8)
        bad("a 2.4 MB line, then a bad enum on the next", long, a, 4, "education", "unknown value")
        bad("a 2.4 MB line cut short", bytes(a) { b in b = Array(#"{"id":"B9","profile_text":"\#(huge)"#.utf8) + [0x0A] + b }, a, 1, nil, "not valid JSON")
        // An error in the last file after two good ones: nothing of the first two may stay.
        bad("only the last interaction is bad", edit(i, line: 2, #""at":"2026-11-03T09:00:00+08:00""#, #""at":"yesterday""#), i, 2, "at", "")
        // Interchange 1.1: courses and service entries, their fields and their references.
        bad("course ending before it starts", edit(t, line: 2, #""ends_at":"2026-12-15T21:00:00+08:00""#, #""ends_at":"2026-11-15T21:00:00+08:00""#), t, 2, "ends_at", "not after")
        bad("course with no seats", edit(t, line: 1, #""seats":20"#, #""seats":0"#), t, 1, "seats", "")
        bad("unknown course mode", edit(t, line: 2, #""mode":"online""#, #""mode":"tv""#), t, 2, "mode", "unknown value")
        bad("course hours as a string", edit(t, line: 1, #""hours":80"#, #""hours":"80h""#), t, 1, "hours", "")
        bad("duplicate course id", edit(t, line: 2, #""id":"C2""#, #""id":"C1""#), t, 2, "id", "duplicate id")
        bad("course cut mid-line", bytes(t) { b in b.removeLast(30) }, t, 2, nil, "not valid JSON")
        bad("unknown service kind", edit(s, line: 3, #""kind":"counseling""#, #""kind":"hotline""#), s, 3, "kind", "unknown value")
        bad("service naming an unknown applicant", edit(s, line: 3, #""applicant":"B3""#, #""applicant":"NOBODY""#), s, 3, "applicant", "unknown applicant")
        bad("service naming an unknown job", edit(s, line: 1, #""job":"K1""#, #""job":"K404""#), s, 1, "job", "unknown job")
        bad("service naming an unknown course", edit(s, line: 2, #""training":"C1""#, #""training":"C9""#), s, 2, "training", "unknown training")
        bad("training entry without its course", edit(s, line: 2, #","training":"C1""#, ""), s, 2, "training", "required")
        bad("service at a bad time", edit(s, line: 3, #""at":"2026-11-21T10:00:00+08:00""#, #""at":"2026-11-21""#), s, 3, "at", "")
        // CRLF line endings and blank lines are accepted.
        v.append(Variant(name: "CRLF line endings everywhere", files: valid.mapValues { b in
            b.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        }, expected: .accepted))
        v.append(Variant(name: "CRLF with blank lines and no final newline", files: valid.mapValues { b in
            Array(String(decoding: b, as: UTF8.self).split(separator: "\n").joined(separator: "\r\n\r\n  \r\n").utf8)
        }, expected: .accepted))
        return v
    }()

    /// A database holding other data, and its content.
    static func seeded(_ folder: URL) throws -> AppDatabase {
        let db = try AppDatabase.open(path: folder.appendingPathComponent("db.sqlite").path)
        let base = folder.appendingPathComponent("base")
        try write(["applicants.jsonl": Array((applicants.map { $0.replacing("\"B", with: "\"Z") }.joined(separator: "\n") + "\n").utf8),
                   "jobs.jsonl": Array((jobs.map { $0.replacing("\"K", with: "\"Y") }.joined(separator: "\n") + "\n").utf8),
                   // The same course ids with other titles, and an entry for the seeded people: a half-written import would show.
                   "trainings.jsonl": Array((trainings.map { $0.replacing("培训\"", with: "培训（旧）\"") }.joined(separator: "\n") + "\n").utf8),
                   "services.jsonl": Array((services[0].replacing("\"B", with: "\"Z").replacing("\"K", with: "\"Y") + "\n").utf8)], to: base)
        try db.importDataSet(at: base.path)
        return db
    }

    static func write(_ files: Files, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
    }

    static func content(_ db: AppDatabase) throws -> ([Applicant], [Job], [Interaction], [Training], [ServiceRecord]) {
        (try db.applicants(), try db.jobs(), try db.interactions(), try db.trainings(),
         try db.services(before: Timestamp(rfc3339: "2100-01-01T00:00:00Z")!))
    }

    @Test func variantCount() { #expect(Self.variants.count >= 60) }

    @Test(arguments: variants)
    func variantIsRefusedWhole(_ variant: Variant) throws {
        let folder = try temporaryFolder("fuzz")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let db = try Self.seeded(folder)
        let before = try Self.content(db)
        let data = folder.appendingPathComponent("variant")
        try Self.write(variant.files, to: data)
        switch variant.expected {
        case .accepted:
            let summary = try db.importDataSet(at: data.path)
            #expect(summary.applicantsAdded == 3 && summary.jobsAdded == 2 && summary.interactionsAdded == 2)
            #expect(summary.trainingsReplaced == 2 && summary.servicesAdded == 3)
            #expect(try db.applicants(status: .seeking).map(\.id).sorted() == ["B1", "B2", "Z1", "Z2"])
        case let .error(file, line, field, says):
            do {
                try db.importDataSet(at: data.path)
                Issue.record("\(variant.name): accepted")
            } catch let failure as DataSetImport.Failure {
                let first = try #require(failure.errors.first)
                #expect(first.code == .invalidRecord)
                #expect(first.file?.hasSuffix("/" + file) == true, "\(first)")
                #expect(first.line == line, "\(first)")
                #expect(first.field == field, "\(first)")
                #expect(says.isEmpty || first.message.contains(says), "\(first)")
                #expect(first.description.hasPrefix("\(data.path)/\(file):\(line): " + (field.map { "\($0): " } ?? "")), "\(first)")
            }
            let after = try Self.content(db)
            #expect(after.0 == before.0 && after.1 == before.1 && after.2 == before.2 && after.3 == before.3 && after.4 == before.4, "the database changed")
        }
    }

    @Test("a folder, a FIFO or a dangling link in place of a data file is an error naming it; nothing is written")
    func specialFiles() throws {
        let folder = try temporaryFolder("special")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let db = try Self.seeded(folder)
        let before = try Self.content(db)
        for (file, make, says) in [
            ("applicants.jsonl", "folder", "a folder"), ("jobs.jsonl", "fifo", "FIFO"), ("interactions.jsonl", "folder", "a folder"),
            ("interactions.jsonl", "fifo", "FIFO"), ("jobs.jsonl", "dangling", "No such file"),
            ("trainings.jsonl", "folder", "a folder"), ("services.jsonl", "fifo", "FIFO"), ("services.jsonl", "dangling", "No such file"),
        ] {
            let data = folder.appendingPathComponent("\(file)-\(make)")
            var files = Self.valid
            files[file] = nil
            try Self.write(files, to: data)
            let path = data.appendingPathComponent(file).path
            switch make {
            case "folder": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            case "fifo": #expect(mkfifo(path, 0o600) == 0)
            default: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: data.appendingPathComponent("gone").path)
            }
            do {
                try db.importDataSet(at: data.path)
                Issue.record("\(file) as a \(make) was accepted")
            } catch let error as JobMatchError {
                #expect(error.code == .io)
                #expect(error.file == path, "\(error)")
                #expect(error.message.contains(says), "\(error)")
            }
        }
        let after = try Self.content(db)
        #expect(after.0 == before.0 && after.1 == before.1 && after.2 == before.2 && after.3 == before.3 && after.4 == before.4)
        // The optional manifest too: a FIFO of that name is refused, not read (which would block).
        let withFIFO = folder.appendingPathComponent("manifest-fifo")
        try Self.write(Self.valid, to: withFIFO)
        #expect(mkfifo(withFIFO.appendingPathComponent("manifest.json").path, 0o600) == 0)
        #expect(throws: JobMatchError.self) { try DataSetManifest.read(folder: withFIFO.path) }
        #expect(try DataSetManifest.read(folder: folder.appendingPathComponent("variant-none").path) == nil)
    }
}
