import Foundation
import JobMatchCore
import JobMatchStore

/// What a batch run reads from the database at its as-of time: the seeking applicants and open postings
/// (in ``SpatialOrder``), the model, the push suppressions, and the fingerprint of it all.
struct BatchInputs {
    let database: AppDatabase
    let asOf: Timestamp
    let applicants: [Applicant]
    let jobs: [Job]
    let model: MatchModel
    let modelVersion: String
    let suppression: PushSuppression
    let dataHash: String
    /// What was recorded before the as-of time, for a hybrid model's history blocks (nil for content-only models).
    var history: InteractionHistory? = nil

    static func load(database: AppDatabase, asOf: Timestamp, windowDays: Double, modelFolder: String?, progress: BatchProgress) throws -> BatchInputs {
        progress.note("loading applicants and postings")
        let applicants = try database.applicants(status: .seeking)
        // Rows of the job matrix (and the postings' numbers in candidates) in map order: see SpatialOrder.
        let jobs = SpatialOrder.jobs(try database.openJobs(at: asOf))
        let model: MatchModel
        let version: String
        let activeFolder = try ActiveModel.resolvedPath(for: database)
        let shipped = FileManager.default.fileExists(atPath: activeFolder + "/manifest.json") ? activeFolder : nil
        if let modelFolder = modelFolder ?? shipped {
            model = try ModelDirectory(path: modelFolder).read()
            version = "\(model.manifest.name)@\(model.manifest.dataHash.prefix(16))"
        } else {
            progress.note("learning the model from the database")
            model = MatchModel.build(from: try database.applicants(), jobs: try database.jobs())
            version = "learned:\(model.manifest.name)@\(model.manifest.dataHash.prefix(16))"
        }
        progress.note("reading push history and outcomes")
        let pushes = try database.pushes(from: asOf.secondsSince1970 - windowDays * 86_400, to: asOf.secondsSince1970)
        let before = try database.interactions(before: asOf)
        let suppression = PushSuppression(pushes: pushes, interactions: before, asOf: asOf, windowDays: windowDays)
        let history = model.configuration.historyBlocks ? InteractionHistory(interactions: before, jobs: try database.jobs(), before: asOf) : nil
        let dataHash = BatchFingerprint.dataHash(applicants: applicants, jobs: jobs, suppression: suppression)
        return BatchInputs(database: database, asOf: asOf, applicants: applicants, jobs: jobs, model: model, modelVersion: version,
                           suppression: suppression, dataHash: dataHash, history: history)
    }
}
