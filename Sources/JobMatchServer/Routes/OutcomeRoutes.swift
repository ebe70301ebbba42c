import Hummingbird
import JobMatchCore
import JobMatchStore

/// `POST /v1/outcomes`: one interaction event (`{applicant, job, event, at}`) or an array of them,
/// stored for training. Every event is validated and checked before any is written.
struct OutcomeRoutes {
    let env: RouteEnvironment

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .post, "outcomes") { request, context in try await record(request, context) }
    }

    func record(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
        let body = try await env.body(of: request)
        guard case let .success(value) = Interchange.parse(body) else { throw Problem.badRequest("the body is not valid JSON") }
        let items: [JSONValue]
        let prefix: (Int) -> String
        if case let .array(array) = value {
            guard !array.isEmpty else { throw Problem.invalid("no events", field: "") }
            items = array
            prefix = { "[\($0)]." }
        } else {
            items = [value]
            prefix = { _ in "" }
        }
        var events: [Interaction] = []
        var issues: [Interchange.Issue] = []
        for (i, item) in items.enumerated() {
            let decoded = Interchange.decodeInteraction(Array(item.jsonText.utf8))
            if let event = decoded.record, decoded.errors.isEmpty {
                events.append(event)
            } else {
                issues += decoded.errors.map { Interchange.Issue(field: prefix(i) + $0.field, message: $0.message) }
            }
        }
        if !issues.isEmpty { throw Problem(issues: issues) }
        context.audit.applicant = Set(events.map(\.applicant)).count == 1 ? events[0].applicant : nil
        context.audit.detail = "events: " + events.map { "\($0.applicant)/\($0.job)/\($0.event.rawValue)" }.joined(separator: ",")
        // Check every event before writing any.
        for (i, event) in events.enumerated() {
            guard let applicant = try await env.db({ try $0.applicant(id: event.applicant) }) else {
                throw Problem.notFound("no applicant \"\(event.applicant)\"", field: prefix(i) + "applicant")
            }
            try AccessPolicy.checkRecordOutcome(caller, district: applicant.district)
            guard try await env.db({ try $0.job(id: event.job) }) != nil else {
                throw Problem.notFound("no job \"\(event.job)\"", field: prefix(i) + "job")
            }
        }
        var added = 0
        for event in events {
            if try await env.db({ try $0.record(event) }) { added += 1 }
        }
        return JSONResponse.ok(.object([("recorded", .number(Double(added))), ("already_present", .number(Double(events.count - added)))]),
                               status: .created)
    }
}
