/// Builds a person's plan from their file, household, the courses on offer, their record and the market
/// (a ``Matcher`` over the postings open at the time). Pure: the workflows load the inputs.
public struct PlanBuilder: Sendable {
    public let matcher: Matcher
    public let rules: PlanRules
    public let stuck: StuckSearch

    public init(matcher: Matcher, rules: PlanRules = PlanRules(), stuck: StuckSearch = StuckSearch()) {
        self.matcher = matcher
        self.rules = rules
        self.stuck = stuck
    }

    /// Everything one plan reads.
    public struct Inputs: Sendable {
        public var applicant: Applicant
        /// The other members of the household on file (any order; the person may be among them).
        public var householdMembers: [Applicant]
        /// Members known to be hired from their events (``HouseholdState/hired(_:before:)``).
        public var householdHired: Set<String>
        public var trainings: [Training]
        /// The person's record of assistance.
        public var services: [ServiceRecord]
        /// The person's events and the times of the pushes they received.
        public var events: [Interaction]
        public var pushes: [Timestamp]
        public var asOf: Timestamp

        public init(applicant: Applicant, householdMembers: [Applicant] = [], householdHired: Set<String> = [], trainings: [Training] = [],
                    services: [ServiceRecord] = [], events: [Interaction] = [], pushes: [Timestamp] = [], asOf: Timestamp) {
            self.applicant = applicant
            self.householdMembers = householdMembers
            self.householdHired = householdHired
            self.trainings = trainings
            self.services = services
            self.events = events
            self.pushes = pushes
            self.asOf = asOf
        }
    }

    public func plan(_ inputs: Inputs) -> AssistancePlan {
        let a = inputs.applicant, asOf = inputs.asOf
        let household = HouseholdState(person: a, members: inputs.householdMembers, hired: inputs.householdHired)
        let before = inputs.services.filter { $0.at < asOf }
        let events = inputs.events.filter { $0.at < asOf }
        let since = a.status == .seeking ? stuck.stuckSince(
            contacts: StuckSearch.contacts(pushes: inputs.pushes.filter { $0 < asOf }, events: events, services: before),
            outcomes: events, services: before, asOf: asOf) : nil
        func decide(_ reach: MarketReach) -> [TrackRules.Decision] {
            TrackRules.decide(a, household: household, reach: reach, stuckSince: since, rules: rules, weakMarketScore: matcher.configuration.weakMarketScore)
        }
        // The tracks follow from the file and the reach alone; only a training track shows courses, so only then
        // are they rescored.
        let found = UnlockComputation(matcher: matcher, rules: rules).compute(
            applicant: a, courses: inputs.trainings, asOf: asOf, coursesWanted: { reach in decide(reach).contains { $0.track == .training } })
        let decisions = decide(found.reach)
        let actions = PlanActions(matcher: matcher, rules: rules, applicant: a, asOf: asOf, found: found)
        return AssistancePlan(applicant: a.id, asOf: asOf, status: a.status, reach: found.reach, household: household, stuckSince: since,
                              tracks: decisions.map { actions.track($0) })
    }
}
