import CBLAS

/// The per-block scores of training pairs: row `i` holds, for pair `i`, the block dot products of the
/// better job minus those of the worse job (``FeatureBlock/allCases`` order), so that the score difference
/// under weights `w` is `row · w`.
///
/// Applicant rows and unweighted job rows are extracted once each; the per-block dot products are `cblas_sdot`.
public struct BlockFeatureTable: Sendable {
    public static let blockCount = FeatureBlock.allCases.count
    /// Row-major `count × blockCount`.
    public var differences: [Float]
    public var weights: [Float]
    public var count: Int { weights.count }

    /// A table from given rows (`differences.count == weights.count × blockCount`).
    public init(differences: [Float], weights: [Float]) {
        precondition(differences.count == weights.count * Self.blockCount, "one row of block differences per weight")
        self.differences = differences
        self.weights = weights
    }

    public init(pairs: TrainingPairs, applicants: [Applicant], jobs: [Job], extractor: FeatureExtractor, asOf: Timestamp) {
        let d = extractor.dimension
        let ranges = FeatureBlock.allCases.map { extractor.layout[$0] }
        var applicantRows: [Int: [Float]] = [:]
        var jobRows: [Int: [Float]] = [:]
        let b = Self.blockCount
        var differences = [Float](repeating: 0, count: pairs.pairs.count * b)
        var weights: [Float] = []
        weights.reserveCapacity(pairs.pairs.count)
        for (i, pair) in pairs.pairs.enumerated() {
            if applicantRows[pair.applicant] == nil {
                applicantRows[pair.applicant] = extractor.applicantVector(applicants[pair.applicant], at: asOf)
            }
            for j in [pair.better, pair.worse] where jobRows[j] == nil { jobRows[j] = extractor.unweightedJobVector(jobs[j]) }
            let a = applicantRows[pair.applicant]!, good = jobRows[pair.better]!, bad = jobRows[pair.worse]!
            precondition(a.count == d)
            for (block, range) in ranges.enumerated() where !range.isEmpty {
                let n = Int32(range.count)
                let s = a.withUnsafeBufferPointer { ap in
                    good.withUnsafeBufferPointer { gp in
                        bad.withUnsafeBufferPointer { bp in
                            cblas_sdot(n, ap.baseAddress! + range.lowerBound, 1, gp.baseAddress! + range.lowerBound, 1)
                                - cblas_sdot(n, ap.baseAddress! + range.lowerBound, 1, bp.baseAddress! + range.lowerBound, 1)
                        }
                    }
                }
                differences[i * b + block] = s
            }
            weights.append(pair.weight)
        }
        self.differences = differences
        self.weights = weights
    }
}
