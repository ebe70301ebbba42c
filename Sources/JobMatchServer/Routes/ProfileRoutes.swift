import Hummingbird
import JobMatchCore
import JobMatchStore

/// `PUT`/`GET`/`DELETE /v1/applicants/{id}` and `/v1/jobs/{id}`, in the interchange shape.
/// A change is checked, written and audited in one transaction (``RouteEnvironment/audited(_:_:_:)``);
/// then the engine catches up with the database (from the committed rows, in version order) before the
/// response is sent.
struct ProfileRoutes {
    let env: RouteEnvironment
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "applicants/:id") { _, context in try await getApplicant(context) }
        APIRouteTable.on(group, prefix: "/v1", .put, "applicants/:id") { request, context in try await putApplicant(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .delete, "applicants/:id") { request, context in try await deleteApplicant(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "jobs/:id") { _, context in try await getJob(context) }
        APIRouteTable.on(group, prefix: "/v1", .put, "jobs/:id") { request, context in try await putJob(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .delete, "jobs/:id") { request, context in try await deleteJob(request, context) }
    }

    // MARK: Applicants

    func getApplicant(_ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.applicant = id
        if caller.role == .evaluator { throw Problem.forbidden("evaluators do not read personal profiles") }
        let stored = try await env.db { try $0.applicant(id: id) }
        let applicant = try policy.checkReadProfile(caller, id: id, stored: stored)
        return JSONResponse.text(applicant.interchangeJSON.jsonText)
    }

    func putApplicant(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.applicant = id
        try policy.checkWriteProfileBody(caller, newDistrict: nil)
        let applicant = try await env.record(of: request, pathID: id, decode: { Interchange.decodeApplicant($0) }, id: \.id)
        try policy.checkWriteProfileBody(caller, newDistrict: applicant.district)
        let policy = self.policy
        let created = try await env.audited(request, context) { transaction in
            let existing = try transaction.applicant(id: id)
            try policy.checkWriteProfileStored(caller, id: id, stored: existing, mustExist: false)
            try transaction.save(applicant)
            return (existing == nil, existing == nil ? .created : .ok)
        }
        try? await env.engine.catchUp()
        context.logger.info("applicant saved", metadata: ["applicant.id": "\(id)"])
        return JSONResponse.text(applicant.interchangeJSON.jsonText, status: created ? .created : .ok)
    }

    func deleteApplicant(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.applicant = id
        try policy.checkWriteProfileBody(caller, newDistrict: nil)
        let policy = self.policy
        try await env.audited(request, context) { transaction in
            try policy.checkWriteProfileStored(caller, id: id, stored: try transaction.applicant(id: id), mustExist: true)
            try transaction.deleteApplicant(id: id)
            return ((), .noContent)
        }
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
        try policy.checkWriteJob(caller, districts: [])
        let job = try await env.record(of: request, pathID: id, decode: { Interchange.decodeJob($0) }, id: \.id)
        let policy = self.policy
        let created = try await env.audited(request, context) { transaction in
            let existing = try transaction.job(id: id)
            try policy.checkWriteJob(caller, districts: [existing?.district, job.district].compactMap { $0 })
            try transaction.save(job)
            return (existing == nil, existing == nil ? .created : .ok)
        }
        try? await env.engine.catchUp()
        context.logger.info("job saved", metadata: ["job.id": "\(id)"])
        return JSONResponse.text(job.interchangeJSON.jsonText, status: created ? .created : .ok)
    }

    func deleteJob(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.job = id
        try policy.checkWriteJob(caller, districts: [])
        let policy = self.policy
        try await env.audited(request, context) { transaction in
            guard let existing = try transaction.job(id: id) else { throw Problem.notFound("no job \"\(id)\"") }
            try policy.checkWriteJob(caller, districts: [existing.district])
            try transaction.deleteJob(id: id)
            return ((), .noContent)
        }
        try? await env.engine.catchUp()
        context.logger.info("job deleted", metadata: ["job.id": "\(id)"])
        return Response(status: .noContent)
    }
}
