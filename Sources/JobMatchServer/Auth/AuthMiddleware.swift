import Foundation
import Hummingbird

/// Requires `Authorization: Bearer TOKEN` on every route it wraps (all of `/v1`): 401 without a known
/// token (the scheme's case does not matter). The caller goes into the context for the handlers and the
/// audit log, and its token name and role into the log metadata.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let tokens: TokenRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw Problem(status: .unauthorized, code: "unauthenticated", detail: "a bearer token is required")
        }
        let prefix = "bearer "
        guard header.count > prefix.count, header.prefix(prefix.count).lowercased() == prefix else {
            throw Problem(status: .unauthorized, code: "unauthenticated", detail: "the Authorization header must be \"Bearer TOKEN\"")
        }
        let token = header.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        guard let caller = tokens.caller(forToken: String(token)) else {
            throw Problem(status: .unauthorized, code: "unauthenticated", detail: "unknown token")
        }
        var context = context
        context.caller = caller
        context.audit.caller = caller
        context.logger[metadataKey: "caller.name"] = "\(caller.name)"
        context.logger[metadataKey: "caller.role"] = "\(caller.role.rawValue)"
        return try await next(request, context)
    }
}
