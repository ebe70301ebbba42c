import CBLAS
import Foundation

/// Fits ``BlockWeights`` to outcome pairs with a weighted pairwise logistic loss (RankNet), pulled toward
/// the starting weights by an L2 term so that a little data moves them only a little:
///
/// `L(w) = Σ cᵢ log(1 + exp(−τ dᵢ·w)) / Σ cᵢ + λ ‖w − w₀‖²`
///
/// Margins `D w` and the gradient `Dᵀ g` are `cblas_sgemv` over the pair × block matrix; Adam steps.
/// The result is rescaled so its weights sum like the start's (the public-welfare fallback threshold is
/// on the score scale), which does not change any ranking.
public struct BlockWeightTrainer: Sendable {
    public var configuration: TrainingConfiguration

    public init(configuration: TrainingConfiguration = TrainingConfiguration()) { self.configuration = configuration }

    /// What training reports.
    public struct Result: Sendable, Hashable {
        public var weights: BlockWeights
        /// The learned change of each suitability cell's affinity (empty without cells), trait-major.
        public var affinityChanges: [Float] = []
        public var pairs: Int
        public var initialLoss: Double
        public var finalLoss: Double
        /// Weighted share of pairs ordered correctly, before and after.
        public var initialAccuracy: Double
        public var finalAccuracy: Double
        /// With a validation table: its loss (no penalty) at the start and at the kept step, and that step.
        public var validationInitialLoss: Double? = nil
        public var validationBestLoss: Double? = nil
        public var bestStep: Int? = nil
    }

    /// Fits the weights from `start`. With `validation` (pairs from a later time window, same columns), the
    /// loss on it is checked every 10 steps and the weights of the best check are kept (early stopping).
    ///
    /// With `groups` (``WorstGroup``: row sets of the fit and of the check table, e.g. the fairness groups'
    /// pairs) and a weight ρ > 0, the objective on both becomes `L + ρ maxₘ Lₘ`: the overall loss plus ρ times
    /// the loss of the group it fits worst at that step (its subgradient), so that neither the fit nor the
    /// step kept can trade the worst-served group away for the others.
    public func train(table: BlockFeatureTable, start: BlockWeights, validation: BlockFeatureTable? = nil,
                      groups: WorstGroup? = nil) -> Result
    {
        let b = table.columns
        let blocks = BlockFeatureTable.blockCount
        let n = table.count
        let w0 = start.values + [Float](repeating: 0, count: b - blocks)
        guard n > 0, b >= blocks else {
            return Result(weights: start, pairs: 0, initialLoss: 0, finalLoss: 0, initialAccuracy: 0, finalAccuracy: 0)
        }
        BLASThreads.set(1)
        let totalWeight = table.weights.reduce(0, +)
        var w = w0
        var margins = [Float](repeating: 0, count: n)
        var coefficients = [Float](repeating: 0, count: n)
        var gradient = [Float](repeating: 0, count: b)
        var rowLoss = [Double](repeating: 0, count: n)
        var m = [Float](repeating: 0, count: b), v = [Float](repeating: 0, count: b)
        let tau = configuration.temperature
        let lambdas = (0..<b).map { $0 < blocks ? configuration.regularization : configuration.cellRegularization }
        let (beta1, beta2, epsilon): (Float, Float, Float) = (0.9, 0.999, 1e-8)

        func evaluate(_ w: [Float], gradientInto gradient: inout [Float]) -> (loss: Double, accuracy: Double) {
            table.differences.withUnsafeBufferPointer { d in
                cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(b), 1, d.baseAddress!, Int32(b), w, 1, 0, &margins, 1)
            }
            var loss = 0.0, correct = 0.0
            for i in 0..<n {
                let z = tau * margins[i]
                let c = table.weights[i]
                // log(1 + e^{−z}), stable; derivative −σ(−z).
                let l = z > 0 ? Double(log1p(exp(-z))) : Double(-z + log1p(exp(z)))
                rowLoss[i] = l
                loss += Double(c) * l
                coefficients[i] = -c * tau / (1 + exp(z)) / totalWeight
                if margins[i] > 0 { correct += Double(c) }
            }
            var worst = 0.0
            if let groups, groups.weight > 0, let g = Self.worst(groups.fit, rowLoss, table.weights) {
                worst = g.loss
                let scale = groups.weight / Float(g.total)
                for i in groups.fit[g.index] {
                    let z = tau * margins[i]
                    coefficients[i] += -table.weights[i] * tau / (1 + exp(z)) * scale
                }
            }
            table.differences.withUnsafeBufferPointer { d in
                cblas_sgemv(CblasRowMajor, CblasTrans, Int32(n), Int32(b), 1, d.baseAddress!, Int32(b), coefficients, 1, 0, &gradient, 1)
            }
            var penalty = 0.0
            for k in 0..<b {
                let delta = w[k] - w0[k]
                penalty += Double(lambdas[k] * delta * delta)
                gradient[k] += 2 * lambdas[k] * delta
            }
            return (loss / Double(totalWeight) + Double(groups?.weight ?? 0) * worst + penalty, correct / Double(totalWeight))
        }

        /// Weighted logistic loss on the validation pairs (no penalty).
        func validationLoss(_ w: [Float]) -> Double {
            guard let validation, validation.count > 0, validation.columns == b else { return 0 }
            var margins = [Float](repeating: 0, count: validation.count)
            validation.differences.withUnsafeBufferPointer { d in
                cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(validation.count), Int32(b), 1, d.baseAddress!, Int32(b), w, 1, 0, &margins, 1)
            }
            var loss = 0.0, total = 0.0
            var losses = [Double](repeating: 0, count: validation.count)
            for i in 0..<validation.count {
                let z = tau * margins[i], c = Double(validation.weights[i])
                losses[i] = z > 0 ? Double(log1p(exp(-z))) : Double(-z + log1p(exp(z)))
                loss += c * losses[i]
                total += c
            }
            var worst = 0.0
            if let groups, groups.weight > 0, let g = Self.worst(groups.validation, losses, validation.weights) { worst = g.loss }
            return loss / max(total, 1e-9) + Double(groups?.weight ?? 0) * worst
        }
        let checking = validation.map { $0.count > 0 && $0.columns == b } ?? false
        let initialValidation = checking ? validationLoss(w) : 0
        var best = (loss: initialValidation, w: w, step: 0)

        let initial = evaluate(w, gradientInto: &gradient)
        for step in 1...max(1, configuration.iterations) {
            _ = evaluate(w, gradientInto: &gradient)
            let t = Float(step)
            for k in 0..<b {
                m[k] = beta1 * m[k] + (1 - beta1) * gradient[k]
                v[k] = beta2 * v[k] + (1 - beta2) * gradient[k] * gradient[k]
                let mHat = m[k] / (1 - pow(beta1, t)), vHat = v[k] / (1 - pow(beta2, t))
                w[k] -= configuration.learningRate * mHat / (vHat.squareRoot() + epsilon)
            }
            if checking, step % 10 == 0 {
                let loss = validationLoss(w)
                if loss < best.loss { best = (loss, w, step) }
            }
        }
        if checking { w = best.w }
        let final = evaluate(w, gradientInto: &gradient)
        // Cell changes in affinity units: w_suitability × (A + Δ) = w_suitability × A + θ, so Δ = θ / w_suitability.
        let suitability = FeatureBlock.allCases.firstIndex(of: .suitability)!
        w[suitability] = max(w[suitability], 0.01)
        let changes = w[blocks...].map { $0 / w[suitability] }
        var blockValues = Array(w[..<blocks])
        let startSum = start.values.reduce(0, +), sum = blockValues.reduce(0, +)
        if sum > 0, startSum > 0 { blockValues = blockValues.map { $0 * startSum / sum } }
        return Result(weights: BlockWeights(values: blockValues), affinityChanges: Array(changes), pairs: n,
                      initialLoss: initial.loss, finalLoss: final.loss,
                      initialAccuracy: initial.accuracy, finalAccuracy: final.accuracy,
                      validationInitialLoss: checking ? initialValidation : nil, validationBestLoss: checking ? best.loss : nil,
                      bestStep: checking ? best.step : nil)
    }

    /// Row sets of the pairs of each group in the fit table and in the check table (the same groups in the same
    /// order; a group may be empty in one of them), and the weight ρ of the worst group's loss.
    public struct WorstGroup: Sendable {
        public var fit: [[Int]]
        public var validation: [[Int]]
        public var weight: Float

        public init(fit: [[Int]], validation: [[Int]], weight: Float) {
            self.fit = fit
            self.validation = validation
            self.weight = weight
        }
    }

    /// The group with the highest weighted mean loss (nil when no group has rows): its index, loss and total weight.
    static func worst(_ groups: [[Int]], _ losses: [Double], _ weights: [Float]) -> (index: Int, loss: Double, total: Double)? {
        var best: (index: Int, loss: Double, total: Double)?
        for (g, rows) in groups.enumerated() where !rows.isEmpty {
            var loss = 0.0, total = 0.0
            for i in rows {
                loss += Double(weights[i]) * losses[i]
                total += Double(weights[i])
            }
            guard total > 0 else { continue }
            if best == nil || loss / total > best!.loss { best = (g, loss / total, total) }
        }
        return best
    }
}
