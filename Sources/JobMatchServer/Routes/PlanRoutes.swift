import Hummingbird
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

/// A person's assistance plan (`GET /v1/applicants/{id}/plan`) and the follow-ups due (`GET /v1/followups`),
/// run by the same workflows as `jobmatch plan` and `jobmatch followups`, on the daemon's live index.
struct PlanRoutes {
    let env: RouteEnvironment
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "applicants/:id/plan") { request, context in try await plan(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "followups") { request, context in try await followUps(request, context) }
    }

    /// `GET /v1/applicants/{id}/plan?as_of=`: read like the profile (``AccessPolicy/checkReadPlan(_:id:stored:)``).
    func plan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.applicant = id
        let asOf = try Self.time(request.uri.queryParameters.get("as_of"), field: "as_of") ?? .now()
        let person = try policy.checkReadPlan(caller, id: id, stored: try await env.db { try $0.applicant(id: id) })
        try await env.engine.catchUp()
        let matcher = try await env.engine.matcher(asOf: asOf)
        let plan = try await env.db { database in try AssistancePlanner(database: database, matcher: matcher).plan(person, asOf: asOf) }
        context.audit.detail = "tracks: " + plan.tracks.map(\.track.rawValue).joined(separator: ",")
        return JSONResponse.text(plan.jsonText)
    }

    /// `GET /v1/followups?as_of=&due_before=&district=&caseworker=`: scoped like the list of people
    /// (``AccessPolicy/followUpScope(_:requested:)``), audited with every person listed as a subject.
    func followUps(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let q = request.uri.queryParameters
        let districts = try policy.followUpScope(caller, requested: q.get("district").flatMap { $0.isEmpty ? nil : $0 })
        let asOf = try Self.time(q.get("as_of"), field: "as_of") ?? .now()
        let query = FollowUpWorkflow.Query(asOf: asOf, dueBefore: try Self.time(q.get("due_before"), field: "due_before"), districts: districts,
                                           caseworker: q.get("caseworker").flatMap { $0.isEmpty ? nil : $0 })
        let items = try await env.db { try FollowUpWorkflow.due(database: $0, query: query) }
        // Every person listed, once each, in the list's order.
        var seen = Set<String>()
        context.audit.subjects = items.map(\.applicant).filter { seen.insert($0).inserted }
        context.audit.detail = "followups: \(items.count)"
        return JSONResponse.ok(.object([
            ("as_of", .string(asOf.text)), ("due_before", .string(query.dueBefore.text)), ("followups", .array(items.map(\.jsonValue))),
        ]))
    }

    /// A query time (``QueryTime``); an empty parameter counts as absent on these routes.
    static func time(_ text: String?, field: String) throws -> Timestamp? {
        try QueryTime.parse(text.flatMap { $0.isEmpty ? nil : $0 }, field: field)
    }
}
