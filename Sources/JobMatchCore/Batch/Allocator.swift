/// The batch allocation: gives each person up to k of their candidates, in their own rank order, while
/// no posting is pushed to more people than its cap.
///
/// Round robin by priority: in every round each person, in priority order (class, then best score
/// descending, then id), takes their next best candidate whose posting is still under its cap. A posting
/// that is full stays full, so each person's cursor only moves forward and the whole run is linear in the
/// number of candidates. A person with a ``AllocationSeeker/limit`` (the plan's fewer pushes, ``PushPlan``) stops
/// at it, leaving the rest to others. Deterministic: the same input gives the same output.
public struct Allocator: Sendable {
    public let configuration: AllocationConfiguration

    public init(configuration: AllocationConfiguration = AllocationConfiguration()) {
        self.configuration = configuration
    }

    /// Allocates. `seekers` may come in any order; the result lists them in the same order.
    public func allocate(seekers: [AllocationSeeker], postings: [AllocationPosting]) -> AllocationResult {
        let k = max(0, configuration.k)
        let caps = postings.map { configuration.cap(openings: $0.openings) }
        var exposure = [Int](repeating: 0, count: postings.count)
        var taken = [[AllocationCandidate]](repeating: [], count: seekers.count)
        var cursor = [Int](repeating: 0, count: seekers.count)
        var active = Self.servingOrder(seekers)
        var round = 0
        while round < k, !active.isEmpty {
            var stillActive: [Int] = []
            stillActive.reserveCapacity(active.count)
            for s in active {
                let candidates = seekers[s].candidates
                var c = cursor[s]
                while c < candidates.count, exposure[Int(candidates[c].posting)] >= caps[Int(candidates[c].posting)] { c += 1 }
                guard c < candidates.count else { cursor[s] = c; continue }
                let chosen = candidates[c]
                exposure[Int(chosen.posting)] += 1
                taken[s].append(chosen)
                cursor[s] = c + 1
                if cursor[s] < candidates.count, taken[s].count < (seekers[s].limit ?? k) { stillActive.append(s) }
            }
            active = stillActive
            round += 1
        }
        return AllocationResult(lists: taken, exposure: exposure, caps: caps)
    }

    /// Positions of `seekers` in serving order: priority class, best score (higher first), id.
    public static func servingOrder(_ seekers: [AllocationSeeker]) -> [Int] {
        let best = seekers.map(\.bestScore)
        return seekers.indices.sorted { a, b in
            if seekers[a].priority != seekers[b].priority { return seekers[a].priority < seekers[b].priority }
            if best[a] != best[b] { return best[a] > best[b] }
            return seekers[a].id < seekers[b].id
        }
    }
}

/// What the allocator decided: each person's list (same order as the input), and each posting's exposure.
public struct AllocationResult: Sendable, Hashable {
    /// `lists[i]` belongs to `seekers[i]`, best first.
    public var lists: [[AllocationCandidate]]
    /// How many people each posting was pushed to.
    public var exposure: [Int]
    /// The cap each posting had (`Int.max` without caps).
    public var caps: [Int]
}
