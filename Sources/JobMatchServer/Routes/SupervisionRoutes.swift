import Hummingbird
import JobMatchCore
import JobMatchStore

/// `GET /v1/supervision?as_of=`: the supervision signals (docs/supervision.md), for operators; audited as a
/// read naming every person the signals name.
struct SupervisionRoutes {
    let env: RouteEnvironment
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "supervision") { request, context in try await signals(request, context) }
    }

    func signals(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try policy.checkSupervise(try context.requireCaller())
        let asOf = try QueryTime.parse(request.uri.queryParameters.get("as_of"), field: "as_of") ?? .now()
        // Out-of-district reads are refused (404) by the policy, so reads are checked against the people each
        // token served (outcomes, profile writes), as in `jobmatch supervise`.
        let input = try await env.db { [asOf] in try $0.supervisionInput(asOf: asOf) }
        let signals = Supervisor().signals(input, asOf: asOf)
        context.audit.subjects = Array(Set(signals.flatMap(\.applicants))).sorted()
        context.audit.detail = "signals: \(signals.count)"
        return JSONResponse.ok(.object([("as_of", .string(asOf.text)), ("signals", .array(signals.map(\.json)))]))
    }
}
