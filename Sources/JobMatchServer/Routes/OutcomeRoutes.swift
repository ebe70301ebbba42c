import Hummingbird
import JobMatchCore
import JobMatchStore

/// `POST /v1/outcomes`: one interaction event (`{applicant, job, event, at}`) or an array of them,
/// stored for training. Every event is validated and checked, then all are written with their one audit
/// entry (naming every person) in one transaction. A person outside a caseworker's districts is 404 like an unknown one.
struct OutcomeRoutes {
    let env: RouteEnvironment
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .post, "outcomes") { request, context in try await record(request, context) }
    }

    func record(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        try policy.checkRecordOutcomes(caller)
        let body = try await env.body(of: request)
        guard case let .success(value) = Interchange.parse(body) else { throw Problem.badRequest("the body is not valid JSON") }
        let items: [JSONValue]
        let prefix: @Sendable (Int) -> String
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
        // Every person of the batch is a subject of the one entry (found by `jobmatch audit --applicant`).
        let people = Array(Set(events.map(\.applicant))).sorted()
        context.audit.applicant = people.count == 1 ? people[0] : nil
        context.audit.subjects = people
        context.audit.detail = "events: " + events.map { "\($0.applicant)/\($0.job)/\($0.event.rawValue)" }.joined(separator: ",")
        // Check every event, then write them all with the audit entry, in one transaction.
        let policy = self.policy
        let eventsToWrite = events
        let added = try await env.audited(request, context) { transaction in
            for (i, event) in eventsToWrite.enumerated() {
                try policy.checkOutcomePerson(caller, id: event.applicant, stored: try transaction.applicant(id: event.applicant),
                                              field: prefix(i) + "applicant")
                guard try transaction.job(id: event.job) != nil else {
                    throw Problem.notFound("no job \"\(event.job)\"", field: prefix(i) + "job")
                }
            }
            var added = 0
            for event in eventsToWrite where try transaction.record(event) { added += 1 }
            return (added, .created)
        }
        return JSONResponse.ok(.object([("recorded", .number(Double(added))), ("already_present", .number(Double(events.count - added)))]),
                               status: .created)
    }
}
