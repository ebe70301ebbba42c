import JobMatchCore

/// The interchange 1.1 part of a generated market, made after the simulation on its own streams (21–24), so the
/// applicants' other fields, the postings and the interactions are those of the same seed without it:
/// courses (``TrainingFactory``), households (``HouseholdAssignment``) and each person's record of assistance
/// (``ServiceHistory``), sorted by time.
struct MarketAssistance {
    let configuration: MarketConfiguration
    let geography: Geography

    /// `registeredAt`: when each applicant registered with the employment service (the simulation's personas).
    func run(applicants: inout [Applicant], registeredAt: [Timestamp], jobs: [Job], interactions: [Interaction])
        -> (trainings: [Training], services: [ServiceRecord])
    {
        let factory = TrainingFactory(configuration: configuration, geography: geography)
        let trainings = (0..<factory.count).map(factory.make)
        let index = Dictionary(uniqueKeysWithValues: applicants.enumerated().map { ($1.id, $0) })
        var events = Array(repeating: [Interaction](), count: applicants.count)
        for e in interactions { if let i = index[e.applicant] { events[i].append(e) } }
        let jobsByID = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, $0) })
        let households = HouseholdAssignment(applicants: &applicants, events: events, jobs: jobsByID, seed: configuration.seed)
        let districtIndex = Dictionary(uniqueKeysWithValues: geography.districts.enumerated().map { ($1.code, $0) })
        let history = ServiceHistory(
            configuration: configuration, roster: StaffRoster(seed: configuration.seed, districts: geography.districts.count),
            jobs: jobsByID, enrolment: TrainingEnrolment(trainings: trainings, asOf: configuration.asOf, geography: geography))
        var services: [(order: Int, record: ServiceRecord)] = []
        for i in applicants.indices {
            let entries = history.entries(for: i, applicant: &applicants[i], registeredAt: registeredAt[i], events: events[i],
                                          districtIndex: districtIndex[applicants[i].district] ?? 0,
                                          zeroEmploymentUntil: households.zeroEmploymentUntil[i])
            services += entries.map { (i, $0) }
        }
        services.sort { l, r in
            if l.record.at != r.record.at { return l.record.at < r.record.at }
            if l.order != r.order { return l.order < r.order }
            return (l.record.kind.rawValue, l.record.job ?? "", l.record.training ?? "") < (r.record.kind.rawValue, r.record.job ?? "", r.record.training ?? "")
        }
        return (trainings, services.map(\.record))
    }
}
