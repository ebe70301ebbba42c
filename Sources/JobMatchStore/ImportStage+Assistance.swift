import GRDB
import JobMatchCore

// The interchange 1.1 part of an import's staging: courses and service entries wait in TEMP tables like the
// rest and move into `training` and `service` in the same swap transaction.
extension ImportStage {
    static func createAssistance(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE import_training (id TEXT PRIMARY KEY, district TEXT, starts_at_epoch REAL, ends_at_epoch REAL, record TEXT);
            CREATE TEMP TABLE import_service (seq INTEGER PRIMARY KEY, applicant_id TEXT, kind TEXT, at TEXT, at_epoch REAL,
              job_id TEXT, training_id TEXT, record TEXT);
            """)
    }

    static func dropAssistance(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.import_training; DROP TABLE IF EXISTS temp.import_service;")
    }

    static func stage(_ t: Training, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO temp.import_training VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [t.id, t.district, t.startsAt.secondsSince1970, t.endsAt.secondsSince1970, t.interchangeJSON.jsonText])
    }

    static func stage(_ s: ServiceRecord, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO temp.import_service (applicant_id, kind, at, at_epoch, job_id, training_id, record) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
            .execute(arguments: [s.applicant, s.kind.rawValue, s.at.text, s.at.secondsSince1970, s.job, s.training, s.interchangeJSON.jsonText])
    }

    /// Moves the staged courses (replacing by id) and entries (skipping those already recorded, in file order)
    /// into the main tables, in the caller's transaction, after applicants and jobs.
    static func swapAssistance(_ db: Database, into summary: inout DataSetImport.Summary) throws {
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
        let trainings = try count("SELECT COUNT(*) FROM temp.import_training")
        summary.trainingsReplaced = try count("SELECT COUNT(*) FROM temp.import_training WHERE id IN (SELECT id FROM main.training)")
        summary.trainingsAdded = trainings - summary.trainingsReplaced
        try db.execute(sql: """
            INSERT INTO main.training (id, district, starts_at_epoch, ends_at_epoch, record)
            SELECT id, district, starts_at_epoch, ends_at_epoch, record FROM temp.import_training WHERE true
            ON CONFLICT(id) DO UPDATE SET district = excluded.district, starts_at_epoch = excluded.starts_at_epoch,
              ends_at_epoch = excluded.ends_at_epoch, record = excluded.record
            """)
        let services = try count("SELECT COUNT(*) FROM temp.import_service")
        try db.execute(sql: """
            INSERT OR IGNORE INTO main.service (applicant_id, kind, at, at_epoch, job_id, training_id, record)
            SELECT applicant_id, kind, at, at_epoch, job_id, training_id, record FROM temp.import_service ORDER BY seq
            """)
        summary.servicesAdded = db.changesCount
        summary.servicesAlreadyPresent = services - summary.servicesAdded
    }
}
