import Hummingbird
import JobMatchCore
import JobMatchStore

/// `GET /v1/audit?actor=&applicant=&since=&limit=`: the audit log, for operators.
struct AuditRoutes {
    let env: RouteEnvironment

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "audit") { request, context in try await list(request, context) }
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        try AccessPolicy.checkReadAudit(caller)
        let q = request.uri.queryParameters
        var query = AuditQuery(actor: q.get("actor"), applicant: q.get("applicant"))
        if let text = q.get("since") {
            guard let since = Timestamp(rfc3339: text) ?? Timestamp(rfc3339: text.replacingOccurrences(of: " ", with: "+")) else {
                throw Problem.badRequest("since must be an RFC 3339 time with offset", field: "since")
            }
            query.since = since
        }
        if let text = q.get("limit") {
            guard let limit = Int(text), limit >= 1, limit <= 100_000 else {
                throw Problem.badRequest("limit must be a whole number from 1 to 100000", field: "limit")
            }
            query.limit = limit
        }
        let entries = try await env.db { [query] in try $0.auditEntries(query) }
        return JSONResponse.ok(.object([("entries", .array(entries.map(\.json)))]))
    }
}
