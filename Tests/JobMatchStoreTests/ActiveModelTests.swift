import Foundation
import JobMatchCore
import Testing
@testable import JobMatchStore

/// The active model belongs to the database: training on one never changes what another uses.
@Suite struct ActiveModelTests {
    func model(_ name: String) -> MatchModel {
        let t = Timestamp(rfc3339: "2026-11-01T08:00:00+08:00")!
        let a = Applicant(id: "A1", gender: .female, birthYear: 1975, district: "500103", education: .juniorHigh,
                          skills: ["保洁员"], status: .seeking, updatedAt: t)
        let j = Job(id: "J1", employer: Employer(id: "E1", name: "超市"), title: "超市收银员", district: "500103",
                    jobType: .fullTime, openings: 1, postedAt: t, expiresAt: t.adding(days: 30), status: .open)
        return MatchModel.build(from: [a], jobs: [j], name: name)
    }

    @Test func activatingOnOneDatabaseLeavesAnotherUntouched() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let x = try AppDatabase.open(path: folder.appendingPathComponent("x.sqlite").path)
        let y = try AppDatabase.open(path: folder.appendingPathComponent("y.sqlite").path)
        let root = folder.appendingPathComponent("models").path
        let shipped = (root as NSString).appendingPathComponent("default")
        let trained = (root as NSString).appendingPathComponent("trained-x")
        try ModelDirectory(path: shipped).write(model("default"))
        try ModelDirectory(path: trained).write(model("trained-x"))
        #expect(try ActiveModel.resolvedPath(for: x, root: root) == shipped)

        try x.setActiveModel(folder: trained)
        #expect(try ActiveModel.resolvedPath(for: x, root: root) == URL(fileURLWithPath: trained).standardizedFileURL.path)
        #expect(try ActiveModel.resolvedPath(for: y, root: root) == shipped)
        #expect(try y.activeModel() == nil)
        // Reopened, the record is still there (it is in the file, not in the process).
        let reopened = try AppDatabase.open(path: folder.appendingPathComponent("x.sqlite").path)
        #expect(try reopened.activeModel()?.path == URL(fileURLWithPath: trained).standardizedFileURL.path)
    }

    @Test func aRecordedModelThatChangedIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let x = try AppDatabase.open(path: folder.appendingPathComponent("x.sqlite").path)
        let trained = folder.appendingPathComponent("trained").path
        try ModelDirectory(path: trained).write(model("trained"))
        try x.setActiveModel(folder: trained)
        var changed = model("trained")
        changed.weights[.text] = 0.5
        try ModelDirectory(path: trained).write(changed)
        #expect(throws: JobMatchError.self) { try ActiveModel.resolvedPath(for: x, root: folder.path) }
    }
}
