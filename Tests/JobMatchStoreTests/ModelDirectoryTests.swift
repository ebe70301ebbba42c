import Foundation
import JobMatchCore
import Testing
@testable import JobMatchStore

@Suite struct ModelDirectoryTests {
    func market() -> ([Applicant], [Job]) {
        let t = Timestamp(rfc3339: "2026-11-01T08:00:00+08:00")!
        let a = Applicant(id: "A1", gender: .female, birthYear: 1975, district: "500103", education: .juniorHigh,
                          skills: ["保洁员", "收银"], status: .seeking, updatedAt: t)
        let j = Job(id: "J1", employer: Employer(id: "E1", name: "超市"), title: "超市收银员", district: "500103",
                    jobType: .fullTime, skillsRequired: ["收银"], openings: 1, postedAt: t, expiresAt: t.adding(days: 30), status: .open)
        return ([a], [j, Job(id: "J2", employer: Employer(id: "E1", name: "超市"), title: "商场保洁", district: "500105",
                             jobType: .partTime, openings: 1, postedAt: t, expiresAt: t.adding(days: 30), status: .open)])
    }

    @Test func writesAndReadsTheSameModelAndBytes() throws {
        let (applicants, jobs) = market()
        let model = MatchModel.build(from: applicants, jobs: jobs, name: "test")
        let folder = NSTemporaryDirectory() + "jobmatch-model-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ModelDirectory(path: folder).write(model)
        let read = try ModelDirectory(path: folder).read()
        #expect(read == model)
        let first = try Data(contentsOf: URL(fileURLWithPath: folder + "/vocabulary.json"))
        try ModelDirectory(path: folder).write(read)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/vocabulary.json")) == first)
        let manifest = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains(model.manifest.dataHash))
    }

    @Test func missingFolderIsNotFound() {
        #expect(throws: JobMatchError.self) { try ModelDirectory(path: "/nonexistent/model").read() }
        do {
            _ = try ModelDirectory(path: "/nonexistent/model").read()
        } catch {
            #expect(error.code == .notFound)
        }
    }

    @Test func shippedDefaultModelLoads() throws {
        // models/default is built from datasets/sample; tests run from the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let model = try ModelDirectory(path: root.appendingPathComponent("models/default").path).read()
        #expect(model.dimension == 256)
        #expect(model.manifest.applicantCount == 2000)
        #expect(model.vocabulary.idf.count > 1000)
    }
}
