import Hummingbird
import JobMatchCore
import JobMatchStore
import Logging

/// Writes one audit entry for every `/v1` request, after it is answered: who (token name, or `-` when the
/// token was missing or unknown), when, which endpoint, which person or job, and the status.
/// An entry that cannot be written turns the answer into a 500: nothing is served unaudited.
struct AuditMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let writer: AuditWriter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let endpoint = "\(request.method.rawValue) \(request.uri.path)"
        let outcome: Result<Response, any Error>
        do {
            outcome = .success(try await next(request, context))
        } catch {
            outcome = .failure(error)
        }
        let status = switch outcome {
        case let .success(response): Int(response.status.code)
        case let .failure(error): Int(Problem.from(error).status.code)
        }
        let seenCaller = context.audit.caller
        let entry = AuditEntry(
            at: .now(), actor: seenCaller?.name ?? "-", role: seenCaller?.role.rawValue ?? "-", endpoint: endpoint,
            applicant: context.audit.applicant, job: context.audit.job, status: status, detail: context.audit.detail
        )
        do {
            try await writer.append(entry)
        } catch {
            context.logger.error("cannot write the audit log", metadata: ["error": "\(error)"])
            throw Problem(status: .internalServerError, code: "internal", detail: "the audit log cannot be written")
        }
        return try outcome.get()
    }
}
