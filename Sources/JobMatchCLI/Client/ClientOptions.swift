import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JobMatchCore

/// `--server URL`, `--token TOKEN`, `--json`: shared by the subcommands that talk to a running `jobmatchd`.
struct ClientOptions: ParsableArguments {
    @Option(help: "The daemon's URL (default: $JOBMATCH_SERVER or http://127.0.0.1:8080).")
    var server: String?

    @Option(help: "Bearer token (default: $JOBMATCH_TOKEN, else var/operator.token when readable).")
    var token: String?

    @Flag(help: "Print the daemon's JSON instead of a table.")
    var json = false

    var serverURL: String {
        (server ?? ProcessInfo.processInfo.environment["JOBMATCH_SERVER"] ?? "http://127.0.0.1:8080")
            .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    var resolvedToken: String? {
        if let token { return token }
        if let token = ProcessInfo.processInfo.environment["JOBMATCH_TOKEN"], !token.isEmpty { return token }
        let db = ProcessInfo.processInfo.environment["JOBMATCH_DB"] ?? "var/jobmatch.sqlite"
        let file = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("operator.token").path
        return (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var client: DaemonClient { DaemonClient(baseURL: serverURL, token: resolvedToken) }
}

/// A small HTTP client for `jobmatchd` (Foundation's URLSession).
struct DaemonClient: Sendable {
    let baseURL: String
    let token: String?

    /// A response: status and parsed JSON (nil for an empty body).
    struct Reply {
        var status: Int
        var body: JSONValue?
        var text: String
    }

    func send(_ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil) async throws -> Reply {
        var components = URLComponents(string: baseURL + path)
        if !query.isEmpty {
            components?.percentEncodedQueryItems = query.map {
                URLQueryItem(name: $0.0, value: $0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~:"))))
            }
        }
        guard let url = components?.url else { throw JobMatchError(.malformedInput, "not a URL: \(baseURL + path)", field: "server") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw JobMatchError(.io, "cannot reach jobmatchd at \(baseURL): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let text = String(decoding: data, as: UTF8.self)
        let json: JSONValue? = data.isEmpty ? nil : (try? Interchange.parse(Array(data)).get())
        return Reply(status: status, body: json, text: text)
    }

    /// Sends and returns the JSON body of a 2xx reply; a problem reply becomes an error naming its field.
    func call(_ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil) async throws -> Reply {
        let reply = try await send(method, path, query: query, body: body)
        guard (200..<300).contains(reply.status) else {
            var message = "HTTP \(reply.status)"
            var field: String?
            if case let .string(detail)? = reply.body?["detail"] { message += ": " + detail }
            if case let .string(f)? = reply.body?["field"] { field = f }
            if case let .array(errors)? = reply.body?["errors"] {
                for e in errors {
                    if case let .string(d)? = e["detail"] {
                        let f: String = if case let .string(f)? = e["field"] { f + ": " } else { "" }
                        message += "\n  " + f + d
                    }
                }
            }
            let code: JobMatchError.Code = switch reply.status {
            case 401: .unauthenticated
            case 403: .forbidden
            case 404: .notFound
            case 409: .conflict
            case 400: .malformedInput
            case 422: .invalidRecord
            default: .internal
            }
            throw JobMatchError(code, message, field: field)
        }
        return reply
    }
}

extension JSONValue {
    /// Pretty text for `--json` output (keys in the daemon's order).
    var printed: String { jsonText }

    var stringValue: String? { if case let .string(s) = self { s } else { nil } }
    var numberValue: Double? { if case let .number(n) = self { n } else { nil } }
    var arrayValue: [JSONValue] { if case let .array(a) = self { a } else { [] } }
}

/// Plain text tables.
enum TextTable {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { i in ([header[i]] + rows.map { i < $0.count ? $0[i] : "" }).map(displayWidth).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == cells.count - 1 ? c : c + String(repeating: " ", count: max(0, widths[i] - displayWidth(c)))
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }

    /// Columns a string takes in a terminal (CJK characters take two).
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && $1.properties.isIdeographic) || (0xFF00...0xFFEF).contains($1.value) || (0x3000...0x303F).contains($1.value) ? 2 : 1) }
    }

    static func score(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "" }
}

/// Reads a JSON body from a file, or standard input for `-`.
func readBody(_ path: String) throws -> [UInt8] {
    if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
    guard let data = FileManager.default.contents(atPath: path) else { throw JobMatchError(.io, "cannot read the file", file: path) }
    return Array(data)
}
