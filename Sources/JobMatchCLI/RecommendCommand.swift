import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore

/// `jobmatch recommend --db PATH --applicant ID [-k 10] [--as-of TIME] [--json] [--model DIR]`.
struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend", abstract: "Recommend jobs for one applicant, with reasons (a table, or JSON with --json)."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The applicant's id.") var applicant: String
    @Option(name: .short, help: "How many jobs.") var k: Int = 10
    @Option(name: .customLong("as-of"), help: "'now' or an RFC 3339 time to match at (default: now).") var asOf: String = "now"
    @Flag(help: "Print one JSON object instead of a table.") var json = false
    @Option(help: "The model folder (default: the database's active model when trained, else models/default).") var model: String?
    @Option(help: "OpenBLAS threads.") var threads: Int = 1

    func validate() throws {
        guard k > 0 else { throw ValidationError("-k must be at least 1") }
        _ = try TimeArgument.parse(asOf, option: "--as-of")
    }

    func run() async throws {
        let time = try TimeArgument.parse(asOf, option: "--as-of")
        let db = try database.open()
        let (person, jobs, list) = try Self.list(db, applicant: applicant, k: k, asOf: time, model: model, threads: threads, file: database.path)
        try CLIAudit.record(db, command: "recommend", people: [person.id],
                            detail: "jobs: " + list.recommendations.map(\.job).joined(separator: ","))
        if json {
            print(list.jsonText)
        } else {
            let titles = Dictionary(jobs.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            print(Self.table(list, applicant: person, titles: titles, asOf: time))
        }
    }

    /// The applicant, the open jobs and the list `recommend` prints: the model is `model` or the database's
    /// active model; a hybrid model's history blocks read what was recorded before the as-of time.
    static func list(_ db: AppDatabase, applicant: String, k: Int, asOf time: Timestamp, model: String?, threads: Int = 1, file: String? = nil)
        throws -> (Applicant, [Job], RecommendationList)
    {
        let matchModel = try ModelDirectory(path: model ?? ActiveModel.resolvedPath(for: db)).read()
        guard let person = try db.applicant(id: applicant) else {
            throw JobMatchError(.notFound, "no applicant with id \(applicant)", field: "applicant", file: file)
        }
        let jobs = try db.openJobs(at: time)
        var configuration = MatcherConfiguration()
        configuration.blasThreads = threads
        let history = matchModel.configuration.historyBlocks
            ? InteractionHistory(interactions: try db.interactions(before: time), jobs: try db.jobs(), before: time) : nil
        let matcher = Matcher(index: JobIndex(model: matchModel, jobs: SpatialOrder.jobs(jobs), history: history), configuration: configuration)
        return (person, jobs, matcher.recommend(applicant: person, k: k, asOf: time))
    }

    /// A readable table: one block per job with its reasons.
    static func table(_ list: RecommendationList, applicant: Applicant, titles: [String: String], asOf: Timestamp) -> String {
        var lines = ["Applicant \(applicant.id) at \(asOf.text): \(list.recommendations.count) recommendation(s)"]
        if list.recommendations.isEmpty { lines.append("  (no open job passes the hard rules)") }
        for r in list.recommendations {
            let score = String(format: "%.3f", r.score)
            lines.append("\(String(r.rank).leftPadded(3)). \(r.job)  score \(score)  \(titles[r.job] ?? "")")
            for reason in r.reasons { lines.append("       - \(reason.text)  [\(reason.code)]") }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
