import CBLAS
import Foundation

/// Learns ``CollaborativeFactors`` from what people did before a cutoff (``InteractionHistory/behaviour``):
/// pairwise BPR with side features, LightFM-style — a person's factor is the sum of their tokens' factors
/// (``CollaborativeFactors/tokens(of:)-(Applicant)``), so is a posting's; each positive (a posting the person
/// acted on, weighted by how far they went) should outscore postings drawn at random among those
/// posted before the cutoff. Adagrad steps, L2 on the rows touched.
///
/// Deterministic for a seed: one thread, a fixed order of positives per epoch (shuffled by the seed), sorted tokens.
/// With a validation window, each epoch is scored by the AUC of the window's applications against postings
/// open at their time (scores for the whole window are one `cblas_sgemm`), and the best epoch is kept
/// (early stopping with patience).
public struct CollaborativeTrainer: Sendable {
    public var dimensions = 16
    public var maximumEpochs = 25
    public var patience = 3
    public var negativesPerPositive = 3
    public var learningRate: Float = 0.05
    public var regularization: Float = 1e-5
    public var seed: UInt64 = 20_261_130

    public init() {}

    public struct Result: Sendable {
        public var factors: CollaborativeFactors
        /// The epochs the factors were trained for (the best on validation, when there was one).
        public var epochs: Int
        /// Validation AUC after each epoch (empty without validation).
        public var validationAUC: [Double]
        public var positives: Int
    }

    /// Trains on the interactions before `cutoff`. `validation`: a later window whose positives pick the epoch
    /// count; nil trains `epochs ?? maximumEpochs` epochs.
    public func train(applicants: [Applicant], jobs: [Job], interactions: [Interaction], before cutoff: Timestamp,
                      validation: Range<Timestamp>? = nil, epochs fixed: Int? = nil) -> Result
    {
        let history = InteractionHistory(interactions: interactions, jobs: jobs, before: cutoff)
        let people = applicants.filter { history.behaviour[$0.id] != nil }.sorted { $0.id < $1.id }
        let pool = jobs.filter { $0.postedAt < cutoff }.sorted { $0.id < $1.id }
        var tokenSet = Set<String>()
        for a in people { tokenSet.formUnion(CollaborativeFactors.tokens(of: a)) }
        for j in pool {
            let t = CollaborativeFactors.tokens(of: j)
            tokenSet.formUnion(history.postings[j.id] == nil ? Array(t.dropFirst()) : t)
        }
        let tokens = tokenSet.sorted()
        let tokenRow = Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1, $0) })
        let personTokens = people.map { CollaborativeFactors.tokens(of: $0).compactMap { tokenRow[$0] } }
        let jobTokens = pool.map { CollaborativeFactors.tokens(of: $0).compactMap { tokenRow[$0] } }
        let jobRow = Dictionary(uniqueKeysWithValues: pool.enumerated().map { ($1.id, $0) })
        var positives: [(person: Int, job: Int, weight: Float)] = []
        for (p, a) in people.enumerated() {
            for (job, weight) in history.behaviour[a.id]! where weight > 0 {
                if let j = jobRow[job] { positives.append((p, j, weight)) }
            }
        }
        let d = dimensions
        var rng = SeededGenerator(seed: seed)
        var values = (0..<(tokens.count * d)).map { _ in Float(rng.nextUnit() - 0.5) * 0.1 }
        var accumulated = [Float](repeating: 1, count: values.count)
        guard !positives.isEmpty, !pool.isEmpty else {
            return Result(factors: CollaborativeFactors(dimensions: d, tokens: tokens, values: values), epochs: 0, validationAUC: [], positives: 0)
        }
        let check = validation.map { ValidationSet(window: $0, applicants: applicants, jobs: jobs, interactions: interactions, seed: seed) }
        var best = (auc: -1.0, values: values, epochs: 0)
        var aucs: [Double] = []
        var order = Array(positives.indices)
        var pu = [Float](repeating: 0, count: d), qp = pu, qn = pu, gradient = pu
        for epoch in 1...max(1, fixed ?? maximumEpochs) {
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            for index in order {
                let positive = positives[index]
                for _ in 0..<negativesPerPositive {
                    let negative = Int(rng.next() % UInt64(pool.count))
                    guard negative != positive.job else { continue }
                    sum(personTokens[positive.person], values, d, into: &pu)
                    sum(jobTokens[positive.job], values, d, into: &qp)
                    sum(jobTokens[negative], values, d, into: &qn)
                    var x: Float = 0
                    for k in 0..<d { x += pu[k] * (qp[k] - qn[k]) }
                    let g = positive.weight / (1 + exp(x))
                    for k in 0..<d { gradient[k] = g * (qp[k] - qn[k]) }
                    step(personTokens[positive.person], gradient, &values, &accumulated, d)
                    for k in 0..<d { gradient[k] = g * pu[k] }
                    step(jobTokens[positive.job], gradient, &values, &accumulated, d)
                    for k in 0..<d { gradient[k] = -g * pu[k] }
                    step(jobTokens[negative], gradient, &values, &accumulated, d)
                }
            }
            guard let check else { continue }
            let auc = check.auc(CollaborativeFactors(dimensions: d, tokens: tokens, values: values))
            aucs.append(auc)
            if auc > best.auc { best = (auc, values, epoch) } else if epoch - best.epochs >= patience { break }
        }
        if check != nil { values = best.values }
        let trained = check != nil ? best.epochs : max(1, fixed ?? maximumEpochs)
        return Result(factors: CollaborativeFactors(dimensions: d, tokens: tokens, values: values), epochs: trained,
                      validationAUC: aucs, positives: positives.count)
    }

    func sum(_ rows: [Int], _ values: [Float], _ d: Int, into out: inout [Float]) {
        for k in 0..<d { out[k] = 0 }
        for r in rows { for k in 0..<d { out[k] += values[r * d + k] } }
    }

    /// One Adagrad ascent step on each row, with L2.
    func step(_ rows: [Int], _ gradient: [Float], _ values: inout [Float], _ accumulated: inout [Float], _ d: Int) {
        for r in rows {
            for k in 0..<d {
                let i = r * d + k
                let g = gradient[k] - regularization * values[i]
                accumulated[i] += g * g
                values[i] += learningRate * g / accumulated[i].squareRoot()
            }
        }
    }
}

/// The applications of a later window, each against postings open at its time, for early stopping.
struct ValidationSet {
    let people: [Applicant]
    let jobs: [Job]
    /// (person row, positive job row, negative job rows).
    let cases: [(person: Int, positive: Int, negatives: [Int])]

    init(window: Range<Timestamp>, applicants: [Applicant], jobs all: [Job], interactions: [Interaction], seed: UInt64) {
        let byID = Dictionary(applicants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pool = all.filter { $0.postedAt < window.upperBound && $0.expiresAt > window.lowerBound }.sorted { $0.id < $1.id }
        let jobRow = Dictionary(uniqueKeysWithValues: pool.enumerated().map { ($1.id, $0) })
        var personRow: [String: Int] = [:]
        var people: [Applicant] = []
        var cases: [(person: Int, positive: Int, negatives: [Int])] = []
        var seen = Set<String>()
        var rng = SeededGenerator(seed: seed &+ 1)
        for i in interactions where window.contains(i.at) && i.event == .applied {
            guard let j = jobRow[i.job], let a = byID[i.applicant], seen.insert(i.applicant + "|" + i.job).inserted else { continue }
            var open: [Int] = []
            for _ in 0..<40 {
                let n = Int(rng.next() % UInt64(pool.count))
                if pool[n].postedAt <= i.at, i.at < pool[n].expiresAt, n != j { open.append(n) }
            }
            guard !open.isEmpty else { continue }
            let p: Int
            if let known = personRow[a.id] {
                p = known
            } else {
                p = people.count
                people.append(a)
                personRow[a.id] = p
            }
            cases.append((person: p, positive: j, negatives: open))
        }
        jobs = pool
        self.people = people
        self.cases = cases
    }

    /// Share of (positive, negative) comparisons the factors order correctly (ties count half).
    func auc(_ factors: CollaborativeFactors) -> Double {
        guard !cases.isEmpty else { return 0 }
        let d = factors.dimensions
        let u = people.flatMap { factors.factor(of: CollaborativeFactors.tokens(of: $0)) }
        let v = jobs.flatMap { factors.factor(of: CollaborativeFactors.tokens(of: $0)) }
        var scores = [Float](repeating: 0, count: people.count * jobs.count)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(people.count), Int32(jobs.count), Int32(d), 1, u, Int32(d), v, Int32(d),
                    0, &scores, Int32(jobs.count))
        var right = 0.0, total = 0.0
        for c in cases {
            let s = scores[c.person * jobs.count + c.positive]
            for n in c.negatives {
                let t = scores[c.person * jobs.count + n]
                right += s > t ? 1 : (s == t ? 0.5 : 0)
                total += 1
            }
        }
        return right / total
    }
}
