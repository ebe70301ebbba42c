import Foundation
import JobMatchCore
import JobMatchStore

/// The plan workflow (`jobmatch plan`, `GET /v1/applicants/{id}/plan`): loads one person's household members,
/// the courses, their record of assistance and their events and pushes through the store, and builds the plan
/// with ``PlanBuilder`` over a matcher (a ``DatabaseMatcher``'s for commands, the daemon's live index for routes).
public struct AssistancePlanner {
    public let database: AppDatabase
    public let builder: PlanBuilder
    /// The courses on offer, read once (a planner for many people reuses them).
    public let trainings: [Training]

    public init(database: AppDatabase, matcher: Matcher, rules: PlanRules = PlanRules(), stuck: StuckSearch = StuckSearch()) throws {
        self.database = database
        builder = PlanBuilder(matcher: matcher, rules: rules, stuck: stuck)
        trainings = try database.trainings()
    }

    /// The plan of the stored person `id` at `asOf`; `notFound` naming `field` when there is none.
    public func plan(applicant id: String, asOf: Timestamp, field: String = "applicant") throws -> AssistancePlan {
        guard let person = try database.applicant(id: id) else {
            throw JobMatchError(.notFound, "no applicant with id \(id)", field: field)
        }
        return try plan(person, asOf: asOf)
    }

    /// The plan of a stored person.
    public func plan(_ person: Applicant, asOf: Timestamp) throws -> AssistancePlan {
        try builder.plan(inputs(person, asOf: asOf))
    }

    /// What ``PlanBuilder`` reads for `person`, from the store.
    public func inputs(_ person: Applicant, asOf: Timestamp) throws -> PlanBuilder.Inputs {
        let members = try person.household.map { try database.householdMembers(of: $0) } ?? []
        var memberEvents: [Interaction] = []
        for member in members where member.id != person.id {
            memberEvents += try Self.events(database.history(applicant: member.id), applicant: member.id)
        }
        let history = try database.history(applicant: person.id, limit: 5_000)
        let own = Self.events(history, applicant: person.id)
        let pushes = history.compactMap { entry -> Timestamp? in
            if case .push = entry.kind { return entry.at } else { return nil }
        }
        return PlanBuilder.Inputs(applicant: person, householdMembers: members,
                                  householdHired: HouseholdState.hired(memberEvents + own, before: asOf), trainings: trainings,
                                  services: try database.services(applicant: person.id), events: own, pushes: pushes, asOf: asOf)
    }

    static func events(_ history: [ApplicantHistoryEntry], applicant: String) -> [Interaction] {
        history.compactMap { entry in
            if case let .event(event) = entry.kind { return Interaction(applicant: applicant, job: entry.job, event: event, at: entry.at) }
            return nil
        }
    }
}
