import Foundation
import JobMatchCore
import JobMatchStore

/// A matcher over what a database holds at one time: its open postings at `asOf`, indexed with the model in
/// force (``ModelInForce``), and for a hybrid model the history recorded before `asOf`. What one-off commands
/// (`jobmatch recommend`, plans, reports) score with; the daemon keeps its own patched index instead.
public struct DatabaseMatcher {
    public let database: AppDatabase
    public let asOf: Timestamp
    /// The postings open at `asOf`, in the index's row order (``SpatialOrder``).
    public let jobs: [Job]
    public let matcher: Matcher
    public let model: ModelInForce

    /// Reads the postings and builds the index. `model` overrides the database's model in force.
    public init(database: AppDatabase, asOf: Timestamp, model folder: String? = nil, threads: Int = 1) throws {
        let model = try ModelInForce.open(configured: folder, database: database, data: { (try database.applicants(), try database.jobs()) })
        let jobs = SpatialOrder.jobs(try database.openJobs(at: asOf))
        var configuration = MatcherConfiguration()
        configuration.blasThreads = threads
        let history = model.model.configuration.historyBlocks
            ? InteractionHistory(interactions: try database.interactions(before: asOf), jobs: try database.jobs(), before: asOf) : nil
        self.database = database
        self.asOf = asOf
        self.jobs = jobs
        self.model = model
        matcher = Matcher(index: JobIndex(model: model.model, jobs: jobs, history: history), configuration: configuration)
    }

    /// The stored applicant `id`; `notFound` (naming `field` and `file`) when there is none.
    public func applicant(id: String, field: String = "applicant", file: String? = nil) throws -> Applicant {
        guard let person = try database.applicant(id: id) else {
            throw JobMatchError(.notFound, "no applicant with id \(id)", field: field, file: file)
        }
        return person
    }

    /// The explained list of `k` postings for `applicant` under every hard rule.
    public func recommend(_ applicant: Applicant, k: Int) -> RecommendationList {
        matcher.recommend(applicant: applicant, k: k, asOf: asOf)
    }
}
