import Foundation
import JobMatchCore
import JobMatchStore

/// The supply-gap and outreach report of a database at one time (docs/insight.md), shared by `jobmatch insight`
/// and `GET /v1/insight/gaps`: the seeking people in scope are scored against every open posting with the model
/// in force (``InsightAnalyzer``, all cores), and the trend is read from the published batch runs.
public struct InsightReport: Sendable {
    public var asOf: Timestamp
    /// The districts counted, or nil for all.
    public var scope: Set<String>?
    public var configuration: InsightConfiguration
    public var modelVersion: String
    public var result: InsightResult
    public var trend: [TrendPoint]

    /// Computes the report. `scope` limits the people counted to their home districts and the outreach list to
    /// postings in them; `model` overrides the model in force; `progress` hears the phases (load, index, scoring, trend).
    public static func compute(database: AppDatabase, asOf: Timestamp, scope: Set<String>? = nil,
                               configuration: InsightConfiguration = InsightConfiguration(), model: String? = nil,
                               learnWhenMissing: Bool = false, progress: BatchProgress = BatchProgress()) throws -> InsightReport {
        progress.note("loading applicants and postings")
        let (result, version) = try Self.analyze(database: database, asOf: asOf, scope: scope, configuration: configuration, model: model,
                                                 learnWhenMissing: learnWhenMissing, progress: progress)
        // The trend reads everyone and every posting as they stand now, loaded only once the scoring's inputs are freed.
        let runs = try database.publishedRunsForTrend(asOf: asOf)
        let trend = InsightTrend.points(runs: runs, applicants: Dictionary(try database.applicants().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                        jobs: Dictionary(try database.jobs().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                        nearbyKm: configuration.nearbyKm, inScope: { scope?.contains($0.district) ?? true })
        progress.lap("trend")
        return InsightReport(asOf: asOf, scope: scope, configuration: configuration, modelVersion: version, result: result, trend: trend)
    }

    /// The scoring part of ``compute``: the seekers in scope and the matcher, released when it returns.
    static func analyze(database: AppDatabase, asOf: Timestamp, scope: Set<String>?, configuration: InsightConfiguration, model: String?,
                        learnWhenMissing: Bool, progress: BatchProgress) throws -> (InsightResult, String) {
        let seekers = try database.applicants(status: .seeking).filter { scope?.contains($0.district) ?? true }
        let (matcher, version) = try Self.matcher(database: database, asOf: asOf, model: model, learnWhenMissing: learnWhenMissing,
                                                  threads: configuration.threads)
        progress.lap("load+index")
        progress.start("scoring", total: seekers.count)
        let result = InsightAnalyzer(matcher: matcher, configuration: configuration).analyze(
            seekers: seekers, asOf: asOf,
            outreach: { $0.employer.disabilityLevyPayer == true && (scope?.contains($0.district) ?? true) },
            progress: { done, total in progress.advance(to: done, detail: "\(done)/\(total) seekers") },
            phase: { name in
                if name == "lists" { progress.end("scored \(seekers.count) seekers against \(matcher.index.count) open postings") }
                progress.lap("scoring:" + name)
            })
        return (result, version)
    }

    /// A string that changes whenever anything ``compute`` reads changes: the database's stamp
    /// (``AppDatabase/insightInputsStamp()``: data version, published runs, interactions) and the model in force,
    /// resolved as ``ModelInForce/open(configured:database:learnWhenConfiguredIsMissing:data:note:)`` resolves it
    /// (its folder and the hash of its files; a model learned from the data changes with the data version).
    /// What the daemon keys its cached reports by.
    public static func inputsStamp(database: AppDatabase, model: String?, learnWhenMissing: Bool) throws -> String {
        let path = try model ?? ActiveModel.resolvedPath(for: database)
        let manifest = (path as NSString).appendingPathComponent("manifest.json")
        let folder = FileManager.default.fileExists(atPath: manifest) || (model != nil && !learnWhenMissing)
            ? try ModelDirectory(path: path).contentHash() : "learned"
        return try database.insightInputsStamp() + " model \(path) \(folder)"
    }

    /// What each single change would do to the open posting `posting` for `group` (seekers in `scope`); `notFound`
    /// when the posting is not open at `asOf`.
    public static func counterfactual(database: AppDatabase, asOf: Timestamp, posting: String, group: InsightGroup,
                                      scope: Set<String>? = nil, configuration: InsightConfiguration = InsightConfiguration(),
                                      model: String? = nil, learnWhenMissing: Bool = false) throws -> PostingCounterfactual {
        let seekers = try database.applicants(status: .seeking).filter { scope?.contains($0.district) ?? true }
        let (matcher, _) = try Self.matcher(database: database, asOf: asOf, model: model, learnWhenMissing: learnWhenMissing, threads: configuration.threads)
        guard let found = InsightAnalyzer(matcher: matcher, configuration: configuration)
            .counterfactual(posting: posting, group: group, seekers: seekers, asOf: asOf) else {
            throw JobMatchError(.notFound, "no posting \(posting) open at \(asOf.text)", field: "posting")
        }
        return found
    }

    /// The matcher over the postings open at `asOf` with the model in force (and its history, for a hybrid model),
    /// configured as the batch is (block workers and OpenBLAS threads = `threads`). `learnWhenMissing`: a configured
    /// folder without a model means a model learned from the data, as the daemon does (``ModelInForce``).
    static func matcher(database: AppDatabase, asOf: Timestamp, model: String?, learnWhenMissing: Bool, threads: Int) throws -> (Matcher, String) {
        let inForce = try ModelInForce.open(configured: model, database: database, learnWhenConfiguredIsMissing: learnWhenMissing,
                                            data: { (try database.applicants(), try database.jobs()) })
        let jobs = SpatialOrder.jobs(try database.openJobs(at: asOf))
        let history = inForce.model.configuration.historyBlocks
            ? InteractionHistory(interactions: try database.interactions(before: asOf), jobs: try database.jobs(), before: asOf) : nil
        var configuration = MatcherConfiguration()
        configuration.blasThreads = max(1, threads)
        configuration.blockThreads = max(1, threads)
        return (Matcher(index: JobIndex(model: inForce.model, jobs: jobs, history: history), configuration: configuration), inForce.version)
    }

    /// The API's JSON: parameters, gaps, occupations, outreach and trend.
    public var json: JSONValue {
        .object([
            ("as_of", .string(asOf.text)), ("k", .number(Double(configuration.k))), ("nearby_km", .number(configuration.nearbyKm)),
            ("model_version", .string(modelVersion)),
            ("districts", scope.map { .array($0.sorted().map(JSONValue.string)) } ?? .null),
            ("seekers", .number(Double(result.seekers))), ("open_postings", .number(Double(result.openPostings))),
            ("gaps", .array(result.gaps.map(\.json))), ("occupations", .array(result.occupations.map(\.json))),
            ("outreach", .array(result.outreach.map(\.json))), ("trend", .array(trend.map(\.json))),
        ])
    }
}
