import Hummingbird
import JobMatchCore

/// An RFC 9457 problem detail (`application/problem+json`): `type`, `title`, `status`, `detail`,
/// plus `field` naming the field at fault and `errors` when there are several.
public struct Problem: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var detail: String
    public var field: String?
    /// Every error when there are several, each `{field, detail}`.
    public var errors: [(field: String?, detail: String)]
    /// Sent as `Retry-After` (seconds) when set: the request was refused because the daemon is busy.
    public var retryAfterSeconds: Int?
    /// Headers the answer carries besides the content type (`Allow` on a 405).
    public var headers: HTTPFields = [:]

    public init(status: HTTPResponse.Status, code: String, detail: String, field: String? = nil,
                errors: [(field: String?, detail: String)] = [])
    {
        self.status = status
        self.code = code
        self.detail = detail
        self.field = field
        self.errors = errors
    }

    /// The one place where JobMatch error codes become HTTP statuses.
    public static func status(for code: JobMatchError.Code) -> HTTPResponse.Status {
        switch code {
        case .invalidRecord: .unprocessableContent
        case .malformedInput: .badRequest
        case .notFound: .notFound
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .conflict: .conflict
        case .refused: .serviceUnavailable
        default: .internalServerError
        }
    }

    public init(_ error: JobMatchError) {
        self.init(status: Self.status(for: error.code), code: error.code.rawValue, detail: error.message, field: error.field)
    }

    /// Every issue of a failed decode, the first as `field`/`detail`.
    public init(issues: [Interchange.Issue]) {
        let first = issues.first ?? Interchange.Issue(field: "", message: "invalid record")
        // A body that is not JSON at all is malformed (400); a JSON record with bad fields is invalid (422).
        let malformed = issues.count == 1 && first.field.isEmpty && first.message.hasPrefix("not valid JSON")
        self.init(
            status: malformed ? .badRequest : .unprocessableContent,
            code: (malformed ? JobMatchError.Code.malformedInput : .invalidRecord).rawValue,
            detail: first.message + (issues.count > 1 ? " (and \(issues.count - 1) more)" : ""),
            field: first.field.isEmpty ? nil : first.field,
            errors: issues.count > 1 ? issues.map { ($0.field.isEmpty ? nil : $0.field, $0.message) } : []
        )
    }

    /// Any error as a problem; errors that are not JobMatch's are internal and their text is not shown.
    public static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem: return problem
        case is CancellationError:
            return Problem(status: .serviceUnavailable, code: "cancelled", detail: "the client went away before its work was done")
        case let error as JobMatchError: return Problem(error)
        case let error as any HTTPResponseError:
            return Problem(status: error.status, code: "http_\(error.status.code)", detail: error.status.reasonPhrase)
        default:
            return Problem(status: .internalServerError, code: JobMatchError.Code.internal.rawValue, detail: "internal error")
        }
    }

    /// The body as JSON.
    public var json: JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("type", .string("https://jobmatch.invalid/problems/\(code)")),
            ("title", .string(status.reasonPhrase)),
            ("status", .number(Double(status.code))),
            ("detail", .string(detail)),
        ]
        if let field { pairs.append(("field", .string(field))) }
        if !errors.isEmpty {
            pairs.append(("errors", .array(errors.map { e in
                var item: [(key: String, value: JSONValue)] = []
                if let field = e.field { item.append(("field", .string(field))) }
                item.append(("detail", .string(e.detail)))
                return .object(item)
            })))
        }
        return .object(pairs)
    }

    public var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.cacheControl] = "no-store"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"jobmatch\"" }
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        headers.append(contentsOf: self.headers)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json.jsonText)))
    }

    // Shorthands.
    static func forbidden(_ detail: String) -> Problem { Problem(status: .forbidden, code: "forbidden", detail: detail) }
    static func notFound(_ detail: String, field: String? = nil) -> Problem {
        Problem(status: .notFound, code: "not_found", detail: detail, field: field)
    }
    static func badRequest(_ detail: String, field: String? = nil) -> Problem {
        Problem(status: .badRequest, code: "malformed_input", detail: detail, field: field)
    }
    static func methodNotAllowed(_ method: String, allowed: [String]) -> Problem {
        var problem = Problem(status: .methodNotAllowed, code: "method_not_allowed",
                              detail: "\(method) is not served here; allowed: \(allowed.joined(separator: ", "))")
        problem.headers[.allow] = allowed.joined(separator: ", ")
        return problem
    }
    static func invalid(_ detail: String, field: String? = nil) -> Problem {
        Problem(status: .unprocessableContent, code: "invalid_record", detail: detail, field: field)
    }
}

/// Turns every error thrown below it into a problem-details response.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem.from(error)
            if problem.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
            }
            return problem.response
        }
    }
}

/// JSON response helpers.
enum JSONResponse {
    static func ok(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        text(value.jsonText, status: status)
    }

    static func text(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        // Bodies name people: no browser or proxy keeps a copy (a shared office computer's disk cache).
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}
