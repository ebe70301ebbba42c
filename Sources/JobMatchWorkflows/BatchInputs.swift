import Foundation
import JobMatchCore
import JobMatchStore

/// What a batch run reads from the database at its as-of time: the seeking applicants and open postings
/// (in ``SpatialOrder``), the model in force, the push suppressions, and the fingerprint of it all.
public struct BatchInputs: Sendable {
    public let database: AppDatabase
    public let asOf: Timestamp
    public let applicants: [Applicant]
    public let jobs: [Job]
    public let model: MatchModel
    public let modelVersion: String
    public let suppression: PushSuppression
    /// ``BatchFingerprint/dataHash(applicants:jobs:suppression:)`` of what was read (empty until ``fingerprinted()`` when loaded without it).
    public var dataHash: String
    /// What was recorded before the as-of time, for a hybrid model's history blocks (nil for content-only models).
    public var history: InteractionHistory? = nil

    /// Reads the inputs at `asOf`; `modelFolder` overrides the database's model in force (``ModelInForce``).
    /// `fingerprint: false` leaves ``dataHash`` empty, for a caller that computes it later (``fingerprinted()``),
    /// e.g. while the job index is built.
    public static func load(database: AppDatabase, asOf: Timestamp, windowDays: Double, modelFolder: String?, progress: BatchProgress,
                            fingerprint: Bool = true) throws -> BatchInputs {
        progress.note("loading applicants and postings")
        // The three large reads at once, each on its own connection (and each decoding on all cores).
        let (applicants, (jobs, before)) = try Concurrently.both({ try database.applicants(status: .seeking) }, {
            try Concurrently.both({
                // Rows of the job matrix (and the postings' numbers in candidates) in map order: see SpatialOrder.
                SpatialOrder.jobs(try database.openJobs(at: asOf))
            }, { try database.interactions(before: asOf) })
        })
        let inForce = try ModelInForce.open(configured: modelFolder, database: database,
                                            data: { (try database.applicants(), try database.jobs()) }, note: progress.note)
        let model = inForce.model
        progress.note("reading push history and outcomes")
        let pushes = try database.pushes(from: asOf.secondsSince1970 - windowDays * 86_400, to: asOf.secondsSince1970)
        let suppression = PushSuppression(pushes: pushes, interactions: before, asOf: asOf, windowDays: windowDays)
        let history = model.configuration.historyBlocks ? InteractionHistory(interactions: before, jobs: try database.jobs(), before: asOf) : nil
        let inputs = BatchInputs(database: database, asOf: asOf, applicants: applicants, jobs: jobs, model: model, modelVersion: inForce.version,
                                 suppression: suppression, dataHash: "", history: history)
        return fingerprint ? inputs.fingerprinted() : inputs
    }

    /// The inputs with their ``dataHash``.
    public func fingerprinted() -> BatchInputs {
        var inputs = self
        inputs.dataHash = BatchFingerprint.dataHash(applicants: applicants, jobs: jobs, suppression: suppression)
        return inputs
    }
}
