import GRDB
import JobMatchCore

// Interchange 1.1 in the store: training courses, the record of assistance (services) and households
// (migration "v8: trainings and services").

extension AppDatabase {
    // MARK: Trainings

    /// Every stored course, by id.
    public func trainings() throws -> [Training] {
        try dbWriter.read { db in
            try String.fetchAll(db, sql: "SELECT record FROM training ORDER BY id").decodedOnAllCores(Self.decodeTraining)
        }
    }

    /// The course with this id, or nil.
    public func training(id: String) throws -> Training? {
        try dbWriter.read { db in try Self.training(id: id, db) }
    }

    /// Inserts or replaces a course.
    public func save(_ training: Training) throws {
        try dbWriter.write { db in try Self.upsert(training, db) }
    }

    // MARK: Services

    /// One person's record of assistance, oldest first.
    public func services(applicant: String) throws -> [ServiceRecord] {
        try dbWriter.read { db in
            try String.fetchAll(
                db, sql: "SELECT record FROM service WHERE applicant_id = ? ORDER BY at_epoch, id", arguments: [applicant]
            ).map(Self.decodeService)
        }
    }

    /// Every entry recorded before `time`, oldest first.
    public func services(before time: Timestamp) throws -> [ServiceRecord] {
        try dbWriter.read { db in
            try String.fetchAll(
                db, sql: "SELECT record FROM service WHERE at_epoch < ? ORDER BY at_epoch, id", arguments: [time.secondsSince1970]
            ).decodedOnAllCores(Self.decodeService)
        }
    }

    /// Records an entry of assistance; false when the same entry was already recorded.
    /// Throws `not_found` naming the field (`applicant`, `job`, `training`) when it names an unknown record.
    @discardableResult
    public func record(_ service: ServiceRecord) throws -> Bool {
        try dbWriter.write { db in
            try Self.checkReferences(of: service, db)
            return try Self.insert(service, db)
        }
    }

    // MARK: Households

    /// The stored applicants who share `household`, by id.
    public func householdMembers(of household: String) throws -> [Applicant] {
        try dbWriter.read { db in
            try String.fetchAll(
                db, sql: "SELECT record FROM applicant WHERE json_extract(record, '$.household') = ? ORDER BY id", arguments: [household]
            ).map(Self.decodeApplicant)
        }
    }

    /// How many courses and service entries the database holds.
    public func assistanceCounts() throws -> (trainings: Int, services: Int) {
        try dbWriter.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM service") ?? 0
            )
        }
    }
}

extension StoreTransaction {
    /// The course with this id, or nil.
    public func training(id: String) throws -> Training? { try AppDatabase.training(id: id, db) }

    /// Inserts or replaces a course.
    public func save(_ training: Training) throws { try AppDatabase.upsert(training, db) }

    /// Records an entry of assistance after checking what it names; false when the same entry was there.
    /// Throws `not_found` naming the field when the applicant, job or training is unknown.
    public func record(_ service: ServiceRecord) throws -> Bool {
        try AppDatabase.checkReferences(of: service, db)
        return try AppDatabase.insert(service, db)
    }
}

// MARK: - Statements shared by single writes and bulk import

extension AppDatabase {
    static func training(id: String, _ db: Database) throws -> Training? {
        try String.fetchOne(db, sql: "SELECT record FROM training WHERE id = ?", arguments: [id]).map(Self.decodeTraining)
    }

    static func upsert(_ t: Training, _ db: Database) throws {
        try db.execute(
            sql: """
            INSERT INTO training (id, district, starts_at_epoch, ends_at_epoch, record) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET district = excluded.district, starts_at_epoch = excluded.starts_at_epoch,
              ends_at_epoch = excluded.ends_at_epoch, record = excluded.record
            """,
            arguments: [t.id, t.district, t.startsAt.secondsSince1970, t.endsAt.secondsSince1970, t.interchangeJSON.jsonText]
        )
    }

    /// Inserts an entry unless the same one is there; true when inserted.
    static func insert(_ s: ServiceRecord, _ db: Database) throws -> Bool {
        try db.execute(
            sql: """
            INSERT OR IGNORE INTO service (applicant_id, kind, at, at_epoch, job_id, training_id, record)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            arguments: [s.applicant, s.kind.rawValue, s.at.text, s.at.secondsSince1970, s.job, s.training, s.interchangeJSON.jsonText]
        )
        return db.changesCount > 0
    }

    /// Throws `not_found` naming the first field whose record is not stored.
    static func checkReferences(of s: ServiceRecord, _ db: Database) throws {
        if try !exists(table: "applicant", id: s.applicant, db) {
            throw JobMatchError(.notFound, "no applicant \"\(s.applicant)\"", field: "applicant")
        }
        if let job = s.job, try !exists(table: "job", id: job, db) {
            throw JobMatchError(.notFound, "no job \"\(job)\"", field: "job")
        }
        if let training = s.training, try !exists(table: "training", id: training, db) {
            throw JobMatchError(.notFound, "no training \"\(training)\"", field: "training")
        }
    }

    static func decodeTraining(_ json: String) throws -> Training {
        do { return try Interchange.decodeTraining(Array(json.utf8)).get() } catch {
            throw JobMatchError(.internal, "stored training does not decode: \(error)")
        }
    }

    static func decodeService(_ json: String) throws -> ServiceRecord {
        do { return try Interchange.decodeService(Array(json.utf8)).get() } catch {
            throw JobMatchError(.internal, "stored service entry does not decode: \(error)")
        }
    }
}
