import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore

/// `jobmatch audit`: who read or changed whose profile, and who asked for which lists. Reads the
/// database directly, or a running daemon's log with `--server` (operator token).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Query the audit log (locally with --db, or through jobmatchd with --server).")

    @Option(help: "The SQLite database file (default: $JOBMATCH_DB or var/jobmatch.sqlite).") var db: String?
    @Option(help: "Ask a running daemon at this URL instead of reading the database.") var server: String?
    @Option(help: "Bearer token for --server (default: $JOBMATCH_TOKEN, else var/operator.token).") var token: String?
    @Option(help: "Only this caller (token name).") var actor: String?
    @Option(help: "Only entries about this person.") var applicant: String?
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
        let rows = entries.map { e in
            [e["at"]?.stringValue ?? "", e["actor"]?.stringValue ?? "", e["role"]?.stringValue ?? "", e["endpoint"]?.stringValue ?? "",
             e["applicant"]?.stringValue ?? e["job"]?.stringValue ?? "", e["status"]?.numberValue.map { String(Int($0)) } ?? ""]
        }
        print(TextTable.render(["at", "actor", "role", "endpoint", "subject", "status"], rows))
    }
}
