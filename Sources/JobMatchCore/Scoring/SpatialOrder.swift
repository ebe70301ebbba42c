/// Orders jobs and applicants along a Hilbert curve over latitude and longitude, so that rows next to
/// each other in the job matrix (and applicants scored in one block) lie close together on the map.
/// The order changes no result; it only lets the commute rule skip whole chunks of the matrix
/// (``RuleColumns/chunkMayAllow(_:_:)``), which works best when each chunk covers a small area.
public enum SpatialOrder {
    /// Bits per axis of the Hilbert grid: 65,536 steps of about 0.0055° (600 m of latitude).
    static let bits = 16

    /// The Hilbert-curve index of a point on a 2¹⁶ × 2¹⁶ grid over the whole globe.
    public static func key(_ p: GeoPoint) -> UInt64 {
        let side = UInt64(1) << UInt64(bits)
        func cell(_ value: Double, _ low: Double, _ high: Double) -> UInt64 {
            guard value.isFinite else { return 0 }
            let t = (value - low) / (high - low)
            return UInt64(max(0, min(Double(side - 1), (t * Double(side)).rounded(.down))))
        }
        var x = cell(p.lng, -180, 180), y = cell(p.lat, -90, 90)
        var d: UInt64 = 0
        var s = side / 2
        while s > 0 {
            let rx: UInt64 = (x & s) > 0 ? 1 : 0
            let ry: UInt64 = (y & s) > 0 ? 1 : 0
            d += s * s * ((3 * rx) ^ ry)
            // Rotate the quadrant so the curve stays continuous.
            if ry == 0 {
                if rx == 1 {
                    x = side - 1 - x
                    y = side - 1 - y
                }
                swap(&x, &y)
            }
            s /= 2
        }
        return d
    }

    /// `jobs` in matrix order for ``JobIndex``: jobs the commute rule can apply to (a known place, not
    /// remote) along the curve, then the others; ties by id. The same set of jobs always gives the same order.
    public static func jobs(_ jobs: [Job]) -> [Job] {
        let keyed = jobs.map { job -> (group: Int, key: UInt64, job: Job) in
            if !job.isRemote, let place = job.location { return (0, key(place), job) }
            return (1, 0, job)
        }
        return keyed.sorted {
            ($0.group, $0.key) != ($1.group, $1.key) ? ($0.group, $0.key) < ($1.group, $1.key) : $0.job.id < $1.job.id
        }.map(\.job)
    }

    /// `applicants` in scoring order at `time` (see ``applicantOrder(_:)``), so that chunks of them cut
    /// in this order (the batch's checkpoint chunks) each live in one part of the city.
    public static func applicants(_ applicants: [Applicant], at time: Timestamp) -> [Applicant] {
        applicantOrder(applicants.map { ApplicantRuleProfile($0, at: time) }).map { applicants[$0] }
    }

    /// The order in which to score `profiles` (indices into it): people with a commute limit along the
    /// curve of their homes, then everyone else; ties by position.
    static func applicantOrder(_ profiles: [ApplicantRuleProfile]) -> [Int] {
        let keyed = profiles.enumerated().map { i, p -> (group: Int, key: UInt64, i: Int) in
            if let commute = p.commute, !commute.unlimited { return (0, key(commute.home), i) }
            return (1, 0, i)
        }
        return keyed.sorted { ($0.group, $0.key, $0.i) < ($1.group, $1.key, $1.i) }.map(\.i)
    }
}
