import GRDB
import JobMatchCore

/// One thing that happened between a person and a posting: a recorded event, or a push of a batch run.
public struct ApplicantHistoryEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An interaction (`recommended`, `viewed`, `applied`, … `separated`).
        case event(InteractionEvent)
        /// A push of a published batch run, at the run's as-of time, with the rank it had in the list.
        case push(run: String, rank: Int)
    }

    public var kind: Kind
    public var job: String
    /// The posting's title (nil if the posting is gone).
    public var jobTitle: String?
    public var at: Timestamp
}

extension AppDatabase {
    /// A person's events and the pushes they received, newest first (at most `limit`).
    public func history(applicant: String, limit: Int = 500) throws -> [ApplicantHistoryEntry] {
        try dbWriter.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT 'event' AS kind, i.event AS event, NULL AS run, NULL AS rank, i.job_id AS job, i.at_epoch AS epoch, i.at AS at,
                       json_extract(j.record, '$.title') AS title
                FROM interaction i LEFT JOIN job j ON j.id = i.job_id WHERE i.applicant_id = :id
                UNION ALL
                SELECT 'push', NULL, p.run_id, p.rank, p.job_id, p.pushed_at_epoch, r.as_of, json_extract(j.record, '$.title')
                FROM push_history p JOIN batch_run r ON r.id = p.run_id LEFT JOIN job j ON j.id = p.job_id
                WHERE p.applicant_id = :id
                ORDER BY epoch DESC, kind, job LIMIT :limit
                """, arguments: ["id": applicant, "limit": limit])
            return try rows.map { row in
                let kindText: String = row["kind"]
                let atText: String = row["at"]
                guard let at = Timestamp(rfc3339: atText) else { throw JobMatchError(.internal, "stored time is corrupt: \(atText)") }
                let kind: ApplicantHistoryEntry.Kind
                if kindText == "push" {
                    kind = .push(run: row["run"], rank: row["rank"])
                } else {
                    let eventText: String = row["event"]
                    guard let event = InteractionEvent(rawValue: eventText) else {
                        throw JobMatchError(.internal, "stored interaction is corrupt: \(eventText)")
                    }
                    kind = .event(event)
                }
                return ApplicantHistoryEntry(kind: kind, job: row["job"], jobTitle: row["title"], at: at)
            }
        }
    }
}
