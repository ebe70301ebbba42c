import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

/// `jobmatch plan --applicant ID [--as-of TIME] [--json] [--db PATH] [--model DIR]`: one person's assistance
/// plan (帮扶计划). `--survey N` plans the first N seekers instead and prints the time per plan and the share per track.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "The assistance plan of one applicant: tracks, reasons and next actions (a text, or JSON with --json)."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The applicant's id.") var applicant: String?
    @Option(name: .customLong("as-of"), help: "'now' or an RFC 3339 time to plan at (default: now).") var asOf: String = "now"
    @Flag(help: "Print one JSON object instead of a text.") var json = false
    @Option(help: "The model folder (default: the database's model in force).") var model: String?
    @Option(help: "OpenBLAS threads.") var threads: Int = 1
    @Option(help: "Plan the first N seekers (by id) and print timings and the share per track (no plans printed).") var survey: Int?
    @Option(help: "With --survey: time the list (recommend, k = 10) of the first M of them too, for the plan / list ratio per person.")
    var paired: Int = 200

    func validate() throws {
        _ = try TimeArgument.parse(asOf, option: "--as-of")
        if (applicant == nil) == (survey == nil) { throw ValidationError("give --applicant ID or --survey N") }
        if let survey, survey < 1 { throw ValidationError("--survey must be at least 1") }
        if paired < 0 { throw ValidationError("--paired must be at least 0") }
    }

    func run() async throws {
        let time = try TimeArgument.parse(asOf, option: "--as-of")
        let db = try database.open()
        let matcher = try DatabaseMatcher(database: db, asOf: time, model: model, threads: threads)
        let planner = try AssistancePlanner(database: db, matcher: matcher.matcher)
        if let survey {
            let seekers = Array(try db.applicants(status: .seeking).prefix(survey))
            try CLIAudit.record(db, command: "plan --survey", people: seekers.map(\.id), detail: "plans: \(seekers.count)")
            print(try PlanSurvey.run(planner: planner, people: seekers, asOf: time, paired: paired).summary)
            return
        }
        let person = try matcher.applicant(id: applicant!, file: database.path)
        let plan = try planner.plan(person, asOf: time)
        try CLIAudit.record(db, command: "plan", people: [person.id], detail: "tracks: " + plan.tracks.map(\.track.rawValue).joined(separator: ","))
        print(json ? plan.jsonText : PlanText.render(plan))
    }
}
