/// How the batch allocator spreads pushes: list length, and the per-posting exposure cap
/// `max(minimumCap, capFactor × openings)`, or no cap at all (pure ranking).
public struct AllocationConfiguration: Sendable, Hashable, Codable {
    /// Items per person (k).
    public var k: Int = 10
    /// When false, every person simply gets their top k (the pure ranking evaluators ask for).
    public var capsEnabled: Bool = true
    /// Pushes allowed per opening.
    public var capFactor: Int = 20
    /// The cap of a posting never falls below this, however few openings it has.
    public var minimumCap: Int = 20

    public init(k: Int = 10, capsEnabled: Bool = true, capFactor: Int = 20, minimumCap: Int = 20) {
        self.k = k
        self.capsEnabled = capsEnabled
        self.capFactor = capFactor
        self.minimumCap = minimumCap
    }

    /// The most people a posting with `openings` may be pushed to in one run (`Int.max` without caps).
    public func cap(openings: Int) -> Int {
        guard capsEnabled else { return Int.max }
        let (product, overflow) = max(1, openings).multipliedReportingOverflow(by: max(0, capFactor))
        return max(minimumCap, overflow ? Int.max : product)
    }

    enum CodingKeys: String, CodingKey {
        case k
        case capsEnabled = "caps"
        case capFactor = "cap_factor"
        case minimumCap = "minimum_cap"
    }
}
