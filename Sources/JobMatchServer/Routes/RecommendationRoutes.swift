import Hummingbird
import JobMatchCore
import JobMatchStore

/// The lists: a stored person's jobs, a walk-in person's jobs, a job's people; each shown as
/// ``AccessPolicy`` says (in full, or under pseudonyms without sensitive reasons).
struct RecommendationRoutes {
    let env: RouteEnvironment
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "applicants/:id/recommendations") { request, context in try await stored(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .post, "recommendations") { request, context in try await walkIn(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "jobs/:id/candidates") { request, context in try await candidates(request, context) }
    }

    /// `GET /v1/applicants/{id}/recommendations?k=&as_of=&job_type=&tag=`
    func stored(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let pathID = try context.pathID()
        context.audit.applicant = pathID
        let parameters = try ListParameters(request, configuration: env.configuration)
        let policy = self.policy
        let stored = try await env.db { database -> Applicant? in
            guard let id = try policy.listSubject(caller, pathID: pathID, ids: { try database.applicantIDs() }) else { return nil }
            return try database.applicant(id: id)
        }
        if let stored { context.audit.applicant = stored.id }
        let (applicant, view) = try policy.viewForList(caller, id: pathID, stored: stored)
        return try await list(for: applicant, parameters, view: view, context)
    }

    /// `POST /v1/recommendations` with an interchange applicant in the body (not stored). Audited as a
    /// walk-in: the id the body names is not trusted and not logged as a person.
    func walkIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        context.audit.detail = "walk-in profile (not stored)"
        let parameters = try ListParameters(request, configuration: env.configuration)
        let decoded = Interchange.decodeApplicant(try await env.body(of: request))
        guard let applicant = decoded.record, decoded.errors.isEmpty else { throw Problem(issues: decoded.errors) }
        context.audit.detail = "walk-in profile (not stored), district \(applicant.district)"
        let view = try policy.viewForWalkIn(caller, district: applicant.district)
        return try await list(for: applicant, parameters, view: view, context)
    }

    private func list(for applicant: Applicant, _ p: ListParameters, view: AccessPolicy.View, _ context: AppRequestContext) async throws -> Response {
        let list = try await env.engine.recommend(RecommendationQuery(
            applicant: applicant, k: p.k, asOf: p.asOf, filter: p.filter, isCancelled: context.clientGone))
        context.audit.detail = [context.audit.detail, "jobs: " + list.recommendations.map(\.job).joined(separator: ",")]
            .compactMap { $0 }.joined(separator: "; ")
        context.logger.debug("recommendations", metadata: ["list.count": "\(list.recommendations.count)"])
        return JSONResponse.ok(.object([
            ("applicant", .string(policy.shownID(list.applicant, view))),
            ("as_of", .string(p.asOf.text)),
            ("recommendations", .array(list.recommendations.map { r in
                .object([
                    ("job", .string(r.job)), ("rank", .number(Double(r.rank))), ("score", .number(r.score)),
                    ("reasons", .array(policy.shownReasons(r.reasons, view).map(ListJSON.reason))),
                ])
            })),
        ]))
    }

    /// `GET /v1/jobs/{id}/candidates?k=&as_of=`: reverse matching. Operators see everyone; caseworkers only
    /// the people of their own districts (the best `k` of those); evaluators everyone under pseudonyms,
    /// without district and without sensitive or identifying reasons.
    func candidates(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.job = id
        let p = try ListParameters(request, configuration: env.configuration)
        guard let job = try await env.db({ try $0.job(id: id) }) else { throw Problem.notFound("no job \"\(id)\"") }
        let scope = policy.candidateScope(caller)
        let engine = env.engine
        // Only the people the caller may see enter the ranking (a caseworker's: their own districts'), so the
        // list is the best k of those, explained for those alone.
        let includes = scope.includes
        let found = try await engine.candidates(for: job, k: p.k, asOf: p.asOf, including: { includes($0.district) },
                                                isCancelled: context.clientGone)
            .map { ($0, engine.applicant(id: $0.applicant)?.district ?? "") }
        context.audit.subjects = found.map { $0.0.applicant }
        context.audit.detail = "candidates: \(found.count)"
        let items: [JSONValue] = found.enumerated().map { position, item in
            let (c, district) = item
            var pairs: [(key: String, value: JSONValue)] = [("applicant", .string(policy.shownID(c.applicant, scope.view)))]
            if scope.view == .full { pairs.append(("district", .string(district))) }
            pairs += [
                ("rank", .number(Double(position + 1))), ("score", .number(c.score)),
                ("reasons", .array(policy.shownReasons(c.reasons, scope.view).map(ListJSON.reason))),
            ]
            return .object(pairs)
        }
        return JSONResponse.ok(.object([("job", .string(id)), ("as_of", .string(p.asOf.text)), ("candidates", .array(items))]))
    }
}
