import Hummingbird
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

/// `GET /v1/insight/gaps` and `GET /v1/insight/postings/{id}/counterfactual` (docs/insight.md): the supply-gap
/// report and one posting's counterfactual, computed on request with the daemon's model setting (one thread, so
/// lists keep their cores) for the
/// districts the caller may count (``AccessPolicy/insightScope(_:)``). Audited without person subjects: the
/// answers hold counts and postings, no person. The gap report is kept per (as-of time, `k`, districts, inputs)
/// (``InsightCache``): a repeat request is answered from memory until the data change.
struct InsightRoutes {
    let env: RouteEnvironment
    let policy: AccessPolicy
    let cache = InsightCache()

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "insight/gaps") { request, context in try await gaps(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "insight/postings/:id/counterfactual") { request, context in
            try await counterfactual(request, context)
        }
    }

    func gaps(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let scope = try policy.insightScope(try context.requireCaller())
        let (asOf, settings) = try Self.parameters(request)
        let model = env.configuration.modelPath
        let stamp = try await env.db { try InsightReport.inputsStamp(database: $0, model: model, learnWhenMissing: true) }
        let key = InsightCache.Key(asOf: asOf.text, k: settings.k, scope: scope?.sorted(), stamp: stamp)
        let env = self.env
        let (report, hit) = try await cache.report(for: key) {
            try await env.db {
                try InsightReport.compute(database: $0, asOf: asOf, scope: scope, configuration: settings, model: model, learnWhenMissing: true)
            }
        }
        context.audit.subjects = []
        context.audit.detail = "insight gaps: \(report.result.gaps.count) rows, outreach: \(report.result.outreach.count)" + (hit ? " (cached)" : "")
        var response = JSONResponse.ok(report.json)
        response.headers[.init("Cache-Status")!] = "jobmatchd; " + (hit ? "hit" : "fwd=miss")
        return response
    }

    func counterfactual(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let scope = try policy.insightScope(try context.requireCaller())
        let id = context.parameters.get("id") ?? ""
        let (asOf, settings) = try Self.parameters(request)
        let text = request.uri.queryParameters.get("group") ?? InsightGroup.olderWorker.rawValue
        guard let group = InsightGroup(rawValue: text) else {
            throw Problem.badRequest("group must be one of " + InsightGroup.allCases.map(\.rawValue).joined(separator: ", "), field: "group")
        }
        let model = env.configuration.modelPath
        context.audit.job = id
        let found = try await env.db {
            try InsightReport.counterfactual(database: $0, asOf: asOf, posting: id, group: group, scope: scope, configuration: settings, model: model,
                                             learnWhenMissing: true)
        }
        context.audit.subjects = []
        context.audit.detail = "counterfactual \(group.rawValue)"
        return JSONResponse.ok(.object([("as_of", .string(asOf.text)), ("k", .number(Double(settings.k))), ("counterfactual", found.json)]))
    }

    /// `as_of` (default now) and `k` (1…100, default 10).
    static func parameters(_ request: Request) throws -> (Timestamp, InsightConfiguration) {
        let q = request.uri.queryParameters
        let asOf = try QueryTime.parse(q.get("as_of"), field: "as_of") ?? .now()
        var settings = InsightConfiguration()
        if let text = q.get("k") {
            guard let k = Int(text), (1...100).contains(k) else { throw Problem.badRequest("k must be a whole number from 1 to 100", field: "k") }
            settings.k = k
        }
        return (asOf, settings)
    }
}
