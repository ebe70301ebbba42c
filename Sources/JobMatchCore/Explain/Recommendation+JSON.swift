// Ordered JSON for the output types: keys in the documented order, the same bytes every time
// (Foundation's JSONEncoder on Linux orders keys by hash unless told to sort them).

extension Reason {
    /// `{"code", "text", "value"?}`.
    public var jsonValue: JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("code", .string(code)), ("text", .string(text))]
        if let value { pairs.append(("value", .number(value))) }
        return .object(pairs)
    }
}

extension Recommendation {
    /// `{"job", "rank", "score", "reasons"}`.
    public var jsonValue: JSONValue {
        .object([("job", .string(job)), ("rank", .number(Double(rank))), ("score", .number(score)),
                 ("reasons", .array(reasons.map(\.jsonValue)))])
    }
}

extension RecommendationList {
    /// `{"applicant", "recommendations"}`.
    public var jsonValue: JSONValue {
        .object([("applicant", .string(applicant)), ("recommendations", .array(recommendations.map(\.jsonValue)))])
    }

    /// Compact JSON text in the documented key order.
    public var jsonText: String { jsonValue.jsonText }
}

extension Candidate {
    /// `{"applicant", "rank", "score", "reasons"}`.
    public var jsonValue: JSONValue {
        .object([("applicant", .string(applicant)), ("rank", .number(Double(rank))), ("score", .number(score)),
                 ("reasons", .array(reasons.map(\.jsonValue)))])
    }
}
