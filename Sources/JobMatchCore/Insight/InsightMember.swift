/// A scored seeker as the outreach counterfactual needs them: their vector and the matcher's collected lists
/// (market and public-welfare, `k + 1` deep), and the rows of their final top list.
public struct InsightMember: Sendable {
    public var applicant: Applicant
    var vector: [Float]
    var market: [(row: Int, score: Float)]
    var welfare: [(row: Int, score: Float)]
    /// Rows of the final top-k list (the matcher's ranking with the public-welfare fallback).
    public var top: [Int]
}
