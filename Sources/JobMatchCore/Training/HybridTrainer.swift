import Foundation

/// `jobmatch train` for a hybrid model: the content blocks, the history blocks and the collaborative factors,
/// fitted on held-back recent weeks of the training period and stopped early on a later slice of it.
///
/// With `T` the as-of time, `c₂ = T − validationDays` and `c₁ = c₂ − fitDays`:
/// 1. the content model as before (``OutcomeTrainer``: block weights and suitability cells on every pair before `T`);
/// 2. factors on the interactions before `c₁`, the epoch count chosen by the AUC of the applications in `[c₁, c₂)`;
/// 3. every block weight (content, history, factors) fitted on the outcome pairs of `[c₁, c₂)`, features taken at `c₁`
///    (history before `c₁`), early-stopped on the pairs of `[c₂, T)` (features at `c₂`);
/// 4. the factors retrained on everything before `T` for the chosen epochs.
/// Nothing at or after `T` is read; the test period after `T` is never seen.
public struct HybridTrainer: Sendable {
    public var content: TrainingConfiguration
    public var collaborative: CollaborativeTrainer
    public var fitDays: Double = 28
    public var validationDays: Double = 14
    /// After early stopping, fit the block weights again on the fit and the validation pairs together for the
    /// number of steps the check chose (the later weeks are the closest to the as-of time). Off: chosen on two
    /// tuning markets, it did not carry to the held-out ones (docs/evaluation.md).
    public var refitOnValidation = false
    /// Weight ρ of the worst fairness group's loss in step 3 (``BlockWeightTrainer/WorstGroup``): the block weights
    /// minimise the overall pair loss plus ρ times that of the ``EvaluationGroup`` they fit worst, and the check on
    /// `[c₂, T)` keeps the step best by the same objective. Groups enter with at least ``minimumGroupPairs`` pairs
    /// in a table. 0: off (docs/evaluation.md says what it did on the tuning markets).
    public var worstGroupWeight: Float = 0
    public var minimumGroupPairs = 100
    /// Step 3 with every person's pairs weighing the same in total (each pair's weight divided by the sum of its
    /// person's, times the mean of those sums), as the metrics average over people rather than over pairs.
    /// Off: see docs/evaluation.md for what it did on the tuning markets.
    public var balancePeople = false
    /// Starting weights of the new blocks (behaviour, evidence, factors).
    public var startWeights: [FeatureBlock: Float] = [
        .pastOccupation: 0.05, .pastSkills: 0.05, .pastPlace: 0.05, .pastPay: 0.02, .pastJobType: 0.02,
        .postingApplyRate: 0.02, .postingInterviewRate: 0.02, .postingViews: 0.01, .employerApplyRate: 0.02,
        .employerInterviewRate: 0.02, .employerHireRate: 0.01, .freshness: 0.01, .factors: 0.05,
    ]

    public init(content: TrainingConfiguration = TrainingConfiguration(), collaborative: CollaborativeTrainer = CollaborativeTrainer()) {
        self.content = content
        self.collaborative = collaborative
        self.collaborative.seed = content.seed
    }

    /// What one run did.
    public struct Report: Sendable {
        public var content: OutcomeTrainer.Report
        public var factorEpochs: Int
        public var factorValidationAUC: [Double]
        public var factorPositives: Int
        public var fit: BlockWeightTrainer.Result
        public var validationPairs: Int
        public var fitFrom: Timestamp
        public var validationFrom: Timestamp
        /// The hybrid as it stood in step 3 (factors from before `c₁`, the fitted weights): the first stage a
        /// second stage is fitted behind on the same windows (``ReRankerTrainer``).
        public var heldBackModel: MatchModel
    }

    /// The content-only model of step 1 and the hybrid model.
    public func train(model base: MatchModel, applicants: [Applicant], jobs: [Job], interactions: [Interaction], asOf: Timestamp)
        -> (model: MatchModel, contentModel: MatchModel, report: Report)
    {
        let past = interactions.filter { $0.at < asOf }
        let (contentModel, contentReport) = OutcomeTrainer(configuration: content)
            .train(model: base, applicants: applicants, jobs: jobs, interactions: past, asOf: asOf)
        var hybrid = contentModel
        if !hybrid.configuration.historyBlocks {
            hybrid.manifest.parameters = hybrid.configuration.widened(factorDimensions: collaborative.dimensions)
            for (block, weight) in startWeights { hybrid.weights[block] = weight }
        }
        var factorTrainer = collaborative
        factorTrainer.dimensions = hybrid.layout[.factors].count
        let c2 = asOf.adding(days: -validationDays), c1 = c2.adding(days: -fitDays)
        let early = factorTrainer.train(applicants: applicants, jobs: jobs, interactions: past, before: c1, validation: c1..<c2)
        var staged = hybrid
        staged.collaborative = early.factors
        let fitTable = table(model: staged, applicants: applicants, jobs: jobs, past: past, window: c1..<c2)
        let validationTable = table(model: staged, applicants: applicants, jobs: jobs, past: past, window: c2..<asOf)
        var fitConfiguration = content
        fitConfiguration.learnSuitability = false
        let start = hybrid.weights
        let groups = worstGroupWeight > 0
            ? BlockWeightTrainer.WorstGroup(fit: groupRows(fitTable, applicants: applicants, at: c1),
                                            validation: groupRows(validationTable, applicants: applicants, at: c2), weight: worstGroupWeight)
            : nil
        let fit = BlockWeightTrainer(configuration: fitConfiguration).train(table: fitTable, start: start, validation: validationTable,
                                                                            groups: groups)
        hybrid.weights = fit.weights
        staged.weights = fit.weights
        if refitOnValidation, let steps = fit.bestStep, steps > 0, validationTable.count > 0 {
            var refitConfiguration = fitConfiguration
            refitConfiguration.iterations = steps
            let both = BlockFeatureTable(differences: fitTable.differences + validationTable.differences,
                                         weights: fitTable.weights + validationTable.weights, columns: fitTable.columns)
            hybrid.weights = BlockWeightTrainer(configuration: refitConfiguration).train(table: both, start: start).weights
        }
        hybrid.collaborative = factorTrainer.train(applicants: applicants, jobs: jobs, interactions: past, before: asOf,
                                                   epochs: max(1, early.epochs)).factors
        let report = Report(content: contentReport, factorEpochs: early.epochs, factorValidationAUC: early.validationAUC,
                            factorPositives: early.positives, fit: fit, validationPairs: validationTable.count, fitFrom: c1, validationFrom: c2,
                            heldBackModel: staged)
        return (hybrid, contentModel, report)
    }

    /// The rows of `table` whose applicant is in each ``EvaluationGroup`` at `time` (empty below ``minimumGroupPairs``).
    func groupRows(_ table: BlockFeatureTable, applicants: [Applicant], at time: Timestamp) -> [[Int]] {
        EvaluationGroup.allCases.map { group in
            let member = Set(Set(table.pairApplicants).filter { group.contains(applicants[$0], at: time) })
            let rows = table.pairApplicants.indices.filter { member.contains(table.pairApplicants[$0]) }
            return rows.count >= minimumGroupPairs ? rows : []
        }
    }

    /// The block table of the outcome pairs of `window`, features at its start (history before it).
    func table(model: MatchModel, applicants: [Applicant], jobs: [Job], past: [Interaction], window: Range<Timestamp>) -> BlockFeatureTable {
        let inside = past.filter { window.contains($0.at) }
        let pairs = TrainingPairs(applicants: applicants, jobs: jobs, interactions: inside, asOf: window.upperBound, configuration: content)
        let history = InteractionHistory(interactions: past, jobs: jobs, before: window.lowerBound)
        var table = BlockFeatureTable(pairs: pairs, applicants: applicants, jobs: jobs,
                                      extractor: FeatureExtractor(model: model, history: history), asOf: window.lowerBound)
        if balancePeople { table.weights = Self.balanced(table.weights, people: table.pairApplicants) }
        return table
    }

    /// `weights` rescaled so that every person's sum is the mean of the persons' sums (the total stays the same).
    static func balanced(_ weights: [Float], people: [Int]) -> [Float] {
        var sums: [Int: Float] = [:]
        for (w, p) in zip(weights, people) { sums[p, default: 0] += w }
        guard !sums.isEmpty else { return weights }
        let mean = sums.values.reduce(0, +) / Float(sums.count)
        return zip(weights, people).map { w, p in sums[p]! > 0 ? w * mean / sums[p]! : w }
    }
}
