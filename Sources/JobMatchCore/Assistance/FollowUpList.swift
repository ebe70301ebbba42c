/// Derives the follow-ups due from stored records only (events, services, pushes, profiles), so nothing due
/// is lost when the batch or the daemon restarts: the same records give the same list.
public struct FollowUpList: Sendable {
    public let calendar: FollowUpCalendar

    public init(calendar: FollowUpCalendar = FollowUpCalendar()) { self.calendar = calendar }

    /// The records a list is derived from.
    public struct Records: Sendable {
        public var applicants: [Applicant]
        public var events: [Interaction]
        public var services: [ServiceRecord]
        /// Pushes of published runs: person and time.
        public var pushes: [(applicant: String, at: Timestamp)]

        public init(applicants: [Applicant], events: [Interaction], services: [ServiceRecord], pushes: [(applicant: String, at: Timestamp)] = []) {
            self.applicants = applicants
            self.events = events
            self.services = services
            self.pushes = pushes
        }
    }

    /// Every open item due before `dueBefore` at `asOf` (only records before `asOf` count), most urgent kind
    /// first, then due time, then person. `include` narrows the people (a district, a caseworker's districts).
    public func items(_ records: Records, asOf: Timestamp, dueBefore: Timestamp, include: (Applicant) -> Bool = { _ in true }) -> [FollowUpItem] {
        let events = Dictionary(grouping: records.events.filter { $0.at < asOf }, by: \.applicant)
        let services = Dictionary(grouping: records.services.filter { $0.at < asOf }, by: \.applicant)
        let pushes = Dictionary(grouping: records.pushes.filter { $0.at < asOf }, by: \.applicant)
        let hired = HouseholdState.hired(records.events, before: asOf)
        let households = Dictionary(grouping: records.applicants.filter { $0.household != nil }, by: { $0.household! })
        var found: [FollowUpItem] = []
        for a in records.applicants where include(a) {
            let mine = (events[a.id] ?? []).sorted { $0.at < $1.at }
            let record = (services[a.id] ?? []).sorted { $0.at < $1.at }
            let caseworker = record.last(where: { $0.by != nil })?.by
            func item(_ kind: FollowUpKind, due: Timestamp, opens: Timestamp, job: String? = nil, day: Double? = nil) -> FollowUpItem {
                FollowUpItem(applicant: a.id, district: a.district, kind: kind, due: due, opens: opens, job: job, dayOffset: day,
                             caseworker: caseworker, overdue: due < asOf)
            }
            let followUps = record.filter { $0.kind == .followUp }.map(\.at)
            func closed(from opens: Timestamp, by kinds: Set<ServiceKind> = [.followUp]) -> Bool {
                record.contains { kinds.contains($0.kind) && $0.at >= opens }
            }
            for start in Self.starts(mine, record) {
                let next = mine.first { $0.at > start.at && ($0.event == .hired || ($0.event == .separated && $0.job == start.job)) }?.at
                    ?? record.first { $0.at > start.at && $0.kind == .publicWelfarePlacement }?.at
                for (kind, days) in calendar.adaptationDays.map({ (FollowUpKind.adaptation, $0) }) + calendar.stabilityDays.map({ (.stability, $0) }) {
                    let due = start.at.adding(days: days)
                    if let next, next <= due { continue }
                    let opens = due.adding(days: -calendar.earlyDays)
                    if !followUps.contains(where: { $0 >= opens }) { found.append(item(kind, due: due, opens: opens, job: start.job, day: days)) }
                }
            }
            if let last = mine.last(where: { $0.event == .separated }),
               !mine.contains(where: { $0.at > last.at && $0.event == .hired }), !closed(from: last.at) {
                found.append(item(.reopened, due: last.at, opens: last.at, job: last.job))
            }
            if a.status == .seeking {
                let members = a.household.flatMap { households[$0] } ?? []
                if HouseholdState(person: a, members: members, hired: hired).needsImmediateHelp {
                    let today = FollowUpCalendar.dayStart(asOf)
                    if !closed(from: today, by: [.followUp, .immediateHelp]) { found.append(item(.immediateHelp, due: today, opens: today)) }
                }
                let contacts = StuckSearch.contacts(pushes: (pushes[a.id] ?? []).map(\.at), events: mine, services: record)
                if let since = calendar.stuck.stuckSince(contacts: contacts, outcomes: mine, services: record, asOf: asOf) {
                    found.append(item(.stuck, due: since, opens: since))
                }
            }
        }
        return found.filter { $0.due < dueBefore }.sorted {
            if $0.kind != $1.kind { return $0.kind < $1.kind }
            if $0.due != $1.due { return $0.due < $1.due }
            return ($0.applicant, $0.dayOffset ?? 0) < ($1.applicant, $1.dayOffset ?? 0)
        }
    }

    /// The starts of employment: `hired` events, and public-welfare placements that no `hired` event of the same
    /// posting records already.
    static func starts(_ events: [Interaction], _ services: [ServiceRecord]) -> [(job: String, at: Timestamp)] {
        let hires = events.filter { $0.event == .hired }.map { (job: $0.job, at: $0.at) }
        let placements = services.filter { $0.kind == .publicWelfarePlacement && $0.job != nil }
            .filter { p in !hires.contains { $0.job == p.job } }.map { (job: $0.job!, at: $0.at) }
        return (hires + placements).sorted { $0.at < $1.at }
    }
}
