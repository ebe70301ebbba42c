/// The jobs as a matrix of weighted feature rows plus hard-rule columns: built once from a model and the
/// jobs, then shared read-only by every query. A value type: patching (``upsert(_:)``, ``remove(id:)``)
/// changes only the rows concerned, in place when the index is not shared.
public struct JobIndex: Sendable {
    public let extractor: FeatureExtractor
    /// The indexed jobs; row `i` of ``vectors`` and ``columns`` is `jobs[i]`.
    public private(set) var jobs: [Job]
    /// Row-major `jobs.count × dimension` matrix of weighted job vectors.
    public private(set) var vectors: [Float]
    public private(set) var columns: RuleColumns
    /// ``vectors`` in int8 with per-row error norms (what one applicant with a wide reach is scored on first).
    public private(set) var compact: CompactJobMatrix
    /// Per row, the norms and nonzero entries of the blocks an applicant's skills and certificates feed (what
    /// bounds a course's effect on the row's score, ``UnlockComputation``).
    public private(set) var skillBlocks: SkillBlockSummary
    /// Whether ``compact`` is kept (else it stays empty).
    private let keepsCompact: Bool
    /// `jobs[i].id`, kept beside the rows for tie-breaks.
    public private(set) var ids: [String]
    private var rowByID: [String: Int]

    public var model: MatchModel { extractor.model }
    public var dimension: Int { extractor.dimension }
    public var count: Int { jobs.count }

    /// Indexes `jobs` (later duplicates of an id replace earlier ones), extracting the vectors on all cores.
    /// `history`: the interactions before the as-of time, read by a hybrid model's history blocks (applicant and job rows).
    /// `compact`: also build ``compact`` (a quarter of the float32 bytes more); without it every query takes
    /// the float32 path (a night whose blocks are cut along the map gains nothing from it).
    public init(model: MatchModel, jobs: [Job], history: InteractionHistory? = nil, compact: Bool = true) {
        let extractor = FeatureExtractor(model: model, history: history)
        self.init(extractor: extractor, jobs: jobs, rows: jobs.concurrentMap { extractor.jobVector($0)[...] }, compact: compact)
    }

    /// Indexes `jobs` with their rows already extracted by `extractor` (`rows[i]` is `jobs[i]`'s).
    init(extractor: FeatureExtractor, jobs: [Job], rows: [ArraySlice<Float>], compact: Bool = true) {
        self.extractor = extractor
        self.jobs = []
        vectors = []
        columns = RuleColumns()
        self.compact = CompactJobMatrix(dimension: extractor.dimension)
        skillBlocks = SkillBlockSummary(layout: extractor.layout)
        keepsCompact = compact
        ids = []
        rowByID = [:]
        self.jobs.reserveCapacity(jobs.count)
        vectors.reserveCapacity(jobs.count * extractor.dimension)
        for (job, vector) in zip(jobs, rows) { upsert(job, vector: vector, compacting: false) }
        if compact { self.compact = CompactJobMatrix(vectors: vectors, dimension: dimension) }
    }

    /// Indexes `jobs` with the given rows instead of extracted ones (`vectors[i]` is `jobs[i]`'s; ids distinct):
    /// random matrices under the real rules, for tests.
    init(model: MatchModel, jobs: [Job], vectors: [[Float]]) {
        extractor = FeatureExtractor(model: model, history: nil)
        self.jobs = []
        self.vectors = []
        columns = RuleColumns()
        compact = CompactJobMatrix(dimension: extractor.dimension)
        skillBlocks = SkillBlockSummary(layout: extractor.layout)
        keepsCompact = true
        ids = []
        rowByID = [:]
        for (job, vector) in zip(jobs, vectors) { upsert(job, vector: vector[...]) }
    }

    /// The row of a job id.
    public func row(of id: String) -> Int? { rowByID[id] }

    /// Adds a job, or replaces the one with the same id.
    public mutating func upsert(_ job: Job) {
        upsert(job, vector: extractor.jobVector(job)[...])
    }

    /// Removes `removals`, then adds or replaces `upserts`, their vectors extracted on all cores.
    public mutating func patch(upserts: [Job], removals: [String]) {
        for id in removals { remove(id: id) }
        let extractor = extractor
        for (job, vector) in zip(upserts, upserts.concurrentMap { extractor.jobVector($0) }) { upsert(job, vector: vector[...]) }
    }

    /// `compacting`: keep ``compact`` in step (false only while the initializer builds it in one go at the end).
    private mutating func upsert(_ job: Job, vector: ArraySlice<Float>, compacting: Bool = true) {
        if let row = rowByID[job.id] {
            jobs[row] = job
            vectors.replaceSubrange(row * dimension..<(row + 1) * dimension, with: vector)
            columns.set(job, at: row)
            skillBlocks.set(row, vector)
            if compacting && keepsCompact { compact.set(row, vector) }
        } else {
            rowByID[job.id] = jobs.count
            jobs.append(job)
            ids.append(job.id)
            vectors += vector
            columns.append(job)
            skillBlocks.append(vector)
            if compacting && keepsCompact { compact.append(vector) }
        }
    }

    /// Removes a job by id (the last row moves into its place); false when it was not indexed.
    @discardableResult
    public mutating func remove(id: String) -> Bool {
        guard let row = rowByID.removeValue(forKey: id) else { return false }
        let last = jobs.count - 1
        if row != last {
            jobs[row] = jobs[last]
            ids[row] = ids[last]
            rowByID[jobs[row].id] = row
            for i in 0..<dimension { vectors[row * dimension + i] = vectors[last * dimension + i] }
        }
        jobs.removeLast()
        ids.removeLast()
        vectors.removeLast(dimension)
        columns.swapRemove(row)
        skillBlocks.swapRemove(row)
        if keepsCompact { compact.swapRemove(row) }
        return true
    }
}

/// Which jobs a query looks at, beyond the hard rules (the daemon's query parameters).
public struct JobFilter: Sendable, Hashable {
    /// Only these job types; nil for all.
    public var jobTypes: Set<JobType>?
    /// Only jobs carrying every one of these tags.
    public var tags: Set<JobTag>

    public init(jobTypes: Set<JobType>? = nil, tags: Set<JobTag> = []) {
        self.jobTypes = jobTypes
        self.tags = tags
    }

    /// No restriction.
    public static let all = JobFilter()

    var typeBits: UInt8 {
        guard let jobTypes else { return 0xFF }
        var bits: UInt8 = 0
        for (i, type) in JobType.allCases.enumerated() where jobTypes.contains(type) { bits |= 1 << UInt8(i) }
        return bits
    }

    var requiredTagBits: UInt8 {
        var bits: UInt8 = 0
        for (i, tag) in JobTag.allCases.enumerated() where tags.contains(tag) { bits |= 1 << UInt8(i) }
        return bits
    }
}

extension JobIndex {
    /// The jobs any applicant may see at `time` under `filter`: open (rule 1) and passing the filter.
    /// One byte per row, 1 for eligible.
    public func eligibility(at time: Timestamp, filter: JobFilter) -> [UInt8] {
        let t = time.secondsSince1970
        let types = filter.typeBits, tags = filter.requiredTagBits
        var out = [UInt8](repeating: 0, count: count)
        for row in 0..<count where columns.isOpen(row, at: t) {
            if types & (1 << columns.jobType[row]) == 0 { continue }
            if columns.tagBits[row] & tags != tags { continue }
            out[row] = 1
        }
        return out
    }
}
