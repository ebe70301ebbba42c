import Foundation
import JobMatchCore
import JobMatchStore

/// The follow-up list workflow (`jobmatch followups`, `GET /v1/followups`): reads the stored profiles, events,
/// services and pushes before the as-of time and derives what is due (``FollowUpList``). Nothing is kept
/// between runs, so a restart loses nothing.
public enum FollowUpWorkflow {
    /// What to list.
    public struct Query: Sendable {
        public var asOf: Timestamp
        /// Items due before this (default: the start of the next month, China time: "due this month").
        public var dueBefore: Timestamp
        /// The districts whose people are listed (nil: every district).
        public var districts: Set<String>?
        /// Only the people whose latest entry of assistance is by this staff member.
        public var caseworker: String?

        public init(asOf: Timestamp, dueBefore: Timestamp? = nil, districts: Set<String>? = nil, caseworker: String? = nil) {
            self.asOf = asOf
            self.dueBefore = dueBefore ?? FollowUpCalendar.nextMonthStart(asOf)
            self.districts = districts
            self.caseworker = caseworker
        }
    }

    /// The items due, most urgent first.
    public static func due(database: AppDatabase, query: Query, calendar: FollowUpCalendar = FollowUpCalendar()) throws -> [FollowUpItem] {
        let asOf = query.asOf
        let records = FollowUpList.Records(
            applicants: try database.applicants(), events: try database.interactions(before: asOf),
            services: try database.services(before: asOf),
            pushes: try database.pushes(from: asOf.secondsSince1970 - calendar.stuck.windowDays * 86_400, to: asOf.secondsSince1970)
                .map { (applicant: $0.applicant, at: Timestamp(secondsSince1970: $0.at)) })
        let districts = query.districts
        let items = FollowUpList(calendar: calendar).items(records, asOf: asOf, dueBefore: query.dueBefore) { person in
            districts.map { $0.contains(person.district) } ?? true
        }
        guard let caseworker = query.caseworker else { return items }
        return items.filter { $0.caseworker == caseworker }
    }
}
