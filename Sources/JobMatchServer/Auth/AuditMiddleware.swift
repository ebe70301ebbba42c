import Hummingbird
import JobMatchCore
import JobMatchStore
import Logging

/// The fields of an audit entry before it has a time and an id.
struct AuditEntryDraft: Sendable {
    var actor: String
    var role: String
    var endpoint: String
    var applicant: String?
    var job: String?
    var status: Int
    var detail: String?
    var subjects: [String]
    var requestID: String?

    var entry: AuditEntry {
        AuditEntry(at: .now(), actor: actor, role: role, endpoint: endpoint, applicant: applicant, job: job, status: status,
                   detail: detail, subjects: subjects, requestID: requestID)
    }
}

/// Writes the audit entry of every `/v1` request that did not write its own: reads and refusals, once
/// the handler has built the answer and before the answer is sent, so no data leaves unaudited: who
/// (token name, or `-` when the token was missing or unknown), role, endpoint, the people and the job,
/// the status, the request id. Changes write their entry in their own transaction
/// (``RouteEnvironment/audited(_:_:)``); this middleware skips them. An entry that cannot be written
/// turns the answer into a 500.
struct AuditMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let writer: AuditWriter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let outcome: Result<Response, any Error>
        do {
            outcome = .success(try await next(request, context))
        } catch {
            outcome = .failure(error)
        }
        guard !context.audit.written else { return try outcome.get() }
        let status = switch outcome {
        case let .success(response): Int(response.status.code)
        case let .failure(error): Int(Problem.from(error).status.code)
        }
        let draft = context.audit.entry(endpoint: Self.endpoint(request), status: status)
        do {
            try await writer.append(draft.entry)
        } catch {
            context.logger.error("cannot write the audit log", metadata: ["error": "\(error)"])
            throw Problem(status: .internalServerError, code: "internal", detail: "the audit log cannot be written")
        }
        return try outcome.get()
    }

    static func endpoint(_ request: Request) -> String { "\(request.method.rawValue) \(request.uri.path)" }
}
