import ArgumentParser
import Foundation
import JobMatchCLI
import Testing

@Suite("jobmatch import / export")
struct ImportCommandTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func writeDataSet(_ name: String, applicants: [String]) throws -> String {
        let dir = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try (applicants.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("applicants.jsonl"), atomically: true, encoding: .utf8)
        try "".write(to: dir.appendingPathComponent("jobs.jsonl"), atomically: true, encoding: .utf8)
        try "".write(to: dir.appendingPathComponent("interactions.jsonl"), atomically: true, encoding: .utf8)
        return dir.path
    }

    static func applicant(_ id: String, education: String = "primary") -> String {
        #"{"id":"\#(id)","gender":"F","birth_year":1975,"district":"500103","education":"\#(education)","status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#
    }

    func run(_ arguments: [String]) throws {
        var command = try JobMatchCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test("a failed import exits non-zero and leaves the database as it was; a good one exports back")
    func importFailsWhole() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("var/test.sqlite").path
        let good = try writeDataSet("good", applicants: [Self.applicant("A1"), Self.applicant("A2")])
        let bad = try writeDataSet("bad", applicants: [Self.applicant("A3"), Self.applicant("A4", education: "phd")])

        try run(["import", good, "--db", db])
        #expect(throws: ExitCode.failure) { try run(["import", bad, "--db", db]) }

        let out = folder.appendingPathComponent("out").path
        try run(["export", out, "--db", db])
        let exported = try String(contentsOfFile: out + "/applicants.jsonl", encoding: .utf8)
        #expect(exported == Self.applicant("A1") + "\n" + Self.applicant("A2") + "\n")
    }

    @Test("--shift-to needs a manifest with as_of")
    func shiftNeedsManifest() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try writeDataSet("good", applicants: [Self.applicant("A1")])
        let db = folder.appendingPathComponent("x.sqlite").path
        #expect(throws: ValidationError.self) { try run(["import", good, "--db", db, "--shift-to", "now"]) }
    }
}
