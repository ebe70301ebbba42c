import JobMatchCore

// Interchange 1.1 in the access policy: courses and the record of assistance (docs/daemon.md, "Who sees what").
//
// - Courses are public offers, like postings: every token reads them; operators change any, caseworkers those of
//   their own districts (the stored course's and the body's), 403 elsewhere; evaluators 403.
// - Recording assistance (`POST /v1/services`) is like recording outcomes: evaluators 403 before any lookup; a person
//   outside a caseworker's districts is 404 like an unknown one.
// - A person's record of assistance is read like their recommendation list: operators and their own caseworkers in
//   full; evaluators under the pseudonym (addressed by it) and as ``SensitiveServices`` shows it (no `by`, no `note`,
//   no kind that reveals an assistance group or health).
extension AccessPolicy {
    /// Changing a course: evaluators 403; caseworkers in their districts only (old and new), else 403.
    func checkWriteTraining(_ caller: Caller, districts: [String]) throws {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
        for district in districts where !Self.serves(caller, district: district) {
            throw Problem.forbidden("this course is outside your districts")
        }
    }

    /// Recording assistance: evaluators 403 before any lookup.
    func checkRecordServices(_ caller: Caller) throws {
        if caller.role == .evaluator { throw Problem.forbidden("evaluators cannot change data") }
    }

    /// One entry's person: unknown and out of scope 404 alike, naming the field.
    func checkServicePerson(_ caller: Caller, id: String, stored: Applicant?, field: String) throws {
        guard let stored, Self.serves(caller, district: stored.district) else { throw Self.unknownApplicant(id, field: field) }
    }

    /// A person's record of assistance as the caller may see it (the person as ``viewForList(_:id:stored:)`` decides).
    func shownServices(_ entries: [ServiceRecord], _ view: View) -> [ServiceRecord] {
        switch view {
        case .full: entries
        case .pseudonymous, .pseudonymousWalkIn: SensitiveServices.shown(entries)
        }
    }
}
