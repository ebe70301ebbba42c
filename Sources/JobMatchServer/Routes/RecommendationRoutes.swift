import Hummingbird
import JobMatchCore
import JobMatchStore

/// The lists: a stored person's jobs, a walk-in person's jobs, a job's people.
struct RecommendationRoutes {
    let env: RouteEnvironment

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "applicants/:id/recommendations") { request, context in try await stored(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .post, "recommendations") { request, context in try await walkIn(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "jobs/:id/candidates") { request, context in try await candidates(request, context) }
    }

    /// `GET /v1/applicants/{id}/recommendations?k=&as_of=&job_type=&tag=`
    func stored(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.applicant = id
        let parameters = try ListParameters(request, configuration: env.configuration)
        guard let applicant = try await env.db({ try $0.applicant(id: id) }) else { throw Problem.notFound("no applicant \"\(id)\"") }
        try AccessPolicy.checkRecommend(caller, district: applicant.district)
        return try await list(for: applicant, parameters, caller: caller, context)
    }

    /// `POST /v1/recommendations` with an interchange applicant in the body (not stored).
    func walkIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let parameters = try ListParameters(request, configuration: env.configuration)
        let decoded = Interchange.decodeApplicant(try await env.body(of: request))
        guard let applicant = decoded.record, decoded.errors.isEmpty else { throw Problem(issues: decoded.errors) }
        context.audit.applicant = applicant.id
        context.audit.detail = "walk-in profile (not stored)"
        try AccessPolicy.checkRecommend(caller, district: applicant.district)
        return try await list(for: applicant, parameters, caller: caller, context)
    }

    private func list(for applicant: Applicant, _ p: ListParameters, caller: Caller, _ context: AppRequestContext) async throws -> Response {
        let list = try await env.engine.recommend(RecommendationQuery(
            applicant: applicant, k: p.k, asOf: p.asOf, filter: p.filter, isCancelled: context.clientGone))
        context.audit.detail = [context.audit.detail, "jobs: " + list.recommendations.map(\.job).joined(separator: ",")]
            .compactMap { $0 }.joined(separator: "; ")
        let redact = !AccessPolicy.seesSensitiveDetails(caller, district: applicant.district)
        context.logger.debug("recommendations", metadata: ["applicant.id": "\(applicant.id)", "list.count": "\(list.recommendations.count)"])
        return JSONResponse.ok(ListJSON.recommendations(list, asOf: p.asOf, redact: redact))
    }

    /// `GET /v1/jobs/{id}/candidates?k=&as_of=`: reverse matching; people outside the caller's districts
    /// appear without reasons drawn from disability or assistance groups.
    func candidates(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.job = id
        let p = try ListParameters(request, configuration: env.configuration)
        guard let job = try await env.db({ try $0.job(id: id) }) else { throw Problem.notFound("no job \"\(id)\"") }
        let found = try await env.engine.candidates(for: job, k: p.k, asOf: p.asOf, isCancelled: context.clientGone)
        context.audit.detail = found.isEmpty ? nil : found.map(\.applicant).joined(separator: ",")
        let items: [JSONValue] = found.map { c in
            let district = env.engine.applicant(id: c.applicant)?.district ?? ""
            let redact = !AccessPolicy.seesSensitiveDetails(caller, district: district)
            return .object([
                ("applicant", .string(c.applicant)), ("district", .string(district)), ("rank", .number(Double(c.rank))),
                ("score", .number(c.score)),
                ("reasons", .array((redact ? AccessPolicy.redacted(c.reasons) : c.reasons).map(ListJSON.reason))),
            ])
        }
        return JSONResponse.ok(.object([("job", .string(id)), ("as_of", .string(p.asOf.text)), ("candidates", .array(items))]))
    }
}
