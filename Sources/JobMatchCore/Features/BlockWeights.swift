/// One plain weight per feature block; the score is `Σ weight(block) × (applicant block · job block)`.
///
/// Kept as a plain vector so that outcome learning (issue 7) can fit it from per-block scores
/// (``FeatureExtractor/blockScores(applicant:job:)``).
public struct BlockWeights: Codable, Sendable, Hashable {
    /// Weights in ``FeatureBlock/allCases`` order.
    public var values: [Float]

    public init(values: [Float]) {
        precondition(values.count == FeatureBlock.allCases.count, "one weight per block")
        self.values = values
    }

    public subscript(block: FeatureBlock) -> Float {
        get { values[FeatureBlock.allCases.firstIndex(of: block)!] }
        set { values[FeatureBlock.allCases.firstIndex(of: block)!] = newValue }
    }

    /// Hand-set defaults that sum to 1, so a perfect match on every block scores about 1.
    public static let standard: BlockWeights = {
        let table: [FeatureBlock: Float] = [
            .text: 0.20, .skills: 0.20, .occupation: 0.12, .location: 0.14, .jobType: 0.06, .schedule: 0.05,
            .wage: 0.07, .hours: 0.03, .education: 0.02, .suitability: 0.08, .certificates: 0.03,
        ]
        return BlockWeights(values: FeatureBlock.allCases.map { table[$0] ?? 0 })
    }()

    private enum CodingKeys: String, CodingKey { case blocks, values }

    /// Written with block names beside the values so the file can be read by people.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(FeatureBlock.allCases.map(\.rawValue), forKey: .blocks)
        try container.encode(values, forKey: .values)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let blocks = try container.decode([String].self, forKey: .blocks)
        let values = try container.decode([Float].self, forKey: .values)
        var result = BlockWeights.standard
        for (name, value) in zip(blocks, values) {
            guard let block = FeatureBlock(rawValue: name) else {
                throw DecodingError.dataCorruptedError(forKey: .blocks, in: container, debugDescription: "unknown block \(name)")
            }
            result[block] = value
        }
        self = result
    }
}
