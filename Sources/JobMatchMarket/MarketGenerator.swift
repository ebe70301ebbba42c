import JobMatchCore

/// A generated data set: applicants, postings and the outcome history, as interchange records; and (interchange 1.1)
/// the courses on offer and the record of assistance.
public struct Market: Sendable {
    public var applicants: [Applicant]
    public var jobs: [Job]
    public var interactions: [Interaction]
    public var trainings: [Training]
    public var services: [ServiceRecord]

    public init(applicants: [Applicant], jobs: [Job], interactions: [Interaction], trainings: [Training] = [], services: [ServiceRecord] = []) {
        self.applicants = applicants
        self.jobs = jobs
        self.interactions = interactions
        self.trainings = trainings
        self.services = services
    }
}

/// The deterministic generator of a synthetic Chongqing labour market for employment assistance.
///
/// Same configuration, same records, byte for byte: every draw comes from ``SeededRandom`` streams
/// keyed by the seed and the entity's index.
public struct MarketGenerator: Sendable {
    /// Name and version written to manifests; bump the version when output for a seed changes.
    public static let name = "jobmatch-market"
    public static let version = "2.1.0"

    public let configuration: MarketConfiguration

    public init(configuration: MarketConfiguration) {
        self.configuration = configuration
    }

    /// Generates the market. `progress` is told the phase name as each one starts.
    public func generate(progress: (String) -> Void = { _ in }) throws(JobMatchError) -> Market {
        try generateWithOracle(split: nil, progress: progress).market
    }

    /// Generates the market and, for a split time, the oracle: each person's ranking of the postings open at the
    /// split by the generator's own noise-free utilities (``OracleRanking``). Same market as ``generate(progress:)``.
    public func generateWithOracle(split: Timestamp?, depth: Int = 100, progress: (String) -> Void = { _ in }) throws(JobMatchError)
        -> (market: Market, oracle: [OracleRanking.List])
    {
        try configuration.validate()
        let geography = Geography.chongqing
        progress("applicants")
        let applicantFactory = ApplicantFactory(configuration: configuration, geography: geography)
        var applicants: [Applicant] = []
        var personas: [Persona] = []
        applicants.reserveCapacity(configuration.applicants)
        personas.reserveCapacity(configuration.applicants)
        for index in 0..<configuration.applicants {
            let (applicant, persona) = applicantFactory.make(index)
            applicants.append(applicant)
            personas.append(persona)
        }
        progress("jobs")
        let jobFactory = JobFactory(configuration: configuration, geography: geography)
        let drafts = (0..<configuration.jobs).map(jobFactory.make)
        progress("interactions")
        let simulation = MarketSimulation(configuration: configuration, applicants: applicants, personas: personas, drafts: drafts, geography: geography)
        let outcome = simulation.run()
        progress("trainings, households, services")
        var applicantsOut = outcome.applicants
        let assistance = MarketAssistance(configuration: configuration, geography: geography)
            .run(applicants: &applicantsOut, registeredAt: personas.map(\.registeredAt), jobs: outcome.jobs, interactions: outcome.interactions)
        let market = Market(applicants: applicantsOut, jobs: outcome.jobs, interactions: outcome.interactions,
                            trainings: assistance.trainings, services: assistance.services)
        guard let split else { return (market, []) }
        progress("oracle")
        return (market, OracleRanking(simulation: simulation).rank(market: market, split: split, depth: depth))
    }
}
