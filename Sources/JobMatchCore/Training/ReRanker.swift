import Foundation

/// The second stage: re-orders each person's first-stage top list (``PairFeatures``) by
/// `temperature × (score − top score) + Σ_f w_f[bin_f(x_f)]` — the first-stage score plus an additive
/// model over binned pair features (one weight per feature and bin, bin 0 for an unknown value), fitted by
/// ``ReRankerTrainer``. With all bin weights 0 it keeps the first-stage order.
public struct ReRanker: Sendable, Codable, Hashable {
    /// Per feature, the upper edges of bins 1…; a value above the last edge falls in the last bin.
    public var edges: [[Float]]
    /// Per feature, one weight per bin (bin 0: unknown).
    public var weights: [[Float]]
    /// Scale of the first-stage score difference.
    public var temperature: Float
    /// How deep the first-stage list it re-orders is.
    public var depth: Int

    /// The bin of a value of feature `f`.
    func bin(_ f: Int, _ x: Float) -> Int {
        if x == PairFeatures.missing { return 0 }
        let e = edges[f]
        var low = 0, high = e.count
        while low < high {
            let mid = (low + high) / 2
            if x <= e[mid] { high = mid } else { low = mid + 1 }
        }
        return 1 + min(low, e.count - 1)
    }

    /// The bins of one row.
    func bins(_ row: [Float]) -> [Int] { row.indices.map { bin($0, row[$0]) } }

    /// The second-stage score of a row with its bins.
    func score(row: [Float], bins: [Int]) -> Float {
        var s = temperature * row[0]
        for f in bins.indices { s += weights[f][bins[f]] }
        return s
    }

    /// Indices of `rows` (one list, best first), best first by the second-stage score (ties keep the first-stage order).
    public func order(rows: [[Float]]) -> [Int] {
        let scores = rows.map { score(row: $0, bins: bins($0)) }
        return rows.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    }

    /// Re-orders first-stage lists (best first) of `applicants` under `features`: the postings a person has not
    /// applied to are re-ordered among themselves; those they applied to keep their first-stage places.
    public func rerank(applicants: [Applicant], lists: [[(job: Job, score: Float)]], features: PairFeatures) -> [[String]] {
        let indices = Array(applicants.indices)
        return indices.concurrentMap { i in
            let list = lists[i], id = applicants[i].id
            let rows = features.rows(applicant: applicants[i], list: list)
            let open = list.indices.filter { !features.applied(id, list[$0].job.id) }
            let reordered = order(rows: open.map { rows[$0] }).map { open[$0] }
            var next = reordered.makeIterator()
            return list.indices.map { features.applied(id, list[$0].job.id) ? list[$0].job.id : list[next.next()!].job.id }
        }
    }
}
