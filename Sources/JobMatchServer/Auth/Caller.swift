/// What a token may do.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Serves the people of the listed districts: reads and changes their profiles, asks for their lists.
    case caseworker
    /// Runs the service: everything, including the audit log.
    case `operator`
    /// Judges match quality: recommendation and candidate lists, with no personal profiles and
    /// nothing from disability or assistance-group details; no changes, no audit log.
    case evaluator
}

/// The authenticated caller of one request.
public struct Caller: Sendable, Hashable {
    /// The token's name: who the audit log says it was.
    public var name: String
    public var role: Role
    /// District codes a caseworker serves (empty for other roles).
    public var districts: Set<String>

    public init(name: String, role: Role, districts: Set<String> = []) {
        self.name = name
        self.role = role
        self.districts = districts
    }
}
