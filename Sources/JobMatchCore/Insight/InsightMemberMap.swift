/// Scored members sorted by latitude, so that the people who may be nearby a posting are found by a binary search
/// on a band of latitude (as wide as the largest "nearby" limit any member has) instead of a scan of everyone.
struct InsightMemberMap: Sendable {
    let members: [InsightMember]
    /// Latitudes of `members[0..<located]`, ascending; the members after `located` have no location.
    let latitudes: [Double]
    let located: Int
    /// The widest nearby limit of any member, km.
    let widestKm: Double

    init(_ members: [InsightMember], nearbyKm: Double) {
        let withLocation = members.filter { $0.applicant.location != nil }.sorted { $0.applicant.location!.lat < $1.applicant.location!.lat }
        self.members = withLocation + members.filter { $0.applicant.location == nil }
        latitudes = withLocation.map { $0.applicant.location!.lat }
        located = withLocation.count
        widestKm = members.map { $0.applicant.preferences.maxCommuteKm ?? nearbyKm }.max() ?? nearbyKm
    }

    /// Indices into ``members`` of everyone who may be nearby `job` (a superset; ``InsightGroup/isNearby(_:_:nearbyKm:)`` decides).
    func candidates(near job: Job) -> [Range<Int>] {
        guard !job.isRemote, let point = job.location else { return [0..<members.count] }
        // 111.19 km per degree of latitude on the haversine's sphere; a margin for rounding.
        let band = widestKm / 111.0 + 0.01
        let low = firstIndex(atLeast: point.lat - band), high = firstIndex(atLeast: point.lat + band + 1e-9)
        return [low..<high, located..<members.count]
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
