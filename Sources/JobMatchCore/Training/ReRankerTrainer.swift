import Foundation

/// Fits the ``ReRanker`` on held-back weeks of the training period, as the block weights are: the first-stage
/// top lists at the start of `[c₁, c₂)` (features from the history before it) of the people with a positive in
/// the window, each list's positives as targets; a listwise softmax loss (each person's positives should take
/// the list's probability mass, gains as weights), L2 on the bin weights, Adam; checked every 20 steps by
/// nDCG@10 on the lists of `[c₂, T)` (features at `c₂`) and the best check kept. When no check beats the
/// first-stage order on that later slice by ``minimumGain``, there is no re-ranker (it must earn its place on data it was not fitted on).
public struct ReRankerTrainer: Sendable {
    public var depth = 100
    public var bins = 8
    public var steps = 300
    public var learningRate: Float = 0.05
    public var l2: Float = 0.01
    public var temperature: Float = 10
    /// The relative nDCG@10 gain over the first stage on the later slice below which no re-ranker is used
    /// (the check slice holds 100–200 lists; a gain under 2 % there is within its noise).
    public var minimumGain = 0.02

    public init() {}

    /// What a fit did: nDCG@10 on the later slice of the first stage and of the best check, and the sizes.
    public struct Report: Sendable {
        public var fitLists = 0
        public var validationLists = 0
        public var firstStageNDCG = 0.0
        public var reRankedNDCG = 0.0
        public var bestStep = 0
    }

    /// One window's lists: rows (``PairFeatures``), bins, and gains per entry.
    struct Sample {
        var rows: [[[Float]]] = []
        var gains: [[Float]] = []
    }

    /// Fits on `fit`, checks on `validation`, the first stage being `model` with the history before each window's start.
    public func train(model: MatchModel, applicants: [Applicant], jobs: [Job], past: [Interaction],
                      fit: Range<Timestamp>, validation: Range<Timestamp>) -> (reRanker: ReRanker?, report: Report) {
        let training = sample(model: model, applicants: applicants, jobs: jobs, past: past, window: fit)
        let checking = sample(model: model, applicants: applicants, jobs: jobs, past: past, window: validation)
        var report = Report(fitLists: training.rows.count, validationLists: checking.rows.count)
        guard !training.rows.isEmpty, !checking.rows.isEmpty else { return (nil, report) }
        var reRanker = ReRanker(edges: edges(training), weights: [], temperature: temperature, depth: depth)
        reRanker.weights = reRanker.edges.map { [Float](repeating: 0, count: $0.count + 1) }
        let fitBins = training.rows.map { $0.map(reRanker.bins) }
        let checkBins = checking.rows.map { $0.map(reRanker.bins) }
        report.firstStageNDCG = ndcg(checking, checkBins, reRanker)
        var best = (ndcg: report.firstStageNDCG, weights: reRanker.weights, step: 0)
        var m = reRanker.weights.map { $0.map { _ in Float(0) } }, v = m
        let (b1, b2): (Float, Float) = (0.9, 0.999)
        for step in 1...steps {
            var gradient = reRanker.weights.map { $0.map { _ in Float(0) } }
            for (l, rows) in training.rows.enumerated() {
                let scores = rows.indices.map { reRanker.score(row: rows[$0], bins: fitBins[l][$0]) }
                let top = scores.max() ?? 0
                let e = scores.map { exp($0 - top) }
                let z = e.reduce(0, +), g = training.gains[l], total = g.reduce(0, +)
                for i in rows.indices {
                    let d = (e[i] / z - g[i] / total) / Float(training.rows.count)
                    for (f, b) in fitBins[l][i].enumerated() { gradient[f][b] += d }
                }
            }
            let lr = learningRate * (1 - pow(b2, Float(step))).squareRoot() / (1 - pow(b1, Float(step)))
            for f in gradient.indices {
                for b in gradient[f].indices {
                    let gr = gradient[f][b] + 2 * l2 * reRanker.weights[f][b]
                    m[f][b] = b1 * m[f][b] + (1 - b1) * gr
                    v[f][b] = b2 * v[f][b] + (1 - b2) * gr * gr
                    reRanker.weights[f][b] -= lr * m[f][b] / (v[f][b].squareRoot() + 1e-8)
                }
            }
            if step % 20 == 0 {
                let score = ndcg(checking, checkBins, reRanker)
                if score > best.ndcg { best = (score, reRanker.weights, step) }
            }
        }
        report.reRankedNDCG = best.ndcg
        report.bestStep = best.step
        guard best.step > 0, best.ndcg >= report.firstStageNDCG * (1 + minimumGain) else { return (nil, report) }
        reRanker.weights = best.weights
        return (reRanker, report)
    }

    /// Days each sampled list looks ahead: a window is cut into spans this long, a list drawn at each span's start.
    public var spanDays: Double = 14

    /// The lists at the start of each span of `window` of the people with a positive in it, without the
    /// postings they had applied to before (what the second stage re-orders).
    func sample(model: MatchModel, applicants: [Applicant], jobs: [Job], past: [Interaction], window: Range<Timestamp>) -> Sample {
        var sample = Sample()
        var start = window.lowerBound
        while start < window.upperBound {
            let end = min(window.upperBound, start.adding(days: spanDays))
            let part = span(model: model, applicants: applicants, jobs: jobs, past: past, window: start..<end)
            sample.rows += part.rows
            sample.gains += part.gains
            start = end
        }
        return sample
    }

    func span(model: MatchModel, applicants: [Applicant], jobs: [Job], past: [Interaction], window: Range<Timestamp>) -> Sample {
        let start = window.lowerBound
        let history = InteractionHistory(interactions: past, jobs: jobs, before: start)
        let open = jobs.filter { $0.isOpen(at: start) }
        let inside = past.filter { $0.at < window.upperBound }
        let queries = EvaluationQuery.heldOut(applicants: applicants, interactions: inside, candidates: Set(open.map(\.id)), split: start)
        let lists = Self.firstStage(model: model, candidates: open, applicants: queries.map(\.applicant), depth: depth, asOf: start, history: history)
        let features = PairFeatures(model: model, history: history).withHomes(applicants)
        var sample = Sample()
        for (q, whole) in zip(queries, lists) {
            let open = whole.indices.filter { !features.applied(q.applicant.id, whole[$0].job.id) }
            let gains = open.map { Float(q.gains[whole[$0].job.id] ?? 0) }
            guard gains.contains(where: { $0 > 0 }) else { continue }
            let rows = features.rows(applicant: q.applicant, list: whole)
            sample.rows.append(open.map { rows[$0] })
            sample.gains.append(gains)
        }
        return sample
    }

    /// The first-stage top `depth` of each person among `candidates` (the rules applied), with the jobs.
    public static func firstStage(model: MatchModel, candidates: [Job], applicants: [Applicant], depth: Int, asOf: Timestamp,
                                  history: InteractionHistory?) -> [[(job: Job, score: Float)]] {
        let index = JobIndex(model: model, jobs: candidates, history: history)
        return Matcher(index: index).topCandidates(applicants: applicants, m: depth, asOf: asOf).map { list in
            list.map { (job: index.jobs[$0.row], score: $0.score) }
        }
    }

    /// Quantile edges of each feature over the known values of the fit lists.
    func edges(_ sample: Sample) -> [[Float]] {
        let count = PairFeatures.names.count
        return (0..<count).map { f in
            let values = sample.rows.flatMap { $0.map { $0[f] } }.filter { $0 != PairFeatures.missing }.sorted()
            guard !values.isEmpty else { return [0] }
            var e: [Float] = []
            for q in 1..<bins { let x = values[values.count * q / bins]; if e.last != x { e.append(x) } }
            return e.isEmpty ? [values[0]] : e
        }
    }

    /// Mean nDCG@10 of the lists re-ordered by `reRanker` (over the positives inside the lists).
    func ndcg(_ sample: Sample, _ bins: [[[Int]]], _ reRanker: ReRanker) -> Double {
        var total = 0.0
        for (l, rows) in sample.rows.enumerated() {
            let scores = rows.indices.map { reRanker.score(row: rows[$0], bins: bins[l][$0]) }
            let order = rows.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            let gains = Dictionary(uniqueKeysWithValues: sample.gains[l].enumerated().map { ("\($0.offset)", Double($0.element)) })
            total += RankingMetrics.ndcg(ranked: order.map { "\($0)" }, gains: gains, k: 10)
        }
        return total / Double(max(1, sample.rows.count))
    }
}
