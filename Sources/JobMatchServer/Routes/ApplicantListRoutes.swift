import Hummingbird
import JobMatchCore
import JobMatchStore

/// The caseworker's day and one person's history: `GET /v1/applicants` (a page of the people the token
/// serves, most urgent first), `GET /v1/applicants/{id}/history` (events and pushes received), and
/// `GET /v1/me` (who the token is, for the console).
struct ApplicantListRoutes {
    let env: RouteEnvironment
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .get, "applicants") { request, context in try await list(request, context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "applicants/:id/history") { _, context in try await history(context) }
        APIRouteTable.on(group, prefix: "/v1", .get, "me") { _, context in try me(context) }
    }

    /// `GET /v1/applicants?district=&group=&status=&page=&per_page=&as_of=`
    func list(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let q = request.uri.queryParameters
        let districts = try policy.applicantListScope(caller, requested: q.get("district").flatMap { $0.isEmpty ? nil : $0 })
        var query = ApplicantListQuery(districts: districts)
        if let text = q.get("group"), !text.isEmpty {
            guard let group = AssistanceGroup(rawValue: text) else { throw Problem.badRequest("unknown group \"\(text)\"", field: "group") }
            query.group = group
        }
        if let text = q.get("status"), !text.isEmpty {
            guard let status = ApplicantStatus(rawValue: text) else { throw Problem.badRequest("unknown status \"\(text)\"", field: "status") }
            query.status = status
        }
        query.page = try Self.whole(q.get("page"), field: "page", range: 1...1_000_000) ?? 1
        query.perPage = try Self.whole(q.get("per_page"), field: "per_page", range: 1...200) ?? 20
        if let time = try QueryTime.parse(q.get("as_of"), field: "as_of") { query.asOf = time }
        let page = try await env.db { [query] in try $0.applicantList(query) }
        context.audit.subjects = page.items.map(\.applicant.id)
        context.audit.detail = "people: \(page.items.count)"
        let items: [JSONValue] = page.items.map { item in
            let a = item.applicant
            var pairs: [(key: String, value: JSONValue)] = [
                ("id", .string(a.id)), ("district", .string(a.district)), ("gender", .string(a.gender.rawValue)),
                ("age", .number(Double(a.age(at: query.asOf)))), ("education", .string(a.education.rawValue)),
                ("status", .string(a.status.rawValue)), ("updated_at", .string(a.updatedAt.text)),
            ]
            // The list shows only people the caller serves; the check stays here so the rule lives in one place.
            if AccessPolicy.serves(caller, district: a.district) {
                pairs.append(("groups", .array(a.groups.map { .string($0.rawValue) })))
                pairs.append(("attention", .string(item.attention.rawValue)))
            } else {
                pairs.append(("attention", .string(item.attention == .zeroEmploymentHousehold ? ApplicantAttention.none.rawValue : item.attention.rawValue)))
            }
            pairs.append(("unanswered_pushes", .number(Double(item.unansweredPushes))))
            pairs.append(("first_unanswered_push_at", item.firstUnansweredPushAt.map { .string($0.text) } ?? .null))
            pairs.append(("last_run_openings", item.lastRunOpenings.map { .number(Double($0)) } ?? .null))
            return .object(pairs)
        }
        return JSONResponse.ok(.object([
            ("as_of", .string(query.asOf.text)), ("page", .number(Double(query.page))), ("per_page", .number(Double(query.perPage))),
            ("total", .number(Double(page.total))), ("applicants", .array(items)),
        ]))
    }

    /// `GET /v1/applicants/{id}/history`: read like the profile (same check, same audit).
    func history(_ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let id = try context.pathID()
        context.audit.applicant = id
        if caller.role == .evaluator { throw Problem.forbidden("evaluators do not read personal profiles") }
        _ = try policy.checkReadProfile(caller, id: id, stored: try await env.db { try $0.applicant(id: id) })
        let entries = try await env.db { try $0.history(applicant: id) }
        let items: [JSONValue] = entries.map { e in
            var pairs: [(key: String, value: JSONValue)] = []
            switch e.kind {
            case let .event(event):
                pairs = [("kind", .string("event")), ("event", .string(event.rawValue))]
            case let .push(run, rank):
                pairs = [("kind", .string("push")), ("run", .string(run)), ("rank", .number(Double(rank)))]
            }
            pairs += [("job", .string(e.job)), ("job_title", e.jobTitle.map { .string($0) } ?? .null), ("at", .string(e.at.text))]
            return .object(pairs)
        }
        return JSONResponse.ok(.object([("applicant", .string(id)), ("history", .array(items))]))
    }

    /// `GET /v1/me`: the token's name, role and districts.
    func me(_ context: AppRequestContext) throws -> Response {
        let caller = try context.requireCaller()
        return JSONResponse.ok(.object([
            ("name", .string(caller.name)), ("role", .string(caller.role.rawValue)),
            ("districts", .array(caller.districts.sorted().map { .string($0) })),
        ]))
    }

    static func whole(_ text: String?, field: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw Problem.badRequest("\(field) must be a whole number from \(range.lowerBound) to \(range.upperBound)", field: field)
        }
        return n
    }
}
