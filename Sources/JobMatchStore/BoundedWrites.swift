import GRDB

/// Writes on one connection in bounded transactions, each its own short `BEGIN IMMEDIATE … COMMIT`, so
/// other writers (the daemon's audit log) wait at most one of them. Records the longest time the write
/// lock was held.
struct BoundedWrites {
    let db: Database
    /// The longest transaction so far, from holding the write lock to its commit.
    private(set) var longest: Duration = .zero

    init(db: Database) { self.db = db }

    /// Runs `body` as one transaction of its own (rolled back when it throws), timed.
    mutating func transaction<T>(_ body: () throws -> T) throws -> T {
        try db.beginTransaction(.immediate)
        let start = ContinuousClock.now
        do {
            let value = try body()
            try db.commit()
            longest = max(longest, .now - start)
            return value
        } catch {
            try? db.rollback()
            throw error
        }
    }
}
