/// A person's household as the plan reads it: whether it is a zero-employment household (零就业家庭) not yet
/// cleared (动态清零: cleared as soon as one member is employed).
public struct HouseholdState: Sendable, Hashable {
    /// The `household` id (nil: the person alone).
    public var id: String?
    /// Members on file, the person included.
    public var members: Int
    /// Some member is certified `zero_employment_household`.
    public var isZeroEmployment: Bool
    /// Some member is employed: status `employed`, or hired (a `hired` event not followed by `separated` from that job).
    public var isCleared: Bool

    /// Immediate help is due: a zero-employment household nobody of which is employed yet.
    public var needsImmediateHelp: Bool { isZeroEmployment && !isCleared }

    /// The household of `person` from the other members on file and the ids of members known to be hired.
    public init(person: Applicant, members: [Applicant], hired: Set<String> = []) {
        var everyone = [person]
        if person.household != nil {
            everyone += members.filter { $0.id != person.id && $0.household == person.household }
        }
        id = person.household
        self.members = everyone.count
        isZeroEmployment = everyone.contains { $0.isIn(.zeroEmploymentHousehold) }
        isCleared = everyone.contains { $0.status == .employed || hired.contains($0.id) }
    }

    /// The members currently hired from their events: the last of `hired` / `separated` per posting is `hired`.
    public static func hired(_ events: [Interaction], before time: Timestamp) -> Set<String> {
        var last: [String: [String: InteractionEvent]] = [:]
        for e in events.sorted(by: { $0.at < $1.at }) where e.at < time && (e.event == .hired || e.event == .separated) {
            last[e.applicant, default: [:]][e.job] = e.event
        }
        return Set(last.filter { $0.value.values.contains(.hired) }.keys)
    }
}
