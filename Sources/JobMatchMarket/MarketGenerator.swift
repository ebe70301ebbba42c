import JobMatchCore

/// A generated data set: applicants, postings and the outcome history, as interchange records.
public struct Market: Sendable {
    public var applicants: [Applicant]
    public var jobs: [Job]
    public var interactions: [Interaction]
}

/// The deterministic generator of a synthetic Chongqing labour market for employment assistance.
///
/// Same configuration, same records, byte for byte: every draw comes from ``SeededRandom`` streams
/// keyed by the seed and the entity's index.
public struct MarketGenerator: Sendable {
    /// Name and version written to manifests; bump the version when output for a seed changes.
    public static let name = "jobmatch-market"
    public static let version = "2.0.0"

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
        let market = Market(applicants: outcome.applicants, jobs: outcome.jobs, interactions: outcome.interactions)
        guard let split else { return (market, []) }
        progress("oracle")
        return (market, OracleRanking(simulation: simulation).rank(market: market, split: split, depth: depth))
    }
}
