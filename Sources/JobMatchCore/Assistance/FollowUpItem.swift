/// One follow-up due for one person.
public struct FollowUpItem: Sendable, Hashable {
    public var applicant: String
    public var district: String
    public var kind: FollowUpKind
    /// When it is due.
    public var due: Timestamp
    /// From when a recorded `follow_up` closes it.
    public var opens: Timestamp
    /// The posting of the hire or separation.
    public var job: String?
    /// Days after the hire, for revisits.
    public var dayOffset: Double?
    /// The staff member of the person's latest entry of assistance.
    public var caseworker: String?
    /// Due before the as-of time and still open.
    public var overdue: Bool
}
