/// One line of the batch output: `{"applicant": ID, "recommendations": [{"job": ID, "rank": 1,
/// "score": 0.93, "reasons": [...]}]}`. Only ids, ranks, scores and reasons leave the system; reasons
/// that would reveal a disability, an assistance group, reduced capacity or income to whoever handles the
/// push (``SensitiveReasons/codes``, the one list the API uses too) are left out.
public enum BatchLine {

    /// The keys a line may contain, at any depth.
    public static let allowedKeys: Set<String> = ["applicant", "recommendations", "job", "rank", "score", "reasons", "code", "text", "value"]

    /// The line of `applicant`, explaining each allocated candidate; `postings[row]` is the posting of row `row`.
    /// `planReason` (``PushPlan/reason``) comes first among each item's reasons.
    public static func make(applicant: Applicant, items: [AllocationCandidate], postings: [Job], explainer: Explainer, asOf: Timestamp,
                            planReason: Reason? = nil) -> JSONValue {
        make(applicant: applicant, items: items, facts: { explainer.posting(postings[$0]) }, explainer: explainer, asOf: asOf,
             planReason: planReason)
    }

    /// ``make(applicant:items:postings:explainer:asOf:planReason:)`` with each posting's facts worked out beforehand
    /// (``Explainer/posting(_:)`` of the posting of row `row`).
    public static func make(applicant: Applicant, items: [AllocationCandidate], facts: (_ row: Int) -> Explainer.Posting, explainer: Explainer,
                            asOf: Timestamp, planReason: Reason? = nil) -> JSONValue {
        let subject = explainer.subject(applicant, asOf: asOf)
        let recommendations: [JSONValue] = items.enumerated().map { position, item in
            let posting = facts(Int(item.posting))
            let job = posting.job
            let reasons = ((planReason.map { [$0] } ?? []) + SensitiveReasons.withheld(from: explainer.reasons(for: subject, posting: posting, fallback: item.isFallback)))
                .map { reason -> JSONValue in
                    var pairs: [(key: String, value: JSONValue)] = [("code", .string(reason.code)), ("text", .string(reason.text))]
                    if let value = reason.value { pairs.append(("value", .number(value))) }
                    return .object(pairs)
                }
            return .object([
                ("job", .string(job.id)), ("rank", .number(Double(position + 1))),
                ("score", .number(Recommendation.rounded(item.score))), ("reasons", .array(reasons)),
            ])
        }
        return .object([("applicant", .string(applicant.id)), ("recommendations", .array(recommendations))])
    }
}
