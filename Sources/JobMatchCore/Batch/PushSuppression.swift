/// Which postings must not be pushed to whom: the same posting went to the same person within the
/// window (by this batch, or a `recommended`/`viewed` event from elsewhere), or the pair already has an
/// outcome (applied, interviewed, hired, rejected, declined, retained, separated), whenever it was.
public struct PushSuppression: Sendable {
    /// Events that end a pair for good: the person acted on the posting, or it was decided.
    public static let finalEvents: Set<InteractionEvent> = [.applied, .interviewed, .hired, .rejected, .declined, .retained3m, .separated]
    /// Events that count as a push for the window.
    public static let pushEvents: Set<InteractionEvent> = [.recommended, .viewed]

    /// Job ids suppressed per applicant id.
    public private(set) var suppressed: [String: Set<String>] = [:]

    public init() {}

    /// Builds the suppressions at `asOf`: pushes at `[asOf − windowDays, asOf)` and final outcomes before `asOf`.
    /// Events at or after `asOf` are ignored, so re-running the same night gives the same lists.
    public init(pushes: [(applicant: String, job: String, at: Double)], interactions: [Interaction], asOf: Timestamp, windowDays: Double) {
        let end = asOf.secondsSince1970
        let start = end - windowDays * 86_400
        for push in pushes where push.at >= start && push.at < end { add(push.applicant, push.job) }
        for event in interactions {
            let at = event.at.secondsSince1970
            guard at < end else { continue }
            if Self.finalEvents.contains(event.event) || (Self.pushEvents.contains(event.event) && at >= start) {
                add(event.applicant, event.job)
            }
        }
    }

    public mutating func add(_ applicant: String, _ job: String) { suppressed[applicant, default: []].insert(job) }

    /// True when `job` must not go to `applicant`.
    public func isSuppressed(applicant: String, job: String) -> Bool { suppressed[applicant]?.contains(job) ?? false }

    /// How many postings are suppressed for `applicant`.
    public func count(for applicant: String) -> Int { suppressed[applicant]?.count ?? 0 }

    /// Number of suppressed pairs.
    public var pairCount: Int { suppressed.values.reduce(0) { $0 + $1.count } }
}
