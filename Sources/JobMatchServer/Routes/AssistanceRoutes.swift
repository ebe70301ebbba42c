import Hummingbird
import JobMatchCore
import JobMatchStore

/// Interchange 1.1 over HTTP: `PUT`/`GET /v1/trainings/{id}` (a course, in the interchange shape), `POST /v1/services`
/// (one entry of the record of assistance, or an array of them) and `GET /v1/applicants/{id}/services` (a person's
/// record, oldest first). Writes are checked and written with their audit entry in one transaction; who may do what
/// is ``AccessPolicy`` (`AccessPolicy+Assistance.swift`).
struct AssistanceRoutes {
    let env: RouteEnvironment
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "trainings/:id") { _, context in try await getTraining(context) }
        APIRouteTable.on(group, prefix: "/v1", .put, "trainings/:id") { request, context in try await putTraining(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .post, "services") { request, context in try await recordServices(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "applicants/:id/services") { _, context in try await services(context) }
    }

    func getTraining(_ context: AppRequestContext) async throws -> Response {
        _ = try context.requireCaller()
        let id = try context.pathID()
        context.audit.detail = "training \(id)"
        guard let training = try await env.db({ try $0.training(id: id) }) else { throw Problem.notFound("no training \"\(id)\"") }
        return JSONResponse.text(training.interchangeJSON.jsonText)
    }

    func putTraining(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.detail = "training \(id)"
        try policy.checkWriteTraining(caller, districts: [])
        let training = try await env.record(of: request, pathID: id, decode: { Interchange.decodeTraining($0) }, id: \.id)
        let policy = self.policy
        let created = try await env.audited(request, context) { transaction in
            let existing = try transaction.training(id: id)
            try policy.checkWriteTraining(caller, districts: [existing?.district, training.district].compactMap { $0 })
            try transaction.save(training)
            return (existing == nil, existing == nil ? .created : .ok)
        }
        return JSONResponse.text(training.interchangeJSON.jsonText, status: created ? .created : .ok)
    }

    /// `POST /v1/services`: every entry validated, then each person checked (404 like unknown outside the caller's
    /// districts), each `job` and `training` looked up (404 naming the field), and all written with one audit entry
    /// naming every person. An entry recorded before, exactly so, is not recorded twice.
    func recordServices(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        try policy.checkRecordServices(caller)
        let body = try await env.body(of: request)
        guard case let .success(value) = Interchange.parse(body) else { throw Problem.badRequest("the body is not valid JSON") }
        let items: [JSONValue]
        let prefix: @Sendable (Int) -> String
        if case let .array(array) = value {
            guard !array.isEmpty else { throw Problem.invalid("no entries", field: "") }
            items = array
            prefix = { "[\($0)]." }
        } else {
            items = [value]
            prefix = { _ in "" }
        }
        var entries: [ServiceRecord] = []
        var issues: [Interchange.Issue] = []
        for (i, item) in items.enumerated() {
            let decoded = Interchange.decodeService(Array(item.jsonText.utf8))
            if let entry = decoded.record, decoded.errors.isEmpty {
                entries.append(entry)
            } else {
                issues += decoded.errors.map { Interchange.Issue(field: prefix(i) + $0.field, message: $0.message) }
            }
        }
        if !issues.isEmpty { throw Problem(issues: issues) }
        let people = Array(Set(entries.map(\.applicant))).sorted()
        context.audit.applicant = people.count == 1 ? people[0] : nil
        context.audit.subjects = people
        context.audit.detail = "services: " + entries.map { "\($0.applicant)/\($0.kind.rawValue)" }.joined(separator: ",")
        let policy = self.policy
        let toWrite = entries
        let added = try await env.audited(request, context) { transaction in
            for (i, entry) in toWrite.enumerated() {
                try policy.checkServicePerson(caller, id: entry.applicant, stored: try transaction.applicant(id: entry.applicant),
                                              field: prefix(i) + "applicant")
                if let job = entry.job, try transaction.job(id: job) == nil {
                    throw Problem.notFound("no job \"\(job)\"", field: prefix(i) + "job")
                }
                if let training = entry.training, try transaction.training(id: training) == nil {
                    throw Problem.notFound("no training \"\(training)\"", field: prefix(i) + "training")
                }
            }
            var added = 0
            for entry in toWrite where try transaction.record(entry) { added += 1 }
            return (added, .created)
        }
        return JSONResponse.ok(.object([("recorded", .number(Double(added))), ("already_present", .number(Double(entries.count - added)))]),
                               status: .created)
    }

    /// `GET /v1/applicants/{id}/services`: read like the person's recommendation list (evaluators by pseudonym).
    func services(_ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let pathID = try context.pathID()
        context.audit.applicant = pathID
        let policy = self.policy
        let found = try await env.db { database -> (Applicant, [ServiceRecord])? in
            guard let id = try policy.listSubject(caller, pathID: pathID, ids: { try database.applicantIDs() }),
                  let applicant = try database.applicant(id: id) else { return nil }
            return (applicant, try database.services(applicant: id))
        }
        if let found { context.audit.applicant = found.0.id }
        let (applicant, view) = try policy.viewForList(caller, id: pathID, stored: found?.0)
        let shownID = policy.shownID(applicant.id, view)
        let entries = policy.shownServices(found?.1 ?? [], view).map { entry -> JSONValue in
            var shown = entry
            shown.applicant = shownID
            return shown.interchangeJSON
        }
        return JSONResponse.ok(.object([("applicant", .string(shownID)), ("services", .array(entries))]))
    }
}
