import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

/// `jobmatch followups [--as-of TIME] [--district CODE] [--due-before TIME] [--caseworker NAME] [--json]`: the
/// follow-ups (跟踪服务) due, derived from the stored records.
struct FollowUpsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups", abstract: "Follow-ups due: revisits after a hire, reopened cases, stuck searches, zero-employment households."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("as-of"), help: "'now' or an RFC 3339 time (default: now).") var asOf: String = "now"
    @Option(help: "Only people of this district (six-digit code).") var district: String?
    @Option(name: .customLong("due-before"), help: "Items due before this time (default: the start of next month, China time).") var dueBefore: String?
    @Option(help: "Only people whose latest entry of assistance is by this staff member.") var caseworker: String?
    @Flag(help: "Print one JSON object instead of a table.") var json = false

    func validate() throws {
        _ = try TimeArgument.parse(asOf, option: "--as-of")
        if let dueBefore { _ = try TimeArgument.parse(dueBefore, option: "--due-before") }
    }

    func run() async throws {
        let time = try TimeArgument.parse(asOf, option: "--as-of")
        let query = FollowUpWorkflow.Query(asOf: time, dueBefore: try dueBefore.map { try TimeArgument.parse($0, option: "--due-before") },
                                           districts: district.map { [$0] }, caseworker: caseworker)
        let db = try database.open()
        let items = try FollowUpWorkflow.due(database: db, query: query)
        try CLIAudit.record(db, command: "followups", people: Array(Set(items.map(\.applicant))).sorted(), detail: "items: \(items.count)")
        if json {
            print(JSONValue.object([("as_of", .string(time.text)), ("due_before", .string(query.dueBefore.text)),
                                    ("followups", .array(items.map(\.jsonValue)))]).jsonText)
            return
        }
        print("跟踪服务 \(time.text)，\(query.dueBefore.text) 前到期：\(items.count) 项")
        for i in items {
            print("  \(String(i.due.text.prefix(16)))  \(i.applicant)  \(i.district)  \(i.kind.term)" + (i.overdue ? "（已逾期）" : "")
                + (i.job.map { "  岗位 \($0)" } ?? "") + (i.caseworker.map { "  \($0)" } ?? ""))
        }
    }
}
