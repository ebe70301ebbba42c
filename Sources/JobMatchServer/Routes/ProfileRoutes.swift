import Hummingbird
import JobMatchCore
import JobMatchStore

/// `PUT`/`GET`/`DELETE /v1/applicants/{id}` and `/v1/jobs/{id}`, in the interchange shape.
/// A change reaches the job index (or the reverse-matching pool) before the response is sent: the route
/// commits, then has the engine catch up with the database (from the committed rows, in version order).
struct ProfileRoutes {
    let env: RouteEnvironment

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "applicants/:id") { _, context in try await getApplicant(context) }
        APIRouteTable.on(group, prefix: "/v1", .put, "applicants/:id") { request, context in try await putApplicant(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .delete, "applicants/:id") { _, context in try await deleteApplicant(context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "jobs/:id") { _, context in try await getJob(context) }
        APIRouteTable.on(group, prefix: "/v1", .put, "jobs/:id") { request, context in try await putJob(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .delete, "jobs/:id") { _, context in try await deleteJob(context) }
    }

    // MARK: Applicants

    func getApplicant(_ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.applicant = id
        if caller.role == .evaluator { throw Problem.forbidden("evaluators do not read personal profiles") }
        guard let applicant = try await env.db({ try $0.applicant(id: id) }) else { throw Problem.notFound("no applicant \"\(id)\"") }
        try AccessPolicy.checkReadProfile(caller, district: applicant.district)
        return JSONResponse.text(applicant.interchangeJSON.jsonText)
    }

    func putApplicant(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.applicant = id
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
        let decoded = Interchange.decodeApplicant(try await env.body(of: request))
        guard let applicant = decoded.record, decoded.errors.isEmpty else { throw Problem(issues: decoded.errors) }
        guard applicant.id == id else { throw Problem.invalid("the id in the body (\"\(applicant.id)\") differs from the path", field: "id") }
        let existing = try await env.db { try $0.applicant(id: id) }
        try AccessPolicy.checkWriteProfile(caller, districts: [existing?.district, applicant.district].compactMap { $0 })
        try await env.db { try $0.save(applicant) }
        try? await env.engine.catchUp()
        context.logger.info("applicant saved", metadata: ["applicant.id": "\(id)"])
        return JSONResponse.text(applicant.interchangeJSON.jsonText, status: existing == nil ? .created : .ok)
    }

    func deleteApplicant(_ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.applicant = id
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
        guard let existing = try await env.db({ try $0.applicant(id: id) }) else { throw Problem.notFound("no applicant \"\(id)\"") }
        try AccessPolicy.checkWriteProfile(caller, districts: [existing.district])
        _ = try await env.db { try $0.deleteApplicant(id: id) }
        try? await env.engine.catchUp()
        context.logger.info("applicant deleted", metadata: ["applicant.id": "\(id)"])
        return Response(status: .noContent)
    }

    // MARK: Jobs

    func getJob(_ context: AppRequestContext) async throws -> Response {
        _ = try context.requireCaller()
        let id = try context.pathID()
        context.audit.job = id
        guard let job = try await env.db({ try $0.job(id: id) }) else { throw Problem.notFound("no job \"\(id)\"") }
        return JSONResponse.text(job.interchangeJSON.jsonText)
    }

    func putJob(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.job = id
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
        let decoded = Interchange.decodeJob(try await env.body(of: request))
        guard let job = decoded.record, decoded.errors.isEmpty else { throw Problem(issues: decoded.errors) }
        guard job.id == id else { throw Problem.invalid("the id in the body (\"\(job.id)\") differs from the path", field: "id") }
        let existing = try await env.db { try $0.job(id: id) }
        try AccessPolicy.checkWriteJob(caller, districts: [existing?.district, job.district].compactMap { $0 })
        try await env.db { try $0.save(job) }
        try? await env.engine.catchUp()
        context.logger.info("job saved", metadata: ["job.id": "\(id)"])
        return JSONResponse.text(job.interchangeJSON.jsonText, status: existing == nil ? .created : .ok)
    }

    func deleteJob(_ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.job = id
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
        guard let existing = try await env.db({ try $0.job(id: id) }) else { throw Problem.notFound("no job \"\(id)\"") }
        try AccessPolicy.checkWriteJob(caller, districts: [existing.district])
        _ = try await env.db { try $0.deleteJob(id: id) }
        try? await env.engine.catchUp()
        context.logger.info("job deleted", metadata: ["job.id": "\(id)"])
        return Response(status: .noContent)
    }
}
