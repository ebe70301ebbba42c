import ArgumentParser
import JobMatchCore
import JobMatchStore

/// `jobmatch supervise [--as-of TIME] [--json] [--db PATH]`: the supervision signals (docs/supervision.md),
/// default thresholds. Audited as a CLI read naming the people the signals name.
struct SuperviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervise",
        abstract: "List supervision signals: outcomes that do not add up, ineligible public-welfare occupants, staff access to check."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("as-of"), help: "The time to judge at: 'now' (default) or RFC 3339 with offset.") var asOf: String = "now"
    @Flag(help: "Print the signals as JSON (the API's shape) instead of text.") var json = false

    func run() async throws {
        let time = try TimeArgument.parse(asOf, option: "--as-of")
        let db = try database.open()
        let signals = Supervisor().signals(try db.supervisionInput(asOf: time), asOf: time)
        try CLIAudit.record(db, command: "supervise", people: Array(Set(signals.flatMap(\.applicants))).sorted(),
                            detail: "signals: \(signals.count)")
        if json {
            print(JSONValue.object([("as_of", .string(time.text)), ("signals", .array(signals.map(\.json)))]).jsonText)
            return
        }
        print("supervision signals as of \(time.text): \(signals.count)")
        for s in signals {
            let records = [s.tokens.map { "token " + $0 }, s.applicants, s.jobs].flatMap { $0 }.joined(separator: " ")
            print("\n[\(s.code.rawValue)] \(records)")
            print("  " + s.explanationZh)
            print("  " + s.explanationEn)
        }
    }
}
