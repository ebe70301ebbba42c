import JobMatchCore

/// A generated posting with what the simulation needs beyond the record.
struct JobDraft: Sendable {
    var job: Job
    let occupationIndex: Int
    let districtIndex: Int
    /// Pay as a monthly figure, CNY, whatever the posted unit.
    let monthlyWage: Double
    /// When the employer withdraws the posting early, if it does.
    let closedAt: Timestamp?

    /// The last moment the posting takes applications (expiry, withdrawal, or the as-of time).
    func activeUntil(asOf: Timestamp) -> Timestamp { min(closedAt ?? job.expiresAt, job.expiresAt, asOf) }
}
