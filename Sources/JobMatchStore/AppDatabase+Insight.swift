import GRDB
import JobMatchCore

extension AppDatabase {
    /// The last `limit` published batch runs with an as-of time at or before `asOf`, oldest first, each with the
    /// people it wrote lists for and its pushes: what the insight trend reads (``InsightTrend``).
    public func publishedRunsForTrend(asOf: Timestamp, limit: Int = 30) throws -> [InsightTrend.Run] {
        try dbWriter.read { db in
            let runs = try Row.fetchAll(db, sql: """
                SELECT id, as_of FROM batch_run WHERE status = 'published' AND as_of_epoch <= ?
                ORDER BY as_of_epoch DESC, recorded_at DESC, id DESC LIMIT ?
                """, arguments: [asOf.secondsSince1970, limit])
            return try runs.reversed().map { row -> InsightTrend.Run in
                let id: String = row["id"]
                let text: String = row["as_of"]
                guard let time = Timestamp(rfc3339: text) else { throw JobMatchError(.internal, "stored batch run \(id) has a bad as_of: \(text)") }
                let people = try String.fetchAll(db, sql: "SELECT applicant_id FROM batch_list WHERE run_id = ? ORDER BY applicant_id", arguments: [id])
                let pushes = try Row.fetchAll(db, sql: "SELECT applicant_id, job_id FROM push_history WHERE run_id = ? ORDER BY id", arguments: [id])
                    .map { (applicant: $0["applicant_id"] as String, job: $0["job_id"] as String) }
                return InsightTrend.Run(id: id, asOf: time, applicants: people, pushes: pushes)
            }
        }
    }
}

extension AppDatabase {
    /// What the insight report reads besides the model, as one string that changes whenever any of it changes: the
    /// data version (every applicant and posting change, ``dataVersion()``), the published batch runs (the trend) and
    /// the interactions (a hybrid model's history). One read.
    public func insightInputsStamp() throws -> String {
        try dbWriter.read { db in
            let version = try Self.dataVersion(db)
            let runs = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, MAX(recorded_at) AS last FROM batch_run WHERE status = 'published'")
            let interactions = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, MAX(rowid) AS last FROM interaction")
            let runCount: Int = runs?["n"] ?? 0, lastRun: String? = runs?["last"]
            let interactionCount: Int = interactions?["n"] ?? 0, lastInteraction: Int64? = interactions?["last"]
            return "data \(version) runs \(runCount) \(lastRun ?? "-") interactions \(interactionCount) \(lastInteraction ?? 0)"
        }
    }
}
