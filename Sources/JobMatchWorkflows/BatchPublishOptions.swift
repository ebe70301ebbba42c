import JobMatchCore

/// How a batch allocates and publishes: the allocation's settings, the quality gate, whether to publish despite
/// the gate, and the JSON Lines file to write beside the database (nil: the database only).
public struct BatchPublishOptions: Sendable {
    public var allocation: AllocationConfiguration
    public var gate: QualityGate
    public var force: Bool
    public var out: String?

    public init(allocation: AllocationConfiguration, gate: QualityGate, force: Bool = false, out: String? = nil) {
        self.allocation = allocation
        self.gate = gate
        self.force = force
        self.out = out
    }
}
