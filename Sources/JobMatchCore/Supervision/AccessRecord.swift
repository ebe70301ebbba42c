/// One audit-log entry as the staff-access signals see it (the store maps its `AuditEntry` to this).
public struct AccessRecord: Sendable, Hashable {
    /// The audit entry's sequence number.
    public var id: Int64
    public var at: Timestamp
    /// The token name (or `os:USER` for the CLI).
    public var actor: String
    /// `caseworker`, `operator`, `evaluator`, `cli`, `-`.
    public var role: String
    /// `METHOD /path` or `cli COMMAND`.
    public var endpoint: String
    /// The one person concerned, when exactly one.
    public var applicant: String?
    /// Every person the entry touches.
    public var subjects: [String]
    /// HTTP status (0 for CLI commands).
    public var status: Int

    public init(id: Int64, at: Timestamp, actor: String, role: String, endpoint: String, applicant: String?, subjects: [String], status: Int) {
        self.id = id
        self.at = at
        self.actor = actor
        self.role = role
        self.endpoint = endpoint
        self.applicant = applicant
        self.subjects = subjects
        self.status = status
    }

    /// The supervision report's own reads (it names the people it flags): not counted as reads of files.
    public static let supervisionEndpoints: Set<String> = ["GET /v1/supervision", "cli supervise"]

    /// A successful read of one person's file (profile, history or list): a GET (or a CLI command) answered
    /// below 400, naming exactly one person (the supervision report's own entries aside).
    public var isPersonRead: Bool {
        guard applicant != nil, status < 400, !Self.supervisionEndpoints.contains(endpoint) else { return false }
        return endpoint.hasPrefix("GET ") || endpoint.hasPrefix("cli ")
    }

    /// A recommendation list of one stored person (`GET /v1/applicants/{id}/recommendations`, `cli recommend`).
    public var isRecommendationList: Bool {
        isPersonRead && (endpoint.hasSuffix("/recommendations") || endpoint == "cli recommend")
    }

    /// A change that serves one person: an outcome recorded or a profile written (`POST /v1/outcomes`, `PUT /v1/applicants/{id}`).
    public var isServiceWrite: Bool {
        guard status < 400 else { return false }
        return endpoint == "POST /v1/outcomes" || (endpoint.hasPrefix("PUT /v1/applicants/"))
    }
}
