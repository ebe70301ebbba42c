/// The parameters of outcome learning (stored in the trained model's training manifest).
public struct TrainingConfiguration: Codable, Sendable, Hashable {
    /// Weight of a rejected or declined job as the loser of a pair.
    public var explicitNegativeWeight: Float = 0.5
    /// Weight of a recommended, viewed or applied job with no response.
    public var silentNegativeWeight: Float = 0.3
    /// Random allowed open jobs drawn per positive as losers, and their weight.
    public var sampledNegatives: Int = 12
    public var sampledNegativeWeight: Float = 1
    /// Score differences are multiplied by this inside the logistic (weights sum to about 1, so scores are small).
    public var temperature: Float = 10
    /// L2 pull toward the starting (default) weights.
    public var regularization: Float = 0.02
    /// Also learn changes of single suitability affinities (trait × flag cells), with this L2 pull toward no change.
    public var learnSuitability = true
    public var cellRegularization: Float = 0.02
    /// Gradient steps (Adam) and step size.
    public var iterations: Int = 400
    public var learningRate: Float = 0.01
    /// Seed of negative sampling.
    public var seed: UInt64 = 20_261_130

    public init() {}

    enum CodingKeys: String, CodingKey {
        case explicitNegativeWeight = "explicit_negative_weight"
        case silentNegativeWeight = "silent_negative_weight"
        case sampledNegatives = "sampled_negatives"
        case sampledNegativeWeight = "sampled_negative_weight"
        case temperature, regularization, iterations
        case learnSuitability = "learn_suitability"
        case cellRegularization = "cell_regularization"
        case learningRate = "learning_rate"
        case seed
    }
}
