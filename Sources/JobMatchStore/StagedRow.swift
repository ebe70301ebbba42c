import GRDB
import JobMatchCore

/// One record of an import waiting to be staged in its generation (``ImportGeneration``).
enum StagedRow {
    case applicant(Applicant)
    case job(Job)
    case interaction(Interaction)
    case training(Training)
    case service(ServiceRecord)

    /// Writes the record into the staged tables and counts it (added, replaced, already present).
    func stage(_ db: Database, counting summary: inout DataSetImport.Summary) throws {
        switch self {
        case let .applicant(a):
            let replaced = try AppDatabase.exists(table: ImportGeneration.next("applicant"), id: a.id, db)
            try db.cachedStatement(sql: """
                INSERT INTO applicant_next (id, district, status, updated_at, record) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET district = excluded.district, status = excluded.status,
                  updated_at = excluded.updated_at, record = excluded.record
                """).execute(arguments: [a.id, a.district, a.status.rawValue, a.updatedAt.text, a.interchangeJSON.jsonText])
            if replaced { summary.applicantsReplaced += 1 } else { summary.applicantsAdded += 1 }
        case let .job(j):
            let replaced = try AppDatabase.exists(table: ImportGeneration.next("job"), id: j.id, db)
            try db.cachedStatement(sql: """
                INSERT INTO job_next (id, district, status, job_type, posted_at_epoch, expires_at_epoch, record) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET district = excluded.district, status = excluded.status,
                  job_type = excluded.job_type, posted_at_epoch = excluded.posted_at_epoch,
                  expires_at_epoch = excluded.expires_at_epoch, record = excluded.record
                """).execute(arguments: [
                    j.id, j.district, j.status.rawValue, j.jobType.rawValue, j.postedAt.secondsSince1970, j.expiresAt.secondsSince1970,
                    j.interchangeJSON.jsonText,
                ])
            if replaced { summary.jobsReplaced += 1 } else { summary.jobsAdded += 1 }
        case let .interaction(i):
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO interaction_next (applicant_id, job_id, event, at, at_epoch) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [i.applicant, i.job, i.event.rawValue, i.at.text, i.at.secondsSince1970])
            if db.changesCount > 0 { summary.interactionsAdded += 1 } else { summary.interactionsAlreadyPresent += 1 }
        case let .training(t):
            let replaced = try AppDatabase.exists(table: ImportGeneration.next("training"), id: t.id, db)
            try db.cachedStatement(sql: """
                INSERT INTO training_next (id, district, starts_at_epoch, ends_at_epoch, record) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET district = excluded.district, starts_at_epoch = excluded.starts_at_epoch,
                  ends_at_epoch = excluded.ends_at_epoch, record = excluded.record
                """).execute(arguments: [t.id, t.district, t.startsAt.secondsSince1970, t.endsAt.secondsSince1970, t.interchangeJSON.jsonText])
            if replaced { summary.trainingsReplaced += 1 } else { summary.trainingsAdded += 1 }
        case let .service(s):
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO service_next (applicant_id, kind, at, at_epoch, job_id, training_id, record) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [s.applicant, s.kind.rawValue, s.at.text, s.at.secondsSince1970, s.job, s.training,
                                         s.interchangeJSON.jsonText])
            if db.changesCount > 0 { summary.servicesAdded += 1 } else { summary.servicesAlreadyPresent += 1 }
        }
    }
}
