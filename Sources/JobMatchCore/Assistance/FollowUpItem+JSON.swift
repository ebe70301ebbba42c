// A follow-up item as ordered JSON (`jobmatch followups --json`, `GET /v1/followups`).

extension FollowUpItem {
    /// `{"applicant", "district", "kind", "term", "due", "opens", "overdue", "job", "day", "caseworker"}`.
    public var jsonValue: JSONValue {
        .object([
            ("applicant", .string(applicant)), ("district", .string(district)), ("kind", .string(kind.rawValue)), ("term", .string(kind.term)),
            ("due", .string(due.text)), ("opens", .string(opens.text)), ("overdue", .bool(overdue)), ("job", job.map { .string($0) } ?? .null),
            ("day", dayOffset.map { .number($0) } ?? .null), ("caseworker", caseworker.map { .string($0) } ?? .null),
        ])
    }
}
