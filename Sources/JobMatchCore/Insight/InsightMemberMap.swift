/// Scored members sorted by latitude, so that the people who may be nearby a posting are found by a binary search
/// on a band of latitude (as wide as the largest "nearby" limit any member has) instead of a scan of everyone; their
/// vectors in the same order as one row-major matrix, so that a block of postings is scored against a band in one sgemm.
struct InsightMemberMap: Sendable {
    let members: [OutreachMember]
    /// `members.count × dimension`, row-major, in the order of ``members``.
    let vectors: [Float]
    let dimension: Int
    /// Each posting row's tie-break rank (``OutreachCollector/ranks``).
    let ranks: [Int32]
    /// The members' collected lists and top lists, flat (``OutreachMember/offset``, ``OutreachMember/topOffset``).
    let listRows: [Int32], listScores: [Float], topRows: [Int32]
    /// Home district codes to ``OutreachMember/district``.
    let districts: [String: Int32]
    /// Latitudes of `members[0..<located]`, ascending; the members after `located` have no location.
    let latitudes: [Double]
    let located: Int
    /// The widest nearby limit of any member, km.
    let widestKm: Double

    /// `members[i]`'s vector is `vectors[i * dimension ..< (i + 1) * dimension]`.
    init(_ members: [OutreachMember], vectors: [Float], dimension: Int, listRows: [Int32], listScores: [Float], topRows: [Int32],
         districts: [String: Int32], ranks: [Int32], nearbyKm: Double) {
        let order = members.indices.filter { members[$0].location != nil }.sorted { members[$0].location!.lat < members[$1].location!.lat }
            + members.indices.filter { members[$0].location == nil }
        self.members = order.map { members[$0] }
        var sorted = [Float](repeating: 0, count: order.count * dimension)
        for (i, m) in order.enumerated() {
            sorted.replaceSubrange(i * dimension..<(i + 1) * dimension, with: vectors[m * dimension..<(m + 1) * dimension])
        }
        self.vectors = sorted
        self.dimension = dimension
        self.ranks = ranks
        self.listRows = listRows
        self.listScores = listScores
        self.topRows = topRows
        self.districts = districts
        located = members.lazy.filter { $0.location != nil }.count
        latitudes = self.members.prefix(located).map { $0.location!.lat }
        widestKm = members.map(\.nearbyLimitKm).max() ?? nearbyKm
    }

    /// Indices into ``members`` of everyone who may be nearby `job` (a superset; ``OutreachMember/isNearby(remote:work:unit:district:)`` decides).
    func candidates(near job: Job) -> [Range<Int>] {
        guard !job.isRemote, let point = job.location else { return [0..<members.count] }
        // 111.19 km per degree of latitude on the haversine's sphere; a margin for rounding.
        let band = widestKm / 111.0 + 0.01
        let low = firstIndex(atLeast: point.lat - band), high = firstIndex(atLeast: point.lat + band + 1e-9)
        return [low..<high, located..<members.count].filter { !$0.isEmpty }
    }

    private func firstIndex(atLeast value: Double) -> Int {
        var lo = 0, hi = latitudes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if latitudes[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
