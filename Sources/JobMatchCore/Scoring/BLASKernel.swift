import CBLAS
import Synchronization

/// The OpenBLAS kernel: one `cblas_sgemm` per block (`cblas_sgemv` for a single applicant).
public struct BLASKernel: ScoringKernel {
    /// OpenBLAS threads to use; set before each call so it is never left to chance.
    public let threads: Int

    public init(threads: Int = 1) {
        self.threads = max(1, threads)
    }

    public func score(
        applicants: UnsafePointer<Float>, applicantCount: Int,
        jobs: UnsafePointer<Float>, jobCount: Int,
        dimension: Int, scores: UnsafeMutablePointer<Float>
    ) {
        guard applicantCount > 0, jobCount > 0 else { return }
        BLASThreads.set(threads)
        let d = Int32(dimension)
        if applicantCount == 1 {
            // y = J · a: jobs is jobCount × dimension, row-major.
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(jobCount), d, 1, jobs, d, applicants, 1, 0, scores, 1)
        } else {
            // C = A · Jᵀ
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(applicantCount), Int32(jobCount), d,
                        1, applicants, d, jobs, d, 0, scores, Int32(jobCount))
        }
    }
}

/// OpenBLAS's global thread count, set only when it changes.
public enum BLASThreads {
    private static let current = Mutex(0)

    /// Sets the number of OpenBLAS threads (a process-wide setting).
    public static func set(_ threads: Int) {
        current.withLock { value in
            guard value != threads else { return }
            openblas_set_num_threads(Int32(threads))
            value = threads
        }
    }
}
