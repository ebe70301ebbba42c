import GRDB

/// Writes on one connection in bounded transactions: rows are grouped ``rowsPerTransaction`` to a
/// transaction, each its own short `BEGIN IMMEDIATE … COMMIT`, so other writers (the daemon's audit log)
/// wait at most one group. Records the longest time the write lock was held.
struct BoundedWrites {
    let db: Database
    let rowsPerTransaction: Int
    /// The longest transaction so far, from holding the write lock to its commit.
    private(set) var longest: Duration = .zero
    private var pending = 0
    private var started: ContinuousClock.Instant?

    init(db: Database, rowsPerTransaction: Int) {
        self.db = db
        self.rowsPerTransaction = max(1, rowsPerTransaction)
    }

    /// Runs one row's statements in the open transaction (opening one when none is), and commits when
    /// the group is full.
    mutating func row(_ body: () throws -> Void) throws {
        if started == nil {
            try db.beginTransaction(.immediate)
            started = .now
        }
        try body()
        pending += 1
        if pending >= rowsPerTransaction { try commit() }
    }

    /// Commits the open group, if any.
    mutating func commit() throws {
        guard let started else { return }
        try db.commit()
        longest = max(longest, .now - started)
        self.started = nil
        pending = 0
    }

    /// Rolls the open group back, if any (after an error).
    mutating func rollback() {
        guard started != nil else { return }
        try? db.rollback()
        started = nil
        pending = 0
    }

    /// Runs `body` as one transaction of its own (after committing the open group), timed like the others.
    mutating func transaction<T>(_ body: () throws -> T) throws -> T {
        try commit()
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
