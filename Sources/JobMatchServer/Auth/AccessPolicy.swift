import JobMatchCore

/// Who may do what: every access decision of the API, in one place.
///
/// - `operator`: everything, including the audit log.
/// - `caseworker`: the people of their own districts (read, change, delete, lists, outcomes); jobs to
///   read anywhere, to change only in their districts; candidate lists for any job, where people of
///   other districts show without the reasons that come from disability or assistance groups.
/// - `evaluator`: read-only lists (stored people, walk-in profiles, candidates) without any reason
///   drawn from disability or assistance groups; no personal profiles, no changes, no audit log.
enum AccessPolicy {
    /// Reason codes that reveal disability or assistance-group membership.
    static let sensitiveReasonCodes: Set<String> = [
        Reason.Code.publicWelfareFallback, Reason.Code.tagAgeFriendly, Reason.Code.tagDisabilityFriendly,
        Reason.Code.accommodation, Reason.Code.doorstep, Reason.Code.flexible,
    ]

    static func serves(_ caller: Caller, district: String) -> Bool {
        switch caller.role {
        case .operator: true
        case .caseworker: caller.districts.contains(district)
        case .evaluator: false
        }
    }

    /// Reading a stored profile (`GET /v1/applicants/{id}`).
    static func checkReadProfile(_ caller: Caller, district: String) throws {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators do not read personal profiles") }
        if !serves(caller, district: district) { throw Problem.forbidden("this person is outside your districts") }
    }

    /// Creating, replacing or deleting a profile; both the stored and the new district must be served.
    static func checkWriteProfile(_ caller: Caller, districts: [String]) throws {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
        for district in districts where !serves(caller, district: district) {
            throw Problem.forbidden("this person is outside your districts")
        }
    }

    /// A recommendation list for a stored or walk-in person in `district`.
    static func checkRecommend(_ caller: Caller, district: String) throws {
        if caller.role == .caseworker && !caller.districts.contains(district) {
            throw Problem.forbidden("this person is outside your districts")
        }
    }

    /// Changing a job posting.
    static func checkWriteJob(_ caller: Caller, districts: [String]) throws {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
        for district in districts where !serves(caller, district: district) {
            throw Problem.forbidden("this job is outside your districts")
        }
    }

    /// Recording an outcome for a person.
    static func checkRecordOutcome(_ caller: Caller, district: String) throws {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
        if !serves(caller, district: district) { throw Problem.forbidden("this person is outside your districts") }
    }

    /// Reading the audit log.
    static func checkReadAudit(_ caller: Caller) throws {
        if caller.role != .operator { throw Problem.forbidden("only operators read the audit log") }
    }

    /// The districts a list of people (`GET /v1/applicants`) may show: nil for every district (operators),
    /// else the caller's own, narrowed to `requested` when given. Evaluators read no list of people;
    /// a caseworker asking for a district not theirs is refused.
    static func applicantListScope(_ caller: Caller, requested: String?) throws -> Set<String>? {
        switch caller.role {
        case .evaluator: throw Problem.forbidden("evaluators do not read lists of people")
        case .operator: return requested.map { [$0] }
        case .caseworker:
            guard let requested else { return caller.districts }
            if !caller.districts.contains(requested) { throw Problem.forbidden("this district is not yours") }
            return [requested]
        }
    }

    /// Whether the caller may see disability and assistance-group details of a person in `district`.
    static func seesSensitiveDetails(_ caller: Caller, district: String) -> Bool {
        serves(caller, district: district)
    }

    /// Reasons without those drawn from disability or assistance groups.
    static func redacted(_ reasons: [Reason]) -> [Reason] {
        reasons.filter { !sensitiveReasonCodes.contains($0.code) }
    }
}
