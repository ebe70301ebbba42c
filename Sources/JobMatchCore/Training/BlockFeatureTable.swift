import CBLAS

/// The per-block scores of training pairs: row `i` holds, for pair `i`, the block dot products of the
/// better job minus those of the worse job (``FeatureBlock/allCases`` order), so that the score difference
/// under weights `w` is `row · w`.
///
/// With `suitabilityCells`, ``cellCount`` more columns follow the blocks, one per (applicant trait, job flag)
/// cell of the suitability matrix: `[trait of the applicant] × ([flag of better] − [flag of worse])`, so that
/// outcome learning can adjust single affinities (``SuitabilityAffinities``).
///
/// Applicant rows and unweighted job rows are extracted once each; the per-block dot products are `cblas_sdot`.
public struct BlockFeatureTable: Sendable {
    public static let blockCount = FeatureBlock.allCases.count
    /// Suitability cells, trait-major (``ApplicantTrait/allCases`` × ``JobSuitabilityFlag/allCases``).
    public static let cellCount = ApplicantTrait.allCases.count * JobSuitabilityFlag.allCases.count
    /// Row-major `count × columns`.
    public var differences: [Float]
    public var weights: [Float]
    /// Per pair, the row of its applicant in the arrays the pairs were built from (empty for a table made from given rows).
    public var pairApplicants: [Int] = []
    /// `blockCount`, or `blockCount + cellCount` with suitability cells.
    public let columns: Int
    public var count: Int { weights.count }
    public var hasCells: Bool { columns > Self.blockCount }

    /// A table from given rows (`differences.count == weights.count × columns`).
    public init(differences: [Float], weights: [Float], columns: Int = BlockFeatureTable.blockCount) {
        precondition(differences.count == weights.count * columns, "one row of differences per weight")
        self.differences = differences
        self.weights = weights
        self.columns = columns
    }

    public init(pairs: TrainingPairs, applicants: [Applicant], jobs: [Job], extractor: FeatureExtractor, asOf: Timestamp,
                suitabilityCells: Bool = false)
    {
        let d = extractor.dimension
        let ranges = FeatureBlock.allCases.map { extractor.layout[$0] }
        var applicantRows: [Int: [Float]] = [:]
        var jobRows: [Int: [Float]] = [:]
        let b = suitabilityCells ? Self.blockCount + Self.cellCount : Self.blockCount
        let flagCount = JobSuitabilityFlag.allCases.count
        var traits: [Int: [Int]] = [:]
        var flags: [Int: [Int]] = [:]
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
            if suitabilityCells {
                if traits[pair.applicant] == nil {
                    let set = ApplicantTrait.traits(of: applicants[pair.applicant], at: asOf, configuration: extractor.model.configuration)
                    traits[pair.applicant] = ApplicantTrait.allCases.indices.filter { set.contains(ApplicantTrait.allCases[$0]) }
                }
                for j in [pair.better, pair.worse] where flags[j] == nil {
                    let set = JobSuitabilityFlag.flags(of: jobs[j])
                    flags[j] = JobSuitabilityFlag.allCases.indices.filter { set.contains(JobSuitabilityFlag.allCases[$0]) }
                }
                for t in traits[pair.applicant]! {
                    let row = i * b + Self.blockCount + t * flagCount
                    for f in flags[pair.better]! { differences[row + f] += 1 }
                    for f in flags[pair.worse]! { differences[row + f] -= 1 }
                }
            }
            weights.append(pair.weight)
        }
        self.differences = differences
        self.weights = weights
        pairApplicants = pairs.pairs.map(\.applicant)
        columns = b
    }
}
