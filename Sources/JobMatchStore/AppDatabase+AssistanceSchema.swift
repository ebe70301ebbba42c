import GRDB

// Migration "v8: trainings and services" (interchange 1.1).
//
// - `training`: one row per course, by id, in its interchange JSON (`record`) beside the columns queries
//   filter on (district, start and end).
// - `service`: the record of assistance, one row per entry in the order recorded (`id`), its interchange JSON
//   in `record` (unique: the same entry recorded twice is kept once, as for interactions), indexed by applicant
//   and time and by time. An entry goes with its applicant (ON DELETE CASCADE, like interactions); `job_id` and
//   `training_id` are checked when written, not by foreign keys, so a posting can still be deleted and the
//   record of the help given stays whole.
// - the household: an expression index on the applicant record's `household`, so the members of one household
//   are one indexed read without a new column (applicant writes and the import swap are unchanged).
//
// Neither table is in the change log (`v5`): no index or pool is built from them.
extension AppDatabase {
    static func createAssistanceTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE training (
              id TEXT PRIMARY KEY NOT NULL,
              district TEXT NOT NULL,
              starts_at_epoch REAL NOT NULL,
              ends_at_epoch REAL NOT NULL,
              record TEXT NOT NULL
            );
            CREATE INDEX training_starts ON training (starts_at_epoch);
            CREATE TABLE service (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              applicant_id TEXT NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
              kind TEXT NOT NULL,
              at TEXT NOT NULL,
              at_epoch REAL NOT NULL,
              job_id TEXT,
              training_id TEXT,
              record TEXT NOT NULL UNIQUE
            );
            CREATE INDEX service_applicant_at ON service (applicant_id, at_epoch);
            CREATE INDEX service_at ON service (at_epoch);
            CREATE INDEX applicant_household ON applicant (json_extract(record, '$.household'))
              WHERE json_extract(record, '$.household') IS NOT NULL;
            """)
    }
}
