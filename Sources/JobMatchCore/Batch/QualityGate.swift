/// Refuses to publish a run whose coverage or per-group fairness fell sharply against the previous
/// published run: coverage, or the share of a group's members who got at least one item, below
/// `(1 − maximumRelativeDrop) ×` its previous value. Groups smaller than `minimumGroupSize` in either run
/// are not judged (their shares swing by chance).
public struct QualityGate: Sendable, Hashable, Codable {
    public var maximumRelativeDrop: Double = 0.25
    public var minimumGroupSize: Int = 20

    public init(maximumRelativeDrop: Double = 0.25, minimumGroupSize: Int = 20) {
        self.maximumRelativeDrop = maximumRelativeDrop
        self.minimumGroupSize = minimumGroupSize
    }

    /// Why `current` must not be published after `previous`; empty when it may.
    public func failures(current: BatchReport, previous: BatchReport?) -> [String] {
        guard let previous else { return [] }
        let keep = 1 - maximumRelativeDrop
        var failures: [String] = []
        if current.coverage < previous.coverage * keep {
            failures.append("coverage fell from \(Self.percent(previous.coverage)) to \(Self.percent(current.coverage))")
        }
        for key in current.groups.keys.sorted() {
            guard let now = current.groups[key], let before = previous.groups[key],
                  now.members >= minimumGroupSize, before.members >= minimumGroupSize
            else { continue }
            if now.servedShare < before.servedShare * keep {
                failures.append("\(key): share served fell from \(Self.percent(before.servedShare)) to \(Self.percent(now.servedShare))")
            }
        }
        return failures
    }

    static func percent(_ x: Double) -> String {
        let tenths = Int((x * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    enum CodingKeys: String, CodingKey {
        case maximumRelativeDrop = "maximum_relative_drop"
        case minimumGroupSize = "minimum_group_size"
    }
}
