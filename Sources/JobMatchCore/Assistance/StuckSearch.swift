/// A search that is stuck (a changed plan and guidance are due): pushed or referred repeatedly for weeks and no
/// interview. Counted since the last `follow_up` or `guidance` entry (either closes the flag), within a window.
public struct StuckSearch: Sendable, Hashable {
    /// Contacts looked at: the last this many days before the as-of time.
    public var windowDays: Double = 28
    /// At least this many contacts (pushes of published runs, `recommended` events, `referral` entries) …
    public var minimumContacts: Int = 4
    /// … the first of them at least this many days ago (stuck "for weeks") …
    public var minimumDays: Double = 14
    /// … and no `interviewed`, `hired` or `retained_3m` since the first of them.

    public init() {}

    /// When the flag started (the first contact counted plus ``minimumDays``), or nil when the search is not stuck
    /// at `asOf`. Only what was recorded before `asOf` counts.
    public func stuckSince(contacts: [Timestamp], outcomes: [Interaction], services: [ServiceRecord], asOf: Timestamp) -> Timestamp? {
        var from = asOf.adding(days: -windowDays)
        if let reset = services.filter({ ($0.kind == .followUp || $0.kind == .guidance) && $0.at < asOf }).map(\.at).max(), reset >= from {
            from = reset.adding(seconds: 0.001)
        }
        let counted = contacts.filter { $0 >= from && $0 < asOf }.sorted()
        guard counted.count >= minimumContacts, let first = counted.first else { return nil }
        let since = first.adding(days: minimumDays)
        guard since <= asOf else { return nil }
        let positive = outcomes.contains { $0.at >= first && $0.at < asOf && $0.event.isPositiveOutcome }
        return positive ? nil : since
    }

    /// A person's contacts: pushes, `recommended` events and `referral` entries, before `asOf`.
    public static func contacts(pushes: [Timestamp], events: [Interaction], services: [ServiceRecord]) -> [Timestamp] {
        pushes + events.filter { $0.event == .recommended }.map(\.at) + services.filter { $0.kind == .referral }.map(\.at)
    }
}
