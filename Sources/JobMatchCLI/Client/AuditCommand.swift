import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore

/// `jobmatch audit`: who read or changed whose profile, and who asked for which lists (`list`, the
/// default), and `jobmatch audit verify`: the hash chain checked row by row.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Query the audit log, or verify its hash chain.",
        subcommands: [AuditListCommand.self, AuditVerifyCommand.self], defaultSubcommand: AuditListCommand.self)
}

/// `jobmatch audit [list]`: the entries, locally or through a daemon (operator token).
struct AuditListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Query the audit log (locally with --db, or through jobmatchd with --server).")

    @Option(help: "The SQLite database file (default: $JOBMATCH_DB or var/jobmatch.sqlite).") var db: String?
    @Option(help: "Ask a running daemon at this URL instead of reading the database.") var server: String?
    @Option(help: "Bearer token for --server (default: $JOBMATCH_TOKEN, else var/operator.token).") var token: String?
    @Option(help: "Only this caller (token name, or os:USER for the CLI).") var actor: String?
    @Option(help: "Only entries that touch this person (exact id).") var applicant: String?
    @Option(help: "Only entries at or after this time (RFC 3339).") var since: String?
    @Option(help: "At most this many (the newest).") var limit = 1000
    @Flag(help: "One JSON object per line.") var json = false

    func run() async throws {
        let entries: [JSONValue]
        if let server = server ?? (db == nil ? ProcessInfo.processInfo.environment["JOBMATCH_SERVER"] : nil) {
            var options = try ClientOptions.parse(["--server", server])
            options.token = token
            var query: [(String, String)] = [("limit", String(limit))]
            if let actor { query.append(("actor", actor)) }
            if let applicant { query.append(("applicant", applicant)) }
            if let since { query.append(("since", since)) }
            entries = try await options.client.call("GET", "/v1/audit", query: query).body?["entries"]?.arrayValue ?? []
        } else {
            var query = AuditQuery(actor: actor, applicant: applicant, limit: limit)
            if let since {
                guard let time = Timestamp(rfc3339: since) else {
                    throw JobMatchError(.malformedInput, "not an RFC 3339 time with offset", field: "since")
                }
                query.since = time
            }
            let path = db ?? ProcessInfo.processInfo.environment["JOBMATCH_DB"] ?? AppDatabase.defaultPath
            entries = try AppDatabase.open(path: path).auditEntries(query).map(\.json)
        }
        if json {
            for e in entries { print(e.jsonText) }
            return
        }
        print(Self.table(entries))
    }

    /// Time, token name, role, endpoint, the people (or the job), status, request id.
    static func table(_ entries: [JSONValue]) -> String {
        let rows = entries.map { e -> [String] in
            let people = (e["subjects"]?.arrayValue ?? []).compactMap(\.stringValue)
            let shown = people.count <= 3 ? people.joined(separator: ",") : "\(people.prefix(3).joined(separator: ",")) +\(people.count - 3)"
            let subject = [e["job"]?.stringValue, shown.isEmpty ? nil : shown].compactMap { $0 }.joined(separator: " ")
            return [e["id"]?.numberValue.map { String(Int($0)) } ?? "", e["at"]?.stringValue ?? "", e["actor"]?.stringValue ?? "",
                    e["role"]?.stringValue ?? "", e["endpoint"]?.stringValue ?? "", subject,
                    e["status"]?.numberValue.map { String(Int($0)) } ?? "", e["request_id"]?.stringValue ?? ""]
        }
        return TextTable.render(["id", "at", "actor", "role", "endpoint", "people/job", "status", "request"], rows)
    }
}

/// `jobmatch audit verify`: recomputes the hash chain; exits non-zero naming the first edited, deleted
/// or inserted row.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the audit log's hash chain (names the first broken row).")

    @Option(help: "The SQLite database file (default: $JOBMATCH_DB or var/jobmatch.sqlite).") var db: String?

    func run() async throws {
        let path = db ?? ProcessInfo.processInfo.environment["JOBMATCH_DB"] ?? AppDatabase.defaultPath
        let result = try AppDatabase.open(path: path).verifyAuditChain()
        if let problem = result.problem {
            throw JobMatchError(.refused, "audit chain broken at row \(problem.row): \(problem.message) (\(result.checked) rows before it are intact)",
                                file: path)
        }
        print("audit chain intact: \(result.checked) rows, head \(result.head)")
    }
}
