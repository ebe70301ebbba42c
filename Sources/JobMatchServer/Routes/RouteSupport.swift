import Dispatch
import Foundation
import Hummingbird
import JobMatchCore
import JobMatchStore

/// What every route handler shares: the database, the engine, the settings.
struct RouteEnvironment: Sendable {
    let database: AppDatabase
    let engine: MatcherEngine
    let configuration: ServerConfiguration

    /// The request body as bytes (at most `maxBodyBytes`), read within `bodyTimeoutSeconds` (a body that
    /// takes longer is refused with 408); 415 when it is not declared as JSON.
    func body(of request: Request) async throws -> [UInt8] {
        let limit = configuration.maxBodyBytes
        let timeout = configuration.bodyTimeoutSeconds
        let body = request.body
        let collected = try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask { Array(try await body.collect(upTo: limit).readableBytesView) }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                return nil
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
        guard let bytes = collected else {
            throw Problem(status: .requestTimeout, code: "body_timeout", detail: "the request body took longer than \(timeout) s")
        }
        let declared = request.headers[.contentType]
        if declared != nil || !bytes.isEmpty, !MediaType.isJSON(declared) {
            let detail = declared.map { "the body must be sent as application/json, not \"\($0)\"" }
                ?? "a request body needs Content-Type: application/json"
            throw Problem(status: .unsupportedMediaType, code: "unsupported_media_type", detail: detail, field: "Content-Type")
        }
        return bytes
    }

    /// The record a `PUT /v1/…/{id}` body holds: read (``body(of:)``), decoded with `decode` (every field error
    /// reported at once), and its `id` checked against the path's.
    func record<Record>(of request: Request, pathID: String, decode: ([UInt8]) -> Interchange.Decoded<Record>,
                        id: (Record) -> String) async throws -> Record {
        let decoded = decode(try await body(of: request))
        guard let record = decoded.record, decoded.errors.isEmpty else { throw Problem(issues: decoded.errors) }
        guard id(record) == pathID else { throw Problem.invalid("the id in the body (\"\(id(record))\") differs from the path", field: "id") }
        return record
    }

    /// Runs blocking database work on a GCD queue, not on the cooperative pool (GRDB's own async API
    /// does the same: the calls below are synchronous GRDB calls).
    func db<T: Sendable>(_ work: @escaping @Sendable (AppDatabase) throws -> T) async throws -> T {
        let database = self.database
        return try await withCheckedThrowingContinuation { continuation in
            Self.databaseQueue.async { continuation.resume(with: Result { try work(database) }) }
        }
    }

    static let databaseQueue = DispatchQueue(label: "jobmatchd.database", qos: .userInitiated, attributes: .concurrent)
}

extension AppRequestContext {
    /// The `{id}` path parameter.
    func pathID() throws -> String {
        guard let id = parameters.get("id"), !id.isEmpty else { throw Problem.badRequest("missing id in the path", field: "id") }
        return id
    }
}

/// Query parameters of the list routes, validated with the parameter named on error.
struct ListParameters {
    var k: Int
    var asOf: Timestamp
    var filter: JobFilter

    init(_ request: Request, configuration: ServerConfiguration) throws {
        let query = request.uri.queryParameters
        if let text = query.get("k") {
            guard let k = Int(text), k >= 1, k <= configuration.maxK else {
                throw Problem.badRequest("k must be a whole number from 1 to \(configuration.maxK)", field: "k")
            }
            self.k = k
        } else {
            k = configuration.defaultK
        }
        asOf = try QueryTime.parse(query.get("as_of"), field: "as_of") ?? .now()
        var jobTypes: Set<JobType>?
        for text in query.getAll("job_type").flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }) {
            guard let type = JobType(rawValue: text) else {
                throw Problem.badRequest("unknown job type \"\(text)\"", field: "job_type")
            }
            jobTypes = (jobTypes ?? []).union([type])
        }
        var tags: Set<JobTag> = []
        for text in query.getAll("tag").flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }) {
            guard let tag = JobTag(rawValue: text) else { throw Problem.badRequest("unknown tag \"\(text)\"", field: "tag") }
            tags.insert(tag)
        }
        filter = JobFilter(jobTypes: jobTypes, tags: tags)
    }
}

/// JSON shapes of the API's lists.
enum ListJSON {
    static func reason(_ r: Reason) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("code", .string(r.code)), ("text", .string(r.text))]
        if let value = r.value { pairs.append(("value", .number(value))) }
        return .object(pairs)
    }
}

/// Every route the daemon serves, as `(METHOD, /path/{param})`. Registration refuses a route missing
/// here, and the tests check this table against `docs/openapi.json`, so the spec cannot fall behind.
public enum APIRouteTable {
    public static let all: [(method: String, path: String)] = [
        ("GET", "/healthz"), ("GET", "/readyz"), ("GET", "/metrics"),
        ("GET", "/v1/applicants/{id}"), ("PUT", "/v1/applicants/{id}"), ("DELETE", "/v1/applicants/{id}"),
        ("GET", "/v1/jobs/{id}"), ("PUT", "/v1/jobs/{id}"), ("DELETE", "/v1/jobs/{id}"),
        ("GET", "/v1/applicants/{id}/recommendations"), ("POST", "/v1/recommendations"),
        ("GET", "/v1/jobs/{id}/candidates"), ("POST", "/v1/outcomes"), ("GET", "/v1/audit"),
        ("GET", "/v1/audit/verify"), ("POST", "/v1/admin/tokens/reload"),
        ("POST", "/v1/admin/model/reload"),
        ("GET", "/v1/applicants"), ("GET", "/v1/applicants/{id}/history"), ("GET", "/v1/me"),
        ("GET", "/v1/supervision"), ("GET", "/v1/insight/gaps"), ("GET", "/v1/insight/postings/{id}/counterfactual"),
        ("GET", "/v1/trainings/{id}"), ("PUT", "/v1/trainings/{id}"), ("POST", "/v1/services"), ("GET", "/v1/applicants/{id}/services"),
        ("GET", "/v1/applicants/{id}/plan"), ("GET", "/v1/followups"),
    ]

    /// The methods a path template allows, as an `Allow` header lists them (`HEAD` is not served).
    public static func allowedMethods(path template: String) -> [String] {
        all.filter { $0.path == template }.map(\.method)
    }

    /// Answers 405 with `Allow` for every other common method on each path of the table under `prefix`,
    /// so a wrong method on a known path is not reported as an unknown path. Call after the real routes.
    static func refuseOtherMethods(on router: some RouterMethods<AppRequestContext>, prefix: String) {
        let methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "QUERY"]
        var templates: [String] = []
        for route in all where route.path.hasPrefix(prefix + "/") && !templates.contains(route.path) {
            // The root router takes the paths of no group; a group takes its own.
            if prefix.isEmpty && route.path.hasPrefix("/v1/") { continue }
            templates.append(route.path)
        }
        for template in templates {
            let allowed = allowedMethods(path: template)
            let path = template.dropFirst(prefix.count + 1).split(separator: "/")
                .map { $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : String($0) }.joined(separator: "/")
            for method in methods where !allowed.contains(method) {
                router.on(RouterPath(path), method: HTTPRequest.Method(method)!, use: { request, _ -> Response in
                    throw Problem.methodNotAllowed(request.method.rawValue, allowed: allowed)
                })
            }
        }
    }

    /// Registers a handler on the router, after checking the route is in the table.
    static func on(
        _ router: some RouterMethods<AppRequestContext>, prefix: String = "", _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) {
        let template = prefix + "/" + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
        precondition(all.contains { $0.method == method.rawValue && $0.path == template }, "route \(method) \(template) is not in APIRouteTable")
        router.on(RouterPath(path), method: method, use: handler)
    }
}

/// Media types of request bodies.
enum MediaType {
    /// `application/json` or a `+json` type (parameters such as `charset` aside).
    static func isJSON(_ header: String?) -> Bool {
        guard let header else { return false }
        let type = header.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json"))
    }
}
