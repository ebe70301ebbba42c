import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

/// `jobmatch insight [--as-of TIME] [--report FILE.html] [--csv DIR] [--json] [--db PATH]`: supply gaps by district
/// and group, occupation shortfalls, the levy-payer outreach list and the trend (docs/insight.md); with
/// `--posting ID [--group G]` what single change would open one posting to a group. Audited as a CLI read without
/// person subjects (the report holds counts, no person).
struct InsightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insight",
        abstract: "Where jobs must be developed: seekers per fitting posting by district and group, occupations short of postings, levy payers to visit."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("as-of"), help: "The time to judge at: 'now' (default) or RFC 3339 with offset.") var asOf: String = "now"
    @Option(help: "Write the self-contained HTML report here.") var report: String?
    @Option(help: "Write gaps.csv, occupations.csv, outreach.csv and trend.csv into this folder.") var csv: String?
    @Flag(help: "Print the report as JSON (the API's shape) instead of text.") var json = false
    @Option(name: .short, help: "The top-list length a posting must enter to fit.") var k: Int = 10
    @Option(name: .customLong("nearby-km"), help: "Nearby for people who state no maximum commute, in km.") var nearbyKm: Double = 10
    @Option(help: "Only the people of these district codes (comma-separated).") var districts: String?
    @Option(help: "Instead of the report: what single change would open this open posting to --group.") var posting: String?
    @Option(help: "The group for --posting: older_worker, disabled, stay_at_home_parent, zero_employment_household.") var group: String = "older_worker"
    @Option(help: "A model folder overriding the database's model in force.") var model: String?
    @Option(help: "Threads (default: all cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if k < 1 { throw ValidationError("-k must be at least 1") }
        if !(nearbyKm > 0) { throw ValidationError("--nearby-km must be positive") }
        if InsightGroup(rawValue: group) == nil { throw ValidationError("--group must be one of " + InsightGroup.allCases.map(\.rawValue).joined(separator: ", ")) }
    }

    func run() async throws {
        let time = try TimeArgument.parse(asOf, option: "--as-of")
        let db = try database.open()
        let scope = districts.map { Set($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }) }
        let settings = InsightConfiguration(k: k, nearbyKm: nearbyKm, threads: max(1, threads))
        if let posting {
            let found = try InsightReport.counterfactual(database: db, asOf: time, posting: posting, group: InsightGroup(rawValue: group)!,
                                                         scope: scope, configuration: settings, model: model)
            try CLIAudit.record(db, command: "insight --posting", people: [], job: posting, detail: "counterfactual \(group)")
            if json { print(found.json.jsonText); return }
            print("\(found.job) \(found.title) (\(found.employerName)): \(found.nearby) \(group) nearby, suits \(found.suitsNow) now")
            for o in found.outcomes { print("  \(o.change.code)\t\(o.change.chinese)\tsuits \(o.suits)\t\(o.gain >= 0 ? "+" : "")\(o.gain)") }
            return
        }
        let progress = BatchProgress(display: TerminalProgress())
        let computed = try InsightReport.compute(database: db, asOf: time, scope: scope, configuration: settings, model: model, progress: progress)
        try CLIAudit.record(db, command: "insight", people: [], detail: "gaps: \(computed.result.gaps.count), outreach: \(computed.result.outreach.count)")
        if let report {
            try PrivateFile.write(Data(InsightHTMLReport(report: computed).html.utf8), to: report)
            Console.error("report written to \(report)")
        }
        if let csv { for path in try InsightCSV.write(computed, to: csv) { Console.error("wrote \(path)") } }
        if json { print(computed.json.jsonText) } else { print(Self.text(computed)) }
        Console.error(progress.timeline)
    }

    static func text(_ report: InsightReport) -> String {
        let r = report.result
        var lines = ["insight as of \(report.asOf.text): \(r.seekers) seekers, \(r.openPostings) open postings, k = \(report.configuration.k)", "",
                     "group (whole scope)             seekers  with-fit  postings  places  seekers/posting"]
        for g in r.gaps where g.district == "all" {
            lines.append(g.group.padding(toLength: 32, withPad: " ", startingAt: 0)
                + [g.seekers, g.withFitting, g.postings, g.places].map { String($0).leftPad(9) }.joined()
                + (g.seekersPerPosting.map { String(format: "%.2f", $0) } ?? "none").leftPad(17))
        }
        lines += ["", "occupations with the largest shortfall (seekers − places):"]
        lines += r.occupations.prefix(10).map { "  \($0.occupation): \($0.seekers) seekers, \($0.postings) postings, \($0.places) places, shortfall \($0.shortfall)" }
        lines += ["", "levy-payer outreach (\(r.outreach.count) postings), largest gain first:"]
        lines += r.outreach.prefix(10).map { o in
            "  \(o.job) \(o.employerName): \(o.nearby) disabled nearby, suits \(o.suitsNow) now, +\(o.gain) with \(o.best?.change.code ?? "no change")"
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
