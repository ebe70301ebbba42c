/// How the matcher runs: block sizes, threads, kernel, and the public-welfare fallback policy.
public struct MatcherConfiguration: Sendable, Hashable {
    /// Applicants per block (rows of one sgemm).
    public var applicantBlock: Int = 1024
    /// Jobs per block (columns of one sgemm).
    public var jobBlock: Int = 4096
    /// Jobs per block when scoring a single applicant (one sgemv).
    public var singleApplicantJobBlock: Int = 65_536
    /// OpenBLAS threads of one call: one applicant's sgemv, or a whole block's sgemm when `blockThreads` is 1.
    public var blasThreads: Int = 1
    /// Workers that each score (single-threaded OpenBLAS) and scan their own slice of a block's applicants.
    /// Better than more OpenBLAS threads on few cores: no worker idles (or spins) while another scans.
    public var blockThreads: Int = 1
    /// Use the plain-Swift reference kernel instead of OpenBLAS (tests, parity checks).
    public var useReferenceKernel: Bool = false
    /// Skip chunks of the job matrix that the commute rule or the per-query filter excludes for every
    /// applicant of a block (the lists are the same either way; off only to check that).
    public var skipsExcludedChunks: Bool = true
    /// Blocks of at most this many applicants (the daemon's coalesced requests) score people alone whose
    /// own reach is under half of the block's; larger blocks (the batch, in map order) always score together.
    public var splitBlocksUpTo: Int = 64
    /// Score one applicant (or a small block's people together) over the int8 compact matrix, then rescore the few rows that could enter
    /// exactly (``JobIndex/compact``); the lists are the same as the float32 path's. Off to compare.
    public var usesCompactMatrix: Bool = true
    /// … when that applicant may reach at least this many job rows (fewer: the float32 sgemv is as fast).
    public var compactFromRows: Int = 4096
    /// In a block of at most this many people (the daemon's coalesced requests: its largest batch), everyone
    /// reaching that many rows is scored on the compact matrix, the block's people together piece by piece (each piece read once
    /// for all of them), instead of by one float32 sgemm over their reach; larger blocks (the batch's, cut
    /// along the map) take the float32 path.
    public var compactBlockUpTo: Int = 256
    /// Score larger blocks (the batch, many coalesced requests) on the compact matrix too: per chunk of rows, one
    /// int8 kernel call for every member who may reach it, then the float32 rescoring of the rows that could enter
    /// (``Matcher/compactBlock(_:vectors:profiles:eligible:live:capacity:)``); the lists are the same. Off to compare.
    public var usesCompactBlocks: Bool = true
    /// … only on a CPU whose compact kernel variant is at least this (2: AVX-512 VNNI; below it the float32
    /// sgemm is faster; tests set 0 to run every variant).
    public var compactBlocksFromISA: Int = 2
    /// … for groups of at least this many people (each chunk's codes are repacked once per call, worth it for many).
    public var compactBlocksFrom: Int = 16
    /// Rows per compact kernel call for one person (bounds of a piece are written to a scratch buffer, then scanned).
    public var compactPieceRows: Int = 16_384
    /// Rows per piece when several people share a compact pass: small enough (256 KB of codes at d = 256) to be
    /// read from memory once and from cache for every other person of the block.
    public var compactBlockPieceRows: Int = 1024
    /// The best compact kernel variant to use: 2 AVX-512 VNNI, 1 AVX2, 0 portable (tests force each).
    public var compactKernelLimit: Int = 2
    /// Market options are weak when the best allowed market job scores below this …
    public var weakMarketScore: Float = 0.30
    /// … or when fewer allowed market jobs than this exist (capped at k).
    public var minimumMarketOptions: Int = 3

    public init() {}
}

/// One candidate job for an applicant, before explanations: the job's row in the index and its score.
public struct ScoredJob: Sendable, Hashable {
    public var row: Int
    public var job: String
    public var score: Float
    /// A public-welfare post offered because the market options are weak.
    public var isFallback: Bool

    public init(row: Int, job: String, score: Float, isFallback: Bool) {
        self.row = row
        self.job = job
        self.score = score
        self.isFallback = isFallback
    }
}
