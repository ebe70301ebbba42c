import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore

/// `jobmatch batch runs [--db PATH] [--run ID --applicant ID]`: the nights on record, and for an appeal
/// the very line one person was pushed in one of them.
struct BatchRunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List past batch runs, or print the line a person got in one (--run ID --applicant ID)."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "A run id (or a unique prefix of one), with --applicant.") var run: String?
    @Option(help: "The applicant whose stored line to print, with --run.") var applicant: String?

    func validate() throws {
        guard (run == nil) == (applicant == nil) else { throw ValidationError("--run and --applicant go together") }
    }

    func run() async throws {
        let runs = try database.open().batchRuns()
        if let run, let applicant {
            let matching = runs.filter { $0.id.hasPrefix(run) }
            guard matching.count == 1, let found = matching.first else {
                throw JobMatchError(.notFound, matching.isEmpty ? "no batch run \(run)" : "\(run) is the prefix of \(matching.count) runs", field: "run")
            }
            let db = try database.open()
            guard let line = try db.batchLine(run: found.id, applicant: applicant) else {
                throw JobMatchError(.notFound, "\(applicant) got no line in run \(found.id)", field: "applicant")
            }
            try CLIAudit.record(db, command: "batch runs", people: [applicant], detail: "line of run \(found.id)")
            print(line)
            return
        }
        let rows = runs.reversed().map { r -> [String] in
            let report = try? JSONDecoder().decode(BatchReport.self, from: Data(r.report.utf8))
            return [String(r.id.prefix(12)), r.asOf.text, r.status.rawValue, r.modelVersion, String(r.dataHash.prefix(12)),
                    report.map { String($0.people) } ?? "", report.map { String(format: "%.1f%%", $0.coverage * 100) } ?? "",
                    report.map { String(format: "%.1f", $0.largestExposurePerOpening) } ?? "", String(r.outputHash.prefix(12))]
        }
        print(TextTable.render(["run", "as of", "status", "model", "data", "people", "coverage", "max/opening", "output"], rows))
    }
}
