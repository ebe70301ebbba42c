/// Scores a block of applicants against a block of jobs: `scores[i, j] = applicants[i] · jobs[j]`.
///
/// Matrices are row-major with `dimension` columns; `scores` is `applicantCount × jobCount`, row-major.
public protocol ScoringKernel: Sendable {
    func score(
        applicants: UnsafePointer<Float>, applicantCount: Int,
        jobs: UnsafePointer<Float>, jobCount: Int,
        dimension: Int, scores: UnsafeMutablePointer<Float>
    )
}

/// The plain-Swift kernel: the reference the BLAS kernel is tested against.
public struct ReferenceKernel: ScoringKernel {
    public init() {}

    public func score(
        applicants: UnsafePointer<Float>, applicantCount: Int,
        jobs: UnsafePointer<Float>, jobCount: Int,
        dimension: Int, scores: UnsafeMutablePointer<Float>
    ) {
        for i in 0..<applicantCount {
            let a = applicants + i * dimension
            for j in 0..<jobCount {
                let b = jobs + j * dimension
                var sum: Float = 0
                for d in 0..<dimension { sum += a[d] * b[d] }
                scores[i * jobCount + j] = sum
            }
        }
    }
}
