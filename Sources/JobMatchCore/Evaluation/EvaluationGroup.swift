/// The groups whose Recall@k is reported separately, with the fairness ratio min(group) / overall.
public enum EvaluationGroup: String, CaseIterable, Codable, Sendable {
    /// Certified `older_worker`, or of the age (women 40+, men 50+ at the as-of time).
    case olderWorkers = "older_workers"
    /// A disability certificate or the `disabled` group.
    case disabled
    /// Certified `zero_employment_household`.
    case zeroEmploymentHousehold = "zero_employment_household"
    /// Gender `F`.
    case women
    /// Certified `stay_at_home_parent`.
    case stayAtHomeParents = "stay_at_home_parents"

    /// True when the applicant belongs to the group at `time`.
    public func contains(_ a: Applicant, at time: Timestamp) -> Bool {
        switch self {
        case .olderWorkers:
            a.isIn(.olderWorker) || a.age(at: time) >= (a.gender == .female ? 40 : 50)
        case .disabled: a.disability != nil || a.isIn(.disabled)
        case .zeroEmploymentHousehold: a.isIn(.zeroEmploymentHousehold)
        case .women: a.gender == .female
        case .stayAtHomeParents: a.isIn(.stayAtHomeParent)
        }
    }

    /// A short label for tables and charts.
    public var label: String {
        switch self {
        case .olderWorkers: "older workers"
        case .disabled: "disabled"
        case .zeroEmploymentHousehold: "zero-employment hh"
        case .women: "women"
        case .stayAtHomeParents: "parents at home"
        }
    }
}
