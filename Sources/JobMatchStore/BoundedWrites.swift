import Foundation
import GRDB

/// Writes on one connection in bounded transactions, each its own short `BEGIN IMMEDIATE … COMMIT`, so
/// other writers (the daemon's audit log) wait at most one of them. Records the longest time the write
/// lock was held.
///
/// SQLite's busy handler is not a queue: a waiting writer polls (every 100 ms once it has waited a while),
/// so a bulk writer that begins its next transaction right after each commit can make it lose the race
/// several times in a row (measured: 2.3 s waits behind 0.3 s transactions). After each transaction the
/// bulk writer therefore pauses as long as it held the lock (at most ``maximumPause``), which lets a
/// waiter in at its next poll.
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
            let held = ContinuousClock.now - start
            longest = max(longest, held)
            Self.pause(after: held)
            return value
        } catch {
            try? db.rollback()
            throw error
        }
    }

    /// The longest pause after a transaction: SQLite's busy handler polls at most this far apart.
    static let maximumPause: Duration = .milliseconds(100)

    /// Sleeps as long as the write lock was held (at most ``maximumPause``), so other writers get a turn.
    static func pause(after held: Duration) {
        let pause = min(held, maximumPause)
        let (seconds, attoseconds) = pause.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
    }
}
