/// Outcome learning end to end: the pairs from the interactions before `asOf`, their block features under
/// `model`, and the fitted block weights and suitability affinities, as a new model (same vocabulary and location).
public struct OutcomeTrainer: Sendable {
    public var configuration: TrainingConfiguration

    public init(configuration: TrainingConfiguration = TrainingConfiguration()) { self.configuration = configuration }

    /// What one training run did.
    public struct Report: Sendable, Hashable {
        public var asOf: Timestamp
        public var interactions: Int
        public var applicantsWithPositives: Int
        public var positives: Int
        public var explicitNegatives: Int
        public var silentNegatives: Int
        public var fit: BlockWeightTrainer.Result
        /// False when there was nothing to learn from and the starting weights stand.
        public var trained: Bool { fit.pairs > 0 }
    }

    /// Trains `model`'s block weights (starting from them) on the interactions before `asOf`.
    /// With no usable pairs the model comes back unchanged.
    public func train(model: MatchModel, applicants: [Applicant], jobs: [Job], interactions: [Interaction],
                      asOf: Timestamp) -> (model: MatchModel, report: Report)
    {
        let used = interactions.filter { $0.at < asOf }
        let pairs = TrainingPairs(applicants: applicants, jobs: jobs, interactions: used, asOf: asOf, configuration: configuration)
        let table = BlockFeatureTable(pairs: pairs, applicants: applicants, jobs: jobs, extractor: FeatureExtractor(model: model), asOf: asOf,
                                      suitabilityCells: configuration.learnSuitability)
        let fit = BlockWeightTrainer(configuration: configuration).train(table: table, start: model.weights)
        var trained = model
        trained.weights = fit.weights
        if !fit.affinityChanges.isEmpty {
            trained.suitability = Self.adjusted(model.suitability, by: fit.affinityChanges)
        }
        let report = Report(asOf: asOf, interactions: used.count, applicantsWithPositives: pairs.applicantsWithPositives,
                            positives: pairs.positives, explicitNegatives: pairs.explicitNegatives,
                            silentNegatives: pairs.silentNegatives, fit: fit)
        return (trained, report)
    }

    /// The affinities plus trait-major cell changes; cells that end at (about) zero are left out.
    static func adjusted(_ start: SuitabilityAffinities, by changes: [Float]) -> SuitabilityAffinities {
        let flags = JobSuitabilityFlag.allCases
        var table: [String: [String: Float]] = [:]
        for (t, trait) in ApplicantTrait.allCases.enumerated() {
            for (f, flag) in flags.enumerated() {
                let value = start.affinity(trait, flag) + changes[t * flags.count + f]
                if abs(value) >= 0.001 { table[trait.rawValue, default: [:]][flag.rawValue] = (value * 1000).rounded() / 1000 }
            }
        }
        return SuitabilityAffinities(affinities: table)
    }
}
