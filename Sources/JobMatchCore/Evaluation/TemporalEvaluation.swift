/// The standard temporal protocol on records in memory: train on the interactions before the split,
/// recommend for every applicant with a positive outcome after it among the jobs open at it, and score
/// every method (JobMatch trained and untrained, popularity, content, random) on the same queries.
public struct TemporalEvaluation: Sendable {
    public var split: Timestamp
    public var k: Int
    public var training: TrainingConfiguration
    public var randomSeed: UInt64

    public init(split: Timestamp, k: Int = 10, training: TrainingConfiguration = TrainingConfiguration(), randomSeed: UInt64 = 7) {
        self.split = split
        self.k = k
        self.training = training
        self.randomSeed = randomSeed
    }

    /// The method names, in the order they are reported.
    public static let methods = ["jobmatch", "jobmatch_untrained", "popularity", "content", "random"]

    /// Everything a run produced.
    public struct Outcome: Sendable {
        public var split: Timestamp
        public var k: Int
        public var queries: [EvaluationQuery]
        public var candidateCount: Int
        public var trainingInteractions: Int
        /// Metrics and ranked lists per method name (``TemporalEvaluation/methods``).
        public var metrics: [String: MethodMetrics]
        public var lists: [String: [[String]]]
        /// The training run, or nil when a trained model was given (``run(applicants:jobs:interactions:model:trained:)``).
        public var training: OutcomeTrainer.Report?
        /// The weights of the model scored as `jobmatch`.
        public var trainedWeights: BlockWeights
    }

    /// Runs the protocol. `model` is the untrained starting point; nil builds the default one from the
    /// applicants and the jobs posted before the split. When `trained` is given (a model learned elsewhere,
    /// e.g. on another market), it is scored as `jobmatch` as it is, and nothing is learned from this data.
    public func run(applicants: [Applicant], jobs: [Job], interactions: [Interaction], model: MatchModel? = nil,
                    trained given: MatchModel? = nil) -> Outcome
    {
        let candidates = jobs.filter { $0.isOpen(at: split) }.sorted { $0.id < $1.id }
        let queries = EvaluationQuery.heldOut(applicants: applicants, interactions: interactions,
                                              candidates: Set(candidates.map(\.id)), split: split)
        let untrained = model ?? MatchModel.build(from: applicants, jobs: jobs.filter { $0.postedAt < split })
        let past = interactions.filter { $0.at < split }
        let trained: MatchModel
        var report: OutcomeTrainer.Report?
        if let given {
            trained = given
        } else {
            let result = OutcomeTrainer(configuration: training)
                .train(model: untrained, applicants: applicants, jobs: jobs, interactions: past, asOf: split)
            trained = result.model
            report = result.report
        }
        let pool = CandidatePool(queries: queries, candidates: candidates, asOf: split)
        var lists: [String: [[String]]] = [:]
        lists["jobmatch"] = Self.matcherLists(model: trained, candidates: candidates, queries: queries, k: k, asOf: split)
        lists["jobmatch_untrained"] = Self.matcherLists(model: untrained, candidates: candidates, queries: queries, k: k, asOf: split)
        lists["popularity"] = PopularityBaseline(interactions: past, before: split).recommend(pool: pool, k: k)
        lists["content"] = ContentBaseline().recommend(queries: queries, pool: pool, k: k)
        lists["random"] = RandomBaseline(seed: randomSeed).recommend(queries: queries, pool: pool, k: k)
        let evaluator = Evaluator(k: k, asOf: split, candidates: candidates)
        let metrics = lists.mapValues { evaluator.evaluate(queries: queries, lists: $0) }
        return Outcome(split: split, k: k, queries: queries, candidateCount: candidates.count, trainingInteractions: past.count,
                       metrics: metrics, lists: lists, training: report, trainedWeights: trained.weights)
    }

    static func matcherLists(model: MatchModel, candidates: [Job], queries: [EvaluationQuery], k: Int, asOf: Timestamp) -> [[String]] {
        let matcher = Matcher(index: JobIndex(model: model, jobs: candidates))
        return matcher.topCandidates(applicants: queries.map(\.applicant), m: k, asOf: asOf).map { $0.map(\.job) }
    }
}
