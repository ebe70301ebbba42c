import ArgumentParser
import Foundation
import JobMatchCore

/// `jobmatch client …`: talk to a running `jobmatchd`.
struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "Talk to a running jobmatchd (--server, --token or JOBMATCH_SERVER, JOBMATCH_TOKEN).",
        subcommands: [
            ClientRecommendCommand.self, ClientCandidatesCommand.self, ClientGetCommand.self, ClientPutCommand.self,
            ClientDeleteCommand.self, ClientOutcomeCommand.self,
        ]
    )
}

/// The record kinds the profile commands handle.
enum RecordKind: String, ExpressibleByArgument, CaseIterable {
    case applicant, job
    var path: String { self == .applicant ? "/v1/applicants/" : "/v1/jobs/" }
}

func escapedPath(_ id: String) -> String {
    id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? id
}

func reasonsText(_ reasons: JSONValue?) -> String {
    (reasons?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }.joined(separator: "；")
}

struct ClientRecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recommend", abstract: "The explained top-k jobs for a stored person, or a walk-in profile (--profile FILE).")

    @OptionGroup var options: ClientOptions
    @Argument(help: "The applicant id (omit with --profile).") var id: String?
    @Option(help: "A walk-in profile in the interchange shape (a file, or - for stdin); not stored.") var profile: String?
    @Option(help: "How many jobs.") var k: Int?
    @Option(help: "As-of time (RFC 3339); default now.") var asOf: String?
    @Option(help: "Only these job types (comma-separated).") var jobType: String?
    @Option(help: "Only jobs with these tags (comma-separated).") var tag: String?

    func run() async throws {
        var query: [(String, String)] = []
        if let k { query.append(("k", String(k))) }
        if let asOf { query.append(("as_of", asOf)) }
        if let jobType { query.append(("job_type", jobType)) }
        if let tag { query.append(("tag", tag)) }
        let reply: DaemonClient.Reply
        if let profile {
            reply = try await options.client.call("POST", "/v1/recommendations", query: query, body: try readBody(profile))
        } else if let id {
            reply = try await options.client.call("GET", "/v1/applicants/\(escapedPath(id))/recommendations", query: query)
        } else {
            throw ValidationError("give an applicant id or --profile FILE")
        }
        if options.json { print(reply.text); return }
        let rows = (reply.body?["recommendations"]?.arrayValue ?? []).map { r in
            [r["rank"]?.numberValue.map { String(Int($0)) } ?? "", r["job"]?.stringValue ?? "", TextTable.score(r["score"]?.numberValue), reasonsText(r["reasons"])]
        }
        print("applicant \(reply.body?["applicant"]?.stringValue ?? "")  as of \(reply.body?["as_of"]?.stringValue ?? "")")
        print(TextTable.render(["rank", "job", "score", "reasons"], rows))
    }
}

struct ClientCandidatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "candidates", abstract: "The people a job suits best (reverse matching).")

    @OptionGroup var options: ClientOptions
    @Argument(help: "The job id.") var id: String
    @Option(help: "How many people.") var k: Int?
    @Option(help: "As-of time (RFC 3339); default now.") var asOf: String?

    func run() async throws {
        var query: [(String, String)] = []
        if let k { query.append(("k", String(k))) }
        if let asOf { query.append(("as_of", asOf)) }
        let reply = try await options.client.call("GET", "/v1/jobs/\(escapedPath(id))/candidates", query: query)
        if options.json { print(reply.text); return }
        let rows = (reply.body?["candidates"]?.arrayValue ?? []).map { c in
            [c["rank"]?.numberValue.map { String(Int($0)) } ?? "", c["applicant"]?.stringValue ?? "", c["district"]?.stringValue ?? "",
             TextTable.score(c["score"]?.numberValue), reasonsText(c["reasons"])]
        }
        print(TextTable.render(["rank", "applicant", "district", "score", "reasons"], rows))
    }
}

struct ClientGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Print a stored applicant or job (interchange JSON).")

    @OptionGroup var options: ClientOptions
    @Argument(help: "applicant or job.") var kind: RecordKind
    @Argument(help: "The id.") var id: String

    func run() async throws {
        print(try await options.client.call("GET", kind.path + escapedPath(id)).text)
    }
}

struct ClientPutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "put", abstract: "Create or replace an applicant or job from a JSON file (or - for stdin).")

    @OptionGroup var options: ClientOptions
    @Argument(help: "applicant or job.") var kind: RecordKind
    @Argument(help: "A file holding one record in the interchange shape, or -.") var file: String

    func run() async throws {
        let body = try readBody(file)
        guard case let .success(value) = Interchange.parse(body), let id = value["id"]?.stringValue else {
            throw JobMatchError(.invalidRecord, "the record has no id", field: "id", file: file)
        }
        let reply = try await options.client.call("PUT", kind.path + escapedPath(id), body: body)
        if options.json { print(reply.text) } else { print("\(reply.status == 201 ? "created" : "replaced") \(kind.rawValue) \(id)") }
    }
}

struct ClientDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an applicant or job.")

    @OptionGroup var options: ClientOptions
    @Argument(help: "applicant or job.") var kind: RecordKind
    @Argument(help: "The id.") var id: String

    func run() async throws {
        _ = try await options.client.call("DELETE", kind.path + escapedPath(id))
        if !options.json { print("deleted \(kind.rawValue) \(id)") }
    }
}

struct ClientOutcomeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outcome", abstract: "Record an interaction event (applied, interviewed, hired, …).")

    @OptionGroup var options: ClientOptions
    @Option(help: "The applicant id.") var applicant: String?
    @Option(help: "The job id.") var job: String?
    @Option(help: "The event (recommended, viewed, applied, interviewed, hired, rejected, declined, retained_3m, separated).") var event: String?
    @Option(help: "When (RFC 3339); default now.") var at: String?
    @Option(help: "A JSON file with one event or an array of events, or - (instead of the options).") var file: String?

    func run() async throws {
        let body: [UInt8]
        if let file {
            body = try readBody(file)
        } else {
            guard let applicant, let job, let event else { throw ValidationError("give --applicant, --job and --event, or --file") }
            body = Array(JSONValue.object([
                ("applicant", .string(applicant)), ("job", .string(job)), ("event", .string(event)),
                ("at", .string(at ?? Timestamp.now().text)),
            ]).jsonText.utf8)
        }
        let reply = try await options.client.call("POST", "/v1/outcomes", body: body)
        if options.json { print(reply.text); return }
        print("recorded \(Int(reply.body?["recorded"]?.numberValue ?? 0)), already present \(Int(reply.body?["already_present"]?.numberValue ?? 0))")
    }
}
