import JobMatchWorkflows

/// The last few supply-gap reports `GET /v1/insight/gaps` computed, by what they were computed from: the as-of
/// time, `k`, the districts counted, and the stamp of the inputs (``InsightReport/inputsStamp(database:model:learnWhenMissing:)``:
/// the data version the matcher engine follows, the published runs, the interactions and the model in force).
/// A repeat request for the same key is answered from memory; any change to the data changes the stamp, so a stale
/// report is never served. Requests for a key being computed wait for that one computation.
actor InsightCache {
    struct Key: Hashable, Sendable {
        var asOf: String
        var k: Int
        /// Sorted district codes, or nil for every district.
        var scope: [String]?
        var stamp: String
    }

    /// Entries kept, least recently used dropped first.
    static let capacity = 8

    private var entries: [Key: Task<InsightReport, any Error>] = [:]
    private var recent: [Key] = []

    /// The report for `key`, from memory when there, else from `compute` (kept when it succeeds); `hit` says which.
    func report(for key: Key, compute: @escaping @Sendable () async throws -> InsightReport) async throws -> (report: InsightReport, hit: Bool) {
        if let task = entries[key] {
            touch(key)
            return (try await task.value, true)
        }
        let task = Task { try await compute() }
        entries[key] = task
        touch(key)
        while recent.count > Self.capacity { entries[recent.removeFirst()] = nil }
        do {
            return (try await task.value, false)
        } catch {
            if entries[key] == task { entries[key] = nil; recent.removeAll { $0 == key } }
            throw error
        }
    }

    private func touch(_ key: Key) {
        recent.removeAll { $0 == key }
        recent.append(key)
    }
}
