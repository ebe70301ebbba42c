import JobMatchCore

/// Who may see or change whom: every access decision of the API, in one place (docs/daemon.md has the
/// same rules as a table).
///
/// - `operator`: everything, every person in full, the audit log, token reload.
/// - `caseworker`: the people of their own districts, in full: read, change, delete, their lists, their
///   outcomes, and only those people in a job's candidate list. A person outside their districts is
///   answered exactly like an unknown id (404 `not_found`, same text), so ids cannot be probed. Jobs
///   are read anywhere and changed in their districts only (403 elsewhere: postings are public).
///   Creating a person in another district (a body naming a district not theirs) is 403, checked before
///   any lookup. A walk-in profile of another district is 403.
/// - `evaluator`: lists only (a stored person's, a walk-in's, a job's candidates), with every person under
///   a pseudonym (``Pseudonyms``: HMAC-SHA256 keyed per evaluator token) and addressed by it (a real id
///   is 404 like an unknown one; a walk-in's id gets a pseudonym keyed apart), no district, and none of the
///   sensitive or identifying reasons (``SensitiveReasons``: no disability, assistance group, capacity,
///   household, income or distance); no profiles (403), no changes (403), no audit log (403), no insight report (403).
/// - no token: 401 on everything under `/v1`.
struct AccessPolicy: Sendable {
    let pseudonyms: Pseudonyms

    /// How a caller sees a person they may see.
    enum View: Equatable {
        /// The real id, the district and every reason.
        case full
        /// A pseudonym, no district, no sensitive or identifying reason.
        case pseudonymous(tokenName: String)
        /// A walk-in profile for an evaluator: as `pseudonymous`, under a pseudonym keyed apart from the
        /// stored people's (the body's id is the caller's own input; echoing a stored person's pseudonym
        /// for it would let any id be looked up).
        case pseudonymousWalkIn(tokenName: String)
    }

    /// The answer to a person who is not there, or not there for this caller: identical in both cases.
    static func unknownApplicant(_ id: String, field: String? = nil) -> Problem {
        Problem.notFound("no applicant \"\(id)\"", field: field)
    }

    static func serves(_ caller: Caller, district: String) -> Bool {
        switch caller.role {
        case .operator: true
        case .caseworker: caller.districts.contains(district)
        case .evaluator: false
        }
    }

    private static func refuseEvaluatorChange(_ caller: Caller) throws {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
    }

    /// Reading a stored profile (`GET /v1/applicants/{id}`): evaluators 403 before any lookup; unknown
    /// and out of scope 404 alike.
    func checkReadProfile(_ caller: Caller, id: String, stored: Applicant?) throws -> Applicant {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators do not read personal profiles") }
        guard let stored, Self.serves(caller, district: stored.district) else { throw Self.unknownApplicant(id) }
        return stored
    }

    /// Before the lookup of a change to a person: evaluators 403; a new district not served 403.
    func checkWriteProfileBody(_ caller: Caller, newDistrict: String?) throws {
        try Self.refuseEvaluatorChange(caller)
        if let newDistrict, !Self.serves(caller, district: newDistrict) {
            throw Problem.forbidden("this person's district is outside your districts")
        }
    }

    /// After the lookup: a stored person outside the caller's districts is 404 like an unknown one.
    /// With `mustExist` (DELETE) an unknown id is 404 too.
    func checkWriteProfileStored(_ caller: Caller, id: String, stored: Applicant?, mustExist: Bool) throws {
        if let stored {
            if !Self.serves(caller, district: stored.district) { throw Self.unknownApplicant(id) }
        } else if mustExist {
            throw Self.unknownApplicant(id)
        }
    }

    /// The stored person a `GET /v1/applicants/{id}/recommendations` path names: evaluators name people by
    /// the pseudonym they were shown (a real id is unknown to them, so they cannot link a pseudonym, or a
    /// list, to a real person); everyone else by the id. Nil when nobody has that pseudonym.
    func listSubject(_ caller: Caller, pathID: String, ids: () throws -> [String]) rethrows -> String? {
        guard caller.role == .evaluator else { return pathID }
        return try pseudonyms.person(withPseudonym: pathID, tokenName: caller.name, among: ids)
    }

    /// A stored person's recommendation list: 404 out of scope (like unknown), pseudonymous for evaluators.
    func viewForList(_ caller: Caller, id: String, stored: Applicant?) throws -> (Applicant, View) {
        guard let stored else { throw Self.unknownApplicant(id) }
        switch caller.role {
        case .operator: return (stored, .full)
        case .evaluator: return (stored, .pseudonymous(tokenName: caller.name))
        case .caseworker:
            guard Self.serves(caller, district: stored.district) else { throw Self.unknownApplicant(id) }
            return (stored, .full)
        }
    }

    /// A walk-in profile's list (not stored, so nothing to probe): 403 for another district's caseworker.
    func viewForWalkIn(_ caller: Caller, district: String) throws -> View {
        switch caller.role {
        case .operator: return .full
        case .evaluator: return .pseudonymousWalkIn(tokenName: caller.name)
        case .caseworker:
            guard Self.serves(caller, district: district) else { throw Problem.forbidden("this profile's district is outside your districts") }
            return .full
        }
    }

    /// Who may appear in a job's candidate list, and how: operators everyone, caseworkers their districts'
    /// people only, evaluators everyone under pseudonyms.
    func candidateScope(_ caller: Caller) -> (includes: @Sendable (String) -> Bool, view: View) {
        switch caller.role {
        case .operator: return ({ _ in true }, .full)
        case .evaluator: return ({ _ in true }, .pseudonymous(tokenName: caller.name))
        case .caseworker:
            let districts = caller.districts
            return ({ districts.contains($0) }, .full)
        }
    }

    /// Changing a job posting: evaluators 403; caseworkers in their districts only (old and new), else 403.
    func checkWriteJob(_ caller: Caller, districts: [String]) throws {
        try Self.refuseEvaluatorChange(caller)
        for district in districts where !Self.serves(caller, district: district) {
            throw Problem.forbidden("this job is outside your districts")
        }
    }

    /// Recording outcomes: evaluators 403 before any lookup.
    func checkRecordOutcomes(_ caller: Caller) throws { try Self.refuseEvaluatorChange(caller) }

    /// One outcome's person: unknown and out of scope 404 alike, naming the field.
    func checkOutcomePerson(_ caller: Caller, id: String, stored: Applicant?, field: String) throws {
        guard let stored, Self.serves(caller, district: stored.district) else { throw Self.unknownApplicant(id, field: field) }
    }

    /// Reading the whole audit log, or checking its chain: operators only.
    func checkReadAudit(_ caller: Caller) throws {
        if caller.role != .operator { throw Problem.forbidden("only operators read the audit log") }
    }

    /// Which audit entries a caller may read (`GET /v1/audit`). Operators: every entry, in full.
    /// Caseworkers: only the entries about one of their own people (`applicant=` required, else 403;
    /// a person outside their districts or unknown is 404 alike), each entry naming that person alone
    /// among its subjects, without its free-text detail and chain hash (an entry can name people of other
    /// districts: a candidate list, an outcome batch). Evaluators: 403.
    func auditScope(_ caller: Caller, applicant id: String?, stored: Applicant?) throws -> AuditScope {
        switch caller.role {
        case .operator: return .all
        case .evaluator: throw Problem.forbidden("only operators and the person's own caseworkers read the audit log")
        case .caseworker:
            guard let id else { throw Problem.forbidden("caseworkers read the audit of one of their own people: applicant= is required") }
            guard let stored, Self.serves(caller, district: stored.district) else { throw Self.unknownApplicant(id, field: "applicant") }
            return .onePerson(stored.id)
        }
    }

    /// What ``auditScope(_:applicant:stored:)`` grants.
    enum AuditScope: Equatable {
        case all
        case onePerson(String)
    }

    /// The supervision signals (`GET /v1/supervision`): operators only (they name people of every district and staff tokens).
    func checkSupervise(_ caller: Caller) throws {
        if caller.role != .operator { throw Problem.forbidden("only operators read the supervision signals") }
    }

    /// The supply-gap report and posting counterfactuals (`GET /v1/insight/...`): the districts whose people are
    /// counted, nil for all (operators); a caseworker's own districts; evaluators 403 (counts of disabled people
    /// by category and district are small enough to point at someone, and match quality does not need them).
    func insightScope(_ caller: Caller) throws -> Set<String>? {
        switch caller.role {
        case .operator: return nil
        case .caseworker: return caller.districts
        case .evaluator: throw Problem.forbidden("evaluators do not read the supply-gap report")
        }
    }

    /// Operator-only administration (token reload).
    func checkAdminister(_ caller: Caller) throws {
        if caller.role != .operator { throw Problem.forbidden("only operators administer the daemon") }
    }

    /// The districts a list of people (`GET /v1/applicants`) may show: nil for every district (operators),
    /// else the caller's own, narrowed to `requested` when given. Evaluators read no list of people;
    /// a caseworker asking for a district not theirs is refused.
    func applicantListScope(_ caller: Caller, requested: String?) throws -> Set<String>? {
        switch caller.role {
        case .evaluator: throw Problem.forbidden("evaluators do not read lists of people")
        case .operator: return requested.map { [$0] }
        case .caseworker:
            guard let requested else { return caller.districts }
            if !caller.districts.contains(requested) { throw Problem.forbidden("this district is not yours") }
            return [requested]
        }
    }

    /// A person's assistance plan (`GET /v1/applicants/{id}/plan`): read like the profile. Evaluators 403 before any
    /// lookup (a plan shows the household, the groups and the record of assistance: a pseudonym would not hide them);
    /// unknown and out of scope 404 alike.
    func checkReadPlan(_ caller: Caller, id: String, stored: Applicant?) throws -> Applicant {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators do not read assistance plans") }
        return try checkReadProfile(caller, id: id, stored: stored)
    }

    /// The districts the follow-ups due (`GET /v1/followups`) may show: as the list of people
    /// (``applicantListScope(_:requested:)``): operators every district, caseworkers their own (403 for another's),
    /// evaluators 403 (the list names people and their hires and separations).
    func followUpScope(_ caller: Caller, requested: String?) throws -> Set<String>? {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators do not read follow-up lists") }
        return try applicantListScope(caller, requested: requested)
    }

    /// The id a caller sees for a person.
    func shownID(_ id: String, _ view: View) -> String {
        switch view {
        case .full: id
        case let .pseudonymous(tokenName): pseudonyms.pseudonym(id, tokenName: tokenName)
        case let .pseudonymousWalkIn(tokenName): pseudonyms.walkInPseudonym(id, tokenName: tokenName)
        }
    }

    /// The reasons a caller sees.
    func shownReasons(_ reasons: [Reason], _ view: View) -> [Reason] {
        switch view {
        case .full: reasons
        case .pseudonymous, .pseudonymousWalkIn: SensitiveReasons.withheld(from: reasons, identifying: true)
        }
    }
}
