import GRDB
import JobMatchCore

// Reads and writes of the three record kinds. Saving a record with an existing id replaces it
// (an upsert: the row is updated in place, so its interactions stay).

extension AppDatabase {
    // MARK: Applicants

    /// Inserts or replaces an applicant.
    public func save(_ applicant: Applicant) throws {
        try dbWriter.write { db in try Self.upsert(applicant, db) }
    }

    /// The applicant with this id, or nil.
    public func applicant(id: String) throws -> Applicant? {
        try dbWriter.read { db in
            try String.fetchOne(db, sql: "SELECT record FROM applicant WHERE id = ?", arguments: [id]).map(Self.decodeApplicant)
        }
    }

    /// All applicants, by id; only those with `status` when given.
    public func applicants(status: ApplicantStatus? = nil) throws -> [Applicant] {
        try dbWriter.read { db in
            let sql = status == nil
                ? "SELECT record FROM applicant ORDER BY id"
                : "SELECT record FROM applicant WHERE status = ? ORDER BY id"
            return try Self.fetchDecoded(db, sql: sql, arguments: StatementArguments(status.map { [$0.rawValue] } ?? []), Self.decodeApplicant)
        }
    }

    /// Deletes an applicant and their interactions; false when there was none.
    @discardableResult
    public func deleteApplicant(id: String) throws -> Bool {
        try dbWriter.write { db in
            try db.execute(sql: "DELETE FROM applicant WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    // MARK: Jobs

    /// Inserts or replaces a job posting.
    public func save(_ job: Job) throws {
        try dbWriter.write { db in try Self.upsert(job, db) }
    }

    /// The job with this id, or nil.
    public func job(id: String) throws -> Job? {
        try dbWriter.read { db in
            try String.fetchOne(db, sql: "SELECT record FROM job WHERE id = ?", arguments: [id]).map(Self.decodeJob)
        }
    }

    /// All jobs, by id.
    public func jobs() throws -> [Job] {
        try dbWriter.read { db in
            try Self.fetchDecoded(db, sql: "SELECT record FROM job ORDER BY id", Self.decodeJob)
        }
    }

    /// Jobs whose status is `open` and whose interval contains `time` (hard rule 1), by id.
    public func openJobs(at time: Timestamp) throws -> [Job] {
        try dbWriter.read { db in
            try Self.fetchDecoded(
                db,
                sql: "SELECT record FROM job WHERE status = 'open' AND posted_at_epoch <= ? AND expires_at_epoch > ? ORDER BY id",
                arguments: [time.secondsSince1970, time.secondsSince1970], Self.decodeJob)
        }
    }

    /// Deletes a job and its interactions; false when there was none.
    @discardableResult
    public func deleteJob(id: String) throws -> Bool {
        try dbWriter.write { db in
            try db.execute(sql: "DELETE FROM job WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    // MARK: Interactions

    /// Records an interaction; false when the same event was already recorded.
    /// Throws `not_found` naming the field when the applicant or job is unknown.
    @discardableResult
    public func record(_ interaction: Interaction) throws -> Bool {
        try dbWriter.write { db in
            if try !Self.exists(table: "applicant", id: interaction.applicant, db) {
                throw JobMatchError(.notFound, "no applicant \"\(interaction.applicant)\"", field: "applicant")
            }
            if try !Self.exists(table: "job", id: interaction.job, db) {
                throw JobMatchError(.notFound, "no job \"\(interaction.job)\"", field: "job")
            }
            return try Self.insert(interaction, db)
        }
    }

    /// All interactions in the order they were recorded; only those before `time` when given.
    public func interactions(before time: Timestamp? = nil) throws -> [Interaction] {
        try dbWriter.read { db in
            // Row by row through a cursor: a million rows are never held as `Row`s at once.
            let rows = time == nil
                ? try Row.fetchCursor(db, sql: "SELECT applicant_id, job_id, event, at FROM interaction ORDER BY id")
                : try Row.fetchCursor(
                    db, sql: "SELECT applicant_id, job_id, event, at FROM interaction WHERE at_epoch < ? ORDER BY id",
                    arguments: [time!.secondsSince1970])
            var interactions: [Interaction] = []
            while let row = try rows.next() { interactions.append(try Self.interaction(from: row)) }
            return interactions
        }
    }

    /// The id of the last interaction recorded (0 when none): changes whenever one is added, by any process,
    /// so a reader holding something built from the interactions knows when to rebuild it.
    public func lastInteractionID() throws -> Int64 {
        try dbWriter.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM interaction") ?? 0 }
    }

    /// How many applicants, jobs and interactions the database holds.
    public func counts() throws -> (applicants: Int, jobs: Int, interactions: Int) {
        try dbWriter.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applicant") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM interaction") ?? 0
            )
        }
    }
}

// MARK: - Statements shared by single writes and bulk import

extension AppDatabase {
    static func upsert(_ a: Applicant, _ db: Database) throws {
        try db.execute(
            sql: """
            INSERT INTO applicant (id, district, status, updated_at, record) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET district = excluded.district, status = excluded.status,
              updated_at = excluded.updated_at, record = excluded.record
            """,
            arguments: [a.id, a.district, a.status.rawValue, a.updatedAt.text, a.interchangeJSON.jsonText]
        )
    }

    static func upsert(_ j: Job, _ db: Database) throws {
        try db.execute(
            sql: """
            INSERT INTO job (id, district, status, job_type, posted_at_epoch, expires_at_epoch, record)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET district = excluded.district, status = excluded.status,
              job_type = excluded.job_type, posted_at_epoch = excluded.posted_at_epoch,
              expires_at_epoch = excluded.expires_at_epoch, record = excluded.record
            """,
            arguments: [
                j.id, j.district, j.status.rawValue, j.jobType.rawValue, j.postedAt.secondsSince1970,
                j.expiresAt.secondsSince1970, j.interchangeJSON.jsonText,
            ]
        )
    }

    /// Inserts an interaction unless the same one is there; true when inserted.
    static func insert(_ i: Interaction, _ db: Database) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO interaction (applicant_id, job_id, event, at, at_epoch) VALUES (?, ?, ?, ?, ?)",
            arguments: [i.applicant, i.job, i.event.rawValue, i.at.text, i.at.secondsSince1970]
        )
        return db.changesCount > 0
    }

    static func exists(table: String, id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) ?? false
    }

    static func decodeApplicant(_ json: String) throws -> Applicant {
        do { return try Interchange.decodeApplicant(Array(json.utf8)).get() } catch {
            throw JobMatchError(.internal, "stored applicant does not decode: \(error)")
        }
    }

    static func decodeJob(_ json: String) throws -> Job {
        do { return try Interchange.decodeJob(Array(json.utf8)).get() } catch {
            throw JobMatchError(.internal, "stored job does not decode: \(error)")
        }
    }

    static func interaction(from row: Row) throws -> Interaction {
        let eventText: String = row["event"]
        let atText: String = row["at"]
        guard let event = InteractionEvent(rawValue: eventText), let at = Timestamp(rfc3339: atText) else {
            throw JobMatchError(.internal, "stored interaction is corrupt: \(eventText) at \(atText)")
        }
        return Interaction(applicant: row["applicant_id"], job: row["job_id"], event: event, at: at)
    }
}

extension [String] {
    /// Stored records decoded on all cores, in order; the first failure is thrown.
    func decodedOnAllCores<T: Sendable>(_ decode: @escaping @Sendable (String) throws -> T) throws -> [T] {
        try concurrentMap { text in Result { try decode(text) } }.map { try $0.get() }
    }
}

extension AppDatabase {
    /// Records read with `sql` (one text column) and decoded on all cores a block at a time, so the texts of
    /// only one block are held at once beside the decoded records.
    static func fetchDecoded<T: Sendable>(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments(),
                                          _ decode: @escaping @Sendable (String) throws -> T) throws -> [T]
    {
        let cursor = try String.fetchCursor(db, sql: sql, arguments: arguments)
        var decoded: [T] = []
        var block: [String] = []
        block.reserveCapacity(decodeBlock)
        while let text = try cursor.next() {
            block.append(text)
            if block.count == decodeBlock {
                decoded += try block.decodedOnAllCores(decode)
                block.removeAll(keepingCapacity: true)
            }
        }
        return decoded + (try block.decodedOnAllCores(decode))
    }

    /// Records decoded together by ``fetchDecoded(_:sql:arguments:_:)``.
    static let decodeBlock = 8192
}
