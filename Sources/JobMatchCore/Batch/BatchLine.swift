/// One line of the batch output: `{"applicant": ID, "recommendations": [{"job": ID, "rank": 1,
/// "score": 0.93, "reasons": [...]}]}`. Only ids, ranks, scores and reasons leave the system; reasons
/// that would reveal a disability or an assistance-group certification to whoever handles the push
/// (``withheldReasonCodes``) are left out.
public enum BatchLine {
    /// Reason codes never written to the push output: they disclose a disability (accommodations,
    /// disability-friendly tag) or a certification that public-welfare posts require.
    public static let withheldReasonCodes: Set<String> = [
        Reason.Code.tagDisabilityFriendly, Reason.Code.accommodation, Reason.Code.publicWelfareFallback,
    ]

    /// The keys a line may contain, at any depth.
    public static let allowedKeys: Set<String> = ["applicant", "recommendations", "job", "rank", "score", "reasons", "code", "text", "value"]

    /// The line of `applicant`, explaining each allocated candidate; `postings[row]` is the posting of row `row`.
    public static func make(applicant: Applicant, items: [AllocationCandidate], postings: [Job], explainer: Explainer, asOf: Timestamp) -> JSONValue {
        let subject = explainer.subject(applicant, asOf: asOf)
        let recommendations: [JSONValue] = items.enumerated().map { position, item in
            let job = postings[Int(item.posting)]
            let reasons = explainer.reasons(for: subject, job: job, fallback: item.isFallback)
                .filter { !withheldReasonCodes.contains($0.code) }
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
