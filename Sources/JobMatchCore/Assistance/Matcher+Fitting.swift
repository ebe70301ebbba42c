/// Every allowed posting a person's profile scores well on: what the plan's market reach and its unlock
/// computation count (not only the top k the lists keep).
extension Matcher {
    /// One profile's allowed postings scoring at least the minimum, best first (score, then id).
    public struct Fitting: Sendable {
        /// Market postings (every job type but `public_welfare`): rows of the index and exact scores.
        public var market: [(row: Int, score: Float)]
        /// Public-welfare posts, apart (they are the fallback).
        public var publicWelfare: [(row: Int, score: Float)]
        /// The best `top` allowed market postings whatever their score, best first (empty when `top` is 0).
        public var topMarket: [(row: Int, score: Float)] = []
    }

    /// For each profile, every posting open at `asOf` that no hard rule forbids (the same masks as the lists:
    /// ``RuleColumns/allows(_:_:)``, checked per profile) and that scores at least `minimumScore`. The
    /// profiles are scored together in blocks (one sgemm for all of them), over the chunks their commute
    /// limits leave. `sorted: false` leaves each list in row order (cheaper when everything allowed is asked for).
    /// `top` > 0 also keeps each profile's best `top` allowed market postings (``Fitting/topMarket``), in the same pass;
    /// `vectors` are the profiles' vectors when already extracted.
    public func fitting(applicants: [Applicant], asOf: Timestamp, minimumScore: Float, sorted: Bool = true, top: Int = 0,
                        vectors given: [[Float]]? = nil) -> [Fitting] {
        guard !applicants.isEmpty, index.count > 0 else {
            return applicants.map { _ in Fitting(market: [], publicWelfare: []) }
        }
        let d = index.dimension
        let vectors = given ?? applicantVectors(applicants, asOf: asOf)
        let profiles = applicants.map { ApplicantRuleProfile($0, at: asOf) }
        let eligible = index.eligibility(at: asOf, filter: .all)
        let ranges = planRanges(profiles: profiles, live: liveChunks(eligible: eligible))
        let n = applicants.count
        let blockJ = max(1, n == 1 ? configuration.singleApplicantJobBlock : configuration.jobBlock)
        let matrix = vectors.flatMap { $0 }
        var scores = [Float](repeating: 0, count: n * min(blockJ, index.count))
        var found = [Fitting](repeating: Fitting(market: [], publicWelfare: []), count: n)
        var tops = [TopKCollector](repeating: TopKCollector(capacity: max(1, top)), count: top > 0 ? n : 0)
        let columns = index.columns
        let ids = index.ids
        for range in ranges {
            for start in stride(from: range.lowerBound, to: range.upperBound, by: blockJ) {
                let bn = min(start + blockJ, range.upperBound) - start
                matrix.withUnsafeBufferPointer { a in
                    index.vectors.withUnsafeBufferPointer { j in
                        scores.withUnsafeMutableBufferPointer { c in
                            kernel.score(applicants: a.baseAddress!, applicantCount: n, jobs: j.baseAddress! + start * d,
                                         jobCount: bn, dimension: d, scores: c.baseAddress!)
                        }
                    }
                }
                for i in 0..<n {
                    for k in 0..<bn {
                        let score = scores[i * bn + k]
                        let keeps = score >= minimumScore
                        let ranks = top > 0 && score >= tops[i].threshold
                        guard keeps || ranks else { continue }
                        let row = start + k
                        guard eligible[row] != 0, columns.allows(profiles[i], row) else { continue }
                        if columns.publicWelfare[row] {
                            if keeps { found[i].publicWelfare.append((row, score)) }
                        } else {
                            if keeps { found[i].market.append((row, score)) }
                            if ranks { tops[i].offer(score: score, row: Int32(row), ids: ids) }
                        }
                    }
                }
            }
        }
        for i in tops.indices { found[i].topMarket = tops[i].sorted(ids: ids) }
        func order(_ x: (row: Int, score: Float), _ y: (row: Int, score: Float)) -> Bool {
            x.score > y.score || (x.score == y.score && ids[x.row] < ids[y.row])
        }
        for i in 0..<n where sorted {
            found[i].market.sort(by: order)
            found[i].publicWelfare.sort(by: order)
        }
        return found
    }
}
