import Hummingbird
import JobMatchCore
import JobMatchStore

/// `GET /v1/audit?actor=&applicant=&since=&limit=`: the audit log (operators; a caseworker the entries
/// about one of their own people, ``AccessPolicy/auditScope(_:applicant:stored:)``), and
/// `GET /v1/audit/verify`: its hash chain checked (operators).
struct AuditRoutes {
    let env: RouteEnvironment
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "audit") { request, context in try await list(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "audit/verify") { _, context in try await verify(context) }
    }

    func verify(_ context: AppRequestContext) async throws -> Response {
        try policy.checkReadAudit(try context.requireCaller())
        let result = try await env.db { try $0.verifyAuditChain() }
        var pairs: [(key: String, value: JSONValue)] = [
            ("intact", .bool(result.isIntact)), ("checked", .number(Double(result.checked))), ("head", .string(result.head)),
        ]
        if let problem = result.problem {
            pairs.append(("row", .number(Double(problem.row))))
            pairs.append(("problem", .string(problem.message)))
        }
        return JSONResponse.ok(.object(pairs))
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let q = request.uri.queryParameters
        let applicant = q.get("applicant")
        context.audit.applicant = applicant
        var stored: Applicant?
        if let applicant, caller.role == .caseworker { stored = try await env.db { try $0.applicant(id: applicant) } }
        let scope = try policy.auditScope(caller, applicant: applicant, stored: stored)
        var query = AuditQuery(actor: q.get("actor"), applicant: applicant)
        if let since = try QueryTime.parse(q.get("since"), field: "since") { query.since = since }
        if let text = q.get("limit") {
            guard let limit = Int(text), limit >= 1, limit <= 100_000 else {
                throw Problem.badRequest("limit must be a whole number from 1 to 100000", field: "limit")
            }
            query.limit = limit
        }
        var entries = try await env.db { [query] in try $0.auditEntries(query) }
        if case let .onePerson(id) = scope {
            // An entry's detail can name other people (an outcome batch's events), so it is left out, and so
            // is its chain hash (with consecutive hashes, the hidden content could be guessed and checked).
            for i in entries.indices {
                entries[i].subjects = entries[i].subjects.filter { $0 == id }
                entries[i].detail = nil
                entries[i].hash = nil
            }
        }
        return JSONResponse.ok(.object([("entries", .array(entries.map(\.json)))]))
    }
}
