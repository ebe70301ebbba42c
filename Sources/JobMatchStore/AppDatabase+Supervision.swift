import JobMatchCore

extension AppDatabase {
    /// The supervision analysis's inputs: every applicant and job, the interactions and the audit log up to `asOf`.
    public func supervisionInput(asOf: Timestamp, districtsByToken: [String: Set<String>] = [:]) throws -> SupervisionInput {
        let audit = try auditEntries(AuditQuery(limit: Int(Int32.max))).filter { $0.at <= asOf }.map { e in
            AccessRecord(id: e.id, at: e.at, actor: e.actor, role: e.role, endpoint: e.endpoint, applicant: e.applicant,
                         subjects: e.subjects, status: e.status)
        }
        return SupervisionInput(applicants: try applicants(), jobs: try jobs(), interactions: try interactions().filter { $0.at <= asOf },
                                access: audit, districtsByToken: districtsByToken)
    }
}
