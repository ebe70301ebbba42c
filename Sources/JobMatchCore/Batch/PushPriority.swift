/// The order in which the nightly batch serves people when openings are scarce (the notice's
/// "dynamic clearing"): zero-employment households first, then the other certified groups, then the rest.
public enum PushPriority: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// Certified as a zero-employment household (零就业家庭).
    case zeroEmploymentHousehold = 0
    /// Certified in any other assistance group.
    case certifiedGroup = 1
    /// Not certified in any group.
    case other = 2

    /// The class of a person from their certified groups.
    public init(groups: [AssistanceGroup]) {
        if groups.contains(.zeroEmploymentHousehold) {
            self = .zeroEmploymentHousehold
        } else if !groups.isEmpty {
            self = .certifiedGroup
        } else {
            self = .other
        }
    }

    public static func < (lhs: PushPriority, rhs: PushPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
