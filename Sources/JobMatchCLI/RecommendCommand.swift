import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

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
        let matcher = try DatabaseMatcher(database: db, asOf: time, model: model, threads: threads)
        let person = try matcher.applicant(id: applicant, file: database.path)
        let list = matcher.recommend(person, k: k)
        try CLIAudit.record(db, command: "recommend", people: [person.id],
                            detail: "jobs: " + list.recommendations.map(\.job).joined(separator: ","))
        if json {
            print(list.jsonText)
        } else {
            let titles = Dictionary(matcher.jobs.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            print(Self.table(list, applicant: person, titles: titles, asOf: time))
        }
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
