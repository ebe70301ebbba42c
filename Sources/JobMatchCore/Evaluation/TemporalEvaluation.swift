/// The standard temporal protocol on records in memory: train on the interactions before the split,
/// recommend for every applicant with a positive outcome after it among the jobs open at it, and score
/// every method (JobMatch trained and untrained, popularity, content, random) on the same queries.
public struct TemporalEvaluation: Sendable {
    public var split: Timestamp
    public var k: Int
    public var training: TrainingConfiguration
    public var randomSeed: UInt64
    /// The hybrid stage (its `content` is replaced by ``training``).
    public var hybrid: HybridTrainer
    /// The second stage over the hybrid's top lists (nil, the default: none is fitted).
    public var reRanking: ReRankerTrainer? = nil

    public init(split: Timestamp, k: Int = 10, training: TrainingConfiguration = TrainingConfiguration(), randomSeed: UInt64 = 7,
                hybrid: HybridTrainer = HybridTrainer())
    {
        self.split = split
        self.k = k
        self.training = training
        self.randomSeed = randomSeed
        self.hybrid = hybrid
    }

    /// The method names, in the order they are reported.
    /// `jobmatch` is the hybrid model (``HybridTrainer``), `jobmatch_content` the content-only trained model (as before the hybrid).
    /// `jobmatch_first_stage` is the hybrid's own order when a second stage re-orders its top lists as `jobmatch`.
    public static let methods = ["oracle", "jobmatch", "jobmatch_first_stage", "jobmatch_content", "jobmatch_untrained", "popularity",
                                 "content", "random"]

    /// Everything a run produced.
    public struct Outcome: Sendable {
        public var split: Timestamp
        public var k: Int
        public var queries: [EvaluationQuery]
        public var candidateCount: Int
        public var trainingInteractions: Int
        /// Metrics and ranked lists per method name (``TemporalEvaluation/methods``).
        public var metrics: [String: MethodMetrics]
        /// The same metrics over new jobs only (``NewJobsView``): positives on jobs not applied to before the split,
        /// lists without the jobs already applied to.
        public var newOnly: [String: MethodMetrics]
        /// The queries of people with no interaction before the split (cold start), scored on the whole lists.
        public var coldStart: [String: MethodMetrics]
        /// Ranked lists per method, `k` plus enough to leave `k` new jobs (only the first `k` count overall).
        public var lists: [String: [[String]]]
        /// The training run, or nil when a trained model was given (``run(applicants:jobs:interactions:model:trained:oracle:)``).
        public var training: OutcomeTrainer.Report?
        /// The hybrid stage of the training run.
        public var hybrid: HybridTrainer.Report?
        /// The weights of the model scored as `jobmatch`.
        public var trainedWeights: BlockWeights
        /// The second stage's fit, when one was tried.
        public var reRanking: ReRankerTrainer.Report? = nil
        public var reRanker: ReRanker? = nil
    }

    /// Runs the protocol. `model` is the untrained starting point; nil builds the default one from the
    /// applicants and the jobs posted before the split. When `trained` is given (a model learned elsewhere,
    /// e.g. on another market), it is scored as `jobmatch` as it is, and nothing is learned from this data.
    /// `oracle`: a ranking per applicant id from the data set's own hidden model, scored as `oracle` when given.
    /// `peers`: outside methods' rankings (method name → applicant id → job ids), cut to each query's pool and scored the same way.
    public func run(applicants: [Applicant], jobs: [Job], interactions: [Interaction], model: MatchModel? = nil,
                    trained given: MatchModel? = nil, oracle: [String: [String]]? = nil,
                    peers: [String: [String: [String]]] = [:]) -> Outcome
    {
        let candidates = jobs.filter { $0.isOpen(at: split) }.sorted { $0.id < $1.id }
        let queries = EvaluationQuery.heldOut(applicants: applicants, interactions: interactions,
                                              candidates: Set(candidates.map(\.id)), split: split)
        let untrained = model ?? MatchModel.build(from: applicants, jobs: jobs.filter { $0.postedAt < split })
        let past = interactions.filter { $0.at < split }
        let trained: MatchModel
        var contentOnly: MatchModel?
        var report: OutcomeTrainer.Report?
        var hybridReport: HybridTrainer.Report?
        if let given {
            trained = given
        } else {
            var trainer = hybrid
            trainer.content = training
            let result = trainer.train(model: untrained, applicants: applicants, jobs: jobs, interactions: past, asOf: split)
            trained = result.model
            contentOnly = result.contentModel
            report = result.report.content
            hybridReport = result.report
        }
        let history = InteractionHistory(interactions: past, jobs: jobs, before: split)
        let pool = CandidatePool(queries: queries, candidates: candidates, asOf: split)
        let view = NewJobsView(interactions: interactions, split: split)
        let depth = k + view.extraDepth(queries: queries, candidates: Set(candidates.map(\.id)))
        var lists: [String: [[String]]] = [:]
        lists["jobmatch"] = Self.matcherLists(model: trained, candidates: candidates, queries: queries, k: depth, asOf: split, history: history)
        var reRankReport: ReRankerTrainer.Report?
        var reRanker: ReRanker?
        if let reRanking, let hybridReport, trained.configuration.historyBlocks {
            let fitted = reRanking.train(model: hybridReport.heldBackModel, applicants: applicants, jobs: jobs, past: past,
                                         fit: hybridReport.fitFrom..<hybridReport.validationFrom, validation: hybridReport.validationFrom..<split)
            reRankReport = fitted.report
            reRanker = fitted.reRanker
            if let second = fitted.reRanker {
                let first = ReRankerTrainer.firstStage(model: trained, candidates: candidates, applicants: queries.map(\.applicant),
                                                       depth: max(depth, second.depth), asOf: split, history: history)
                let features = PairFeatures(model: trained, history: history).withHomes(applicants)
                lists["jobmatch_first_stage"] = lists["jobmatch"]
                lists["jobmatch"] = second.rerank(applicants: queries.map(\.applicant), lists: first, features: features).map { Array($0.prefix(depth)) }
            }
        }
        if let contentOnly {
            lists["jobmatch_content"] = Self.matcherLists(model: contentOnly, candidates: candidates, queries: queries, k: depth, asOf: split)
        }
        lists["jobmatch_untrained"] = Self.matcherLists(model: untrained, candidates: candidates, queries: queries, k: depth, asOf: split)
        lists["popularity"] = PopularityBaseline(interactions: past, before: split).recommend(pool: pool, k: depth)
        lists["content"] = ContentBaseline().recommend(queries: queries, pool: pool, k: depth)
        lists["random"] = RandomBaseline(seed: randomSeed).recommend(queries: queries, pool: pool, k: depth)
        if let oracle { lists["oracle"] = pool.restrict(queries.map { oracle[$0.applicant.id] ?? [] }) }
        for (name, ranked) in peers { lists[name] = pool.restrict(queries.map { ranked[$0.applicant.id] ?? [] }) }
        let scored = Self.score(lists: lists, queries: queries, candidates: candidates, view: view, interactions: interactions, k: k, split: split)
        return Outcome(split: split, k: k, queries: queries, candidateCount: candidates.count, trainingInteractions: past.count,
                       metrics: scored.all, newOnly: scored.newOnly, coldStart: scored.coldStart, lists: lists,
                       training: report, hybrid: hybridReport, trainedWeights: trained.weights, reRanking: reRankReport, reRanker: reRanker)
    }

    /// Every method's lists scored three ways: all queries, new jobs only, cold-start people.
    static func score(lists: [String: [[String]]], queries: [EvaluationQuery], candidates: [Job], view: NewJobsView,
                      interactions: [Interaction], k: Int, split: Timestamp)
        -> (all: [String: MethodMetrics], newOnly: [String: MethodMetrics], coldStart: [String: MethodMetrics])
    {
        let evaluator = Evaluator(k: k, asOf: split, candidates: candidates)
        let fresh = view.queries(queries)
        let known = Set(interactions.lazy.filter { $0.at < split }.map(\.applicant))
        let cold = queries.indices.filter { !known.contains(queries[$0].applicant.id) }
        let all = lists.mapValues { evaluator.evaluate(queries: queries, lists: $0) }
        let newOnly = lists.mapValues { lists in
            evaluator.evaluate(queries: fresh.map(\.query), lists: fresh.map { view.list(lists[$0.index], applicant: $0.query.applicant.id) })
        }
        let coldStart = lists.mapValues { lists in evaluator.evaluate(queries: cold.map { queries[$0] }, lists: cold.map { lists[$0] }) }
        return (all, newOnly, coldStart)
    }

    static func matcherLists(model: MatchModel, candidates: [Job], queries: [EvaluationQuery], k: Int, asOf: Timestamp,
                             history: InteractionHistory? = nil) -> [[String]]
    {
        let matcher = Matcher(index: JobIndex(model: model, jobs: candidates, history: history))
        return matcher.topCandidates(applicants: queries.map(\.applicant), m: k, asOf: asOf).map { $0.map(\.job) }
    }
}
