/// Applicants (the daemon pools the seeking ones) as a matrix of feature rows, for reverse matching: built once, then patched like
/// ``JobIndex`` (``upsert(_:)``, ``remove(id:)``) so a candidate list does not extract every person's vector.
///
/// An applicant's vector depends on the as-of time only through the age in the year of that time, so a pool
/// serves every as-of time in its ``year``.
public struct ApplicantPool: Sendable {
    public private(set) var extractor: FeatureExtractor
    /// The calendar year (at the reference time's offset) the vectors were taken in.
    public let year: Int
    /// The time vectors are extracted at (any time in ``year``).
    public let referenceTime: Timestamp
    /// The pooled (seeking) applicants; row `i` of ``vectors`` is `applicants[i]`.
    public private(set) var applicants: [Applicant]
    /// Row-major `applicants.count × dimension` matrix of applicant vectors.
    public private(set) var vectors: [Float]
    /// `applicants[i].id`, for tie-breaks.
    public private(set) var ids: [String]
    private var rowByID: [String: Int]

    public var dimension: Int { extractor.dimension }
    public var count: Int { applicants.count }

    /// Pools `applicants` (later duplicates of an id replace earlier ones) with their vectors at `time`,
    /// extracted on all cores.
    public init(extractor: FeatureExtractor, applicants: [Applicant], at time: Timestamp) {
        self.extractor = extractor
        year = time.year
        referenceTime = time
        self.applicants = []
        vectors = []
        ids = []
        rowByID = [:]
        vectors.reserveCapacity(applicants.count * extractor.dimension)
        for (a, v) in zip(applicants, applicants.concurrentMap { extractor.applicantVector($0, at: time) }) { upsert(a, vector: v) }
    }

    /// The same people under another extractor (the same model with a newer history,
    /// ``FeatureExtractor/withHistory(_:)``): the vectors of `changed` people are extracted again, the others
    /// kept — right when only those people's history differs between the two extractors.
    public init(rebasing pool: ApplicantPool, extractor: FeatureExtractor, changed: Set<String>) {
        self = pool
        self.extractor = extractor
        patch(upserts: pool.applicants.filter { changed.contains($0.id) }, removals: [])
    }

    /// True when the pool's vectors are the ones at `time`.
    public func serves(_ time: Timestamp) -> Bool { time.year == year }

    /// The pooled vector of `applicant` when the pool holds exactly this record (nil when it holds another
    /// version, or none).
    public func vector(of applicant: Applicant) -> [Float]? {
        guard let row = rowByID[applicant.id], applicants[row] == applicant else { return nil }
        let d = dimension
        return Array(vectors[(row * d)..<((row + 1) * d)])
    }

    /// The pooled applicant with this id.
    public func applicant(id: String) -> Applicant? { rowByID[id].map { applicants[$0] } }

    /// Adds or replaces an applicant, extracting the vector at ``referenceTime``.
    public mutating func upsert(_ applicant: Applicant) {
        upsert(applicant, vector: extractor.applicantVector(applicant, at: referenceTime))
    }

    /// Removes `removals`, then adds or replaces `upserts`, their vectors extracted on all cores.
    public mutating func patch(upserts: [Applicant], removals: [String]) {
        for id in removals { remove(id: id) }
        let (extractor, time) = (extractor, referenceTime)
        for (a, v) in zip(upserts, upserts.concurrentMap { extractor.applicantVector($0, at: time) }) { upsert(a, vector: v) }
    }

    private mutating func upsert(_ applicant: Applicant, vector: [Float]) {
        if let row = rowByID[applicant.id] {
            applicants[row] = applicant
            vectors.replaceSubrange(row * dimension..<(row + 1) * dimension, with: vector)
        } else {
            rowByID[applicant.id] = applicants.count
            applicants.append(applicant)
            ids.append(applicant.id)
            vectors += vector
        }
    }

    /// Removes an applicant by id (the last row moves into its place); false when not pooled.
    @discardableResult
    public mutating func remove(id: String) -> Bool {
        guard let row = rowByID.removeValue(forKey: id) else { return false }
        let last = applicants.count - 1
        if row != last {
            applicants[row] = applicants[last]
            ids[row] = ids[last]
            rowByID[ids[row]] = row
            for i in 0..<dimension { vectors[row * dimension + i] = vectors[last * dimension + i] }
        }
        applicants.removeLast()
        ids.removeLast()
        vectors.removeLast(dimension)
        return true
    }
}
