extension InsightAnalyzer {
    /// What one change would do to one open posting (`id`) for one group: the group's members among `seekers`
    /// nearby the posting are scored, then the posting is rescored with each change. Nil when the posting is not
    /// in the index (not open at the as-of time).
    public func counterfactual(posting id: String, group: InsightGroup, seekers: [Applicant], asOf: Timestamp) -> PostingCounterfactual? {
        guard let row = matcher.index.row(of: id) else { return nil }
        let job = matcher.index.jobs[row]
        let members = seekers.filter { group.includes($0) && InsightGroup.isNearby($0, job, nearbyKm: configuration.nearbyKm) }
        var scored: [InsightMember] = []
        score(members, asOf: asOf) { scored.append($0) }
        return counterfactual(row: row, group: group, members: InsightMemberMap(scored, nearbyKm: configuration.nearbyKm), asOf: asOf)
    }

    /// The counterfactual of the posting at `row` over scored `members` (those nearby it are counted): in their top
    /// list now, and with each ``PostingChange`` applied to a copy of the posting, rescored (its new vector against
    /// theirs) and re-ranked with their other candidates under every hard rule.
    func counterfactual(row: Int, group: InsightGroup, members map: InsightMemberMap, asOf: Timestamp) -> PostingCounterfactual {
        let index = matcher.index
        let job = index.jobs[row]
        let d = index.dimension
        let base = Array(index.vectors[row * d..<(row + 1) * d])
        let variants = PostingChange.candidates(for: job).map { change -> (PostingChange, Job, [(Int, Float)]) in
            let changed = change.applied(to: job)
            let vector = index.extractor.jobVector(changed)
            let delta = (0..<d).compactMap { i in vector[i] != base[i] ? (i, vector[i] - base[i]) : nil }
            return (change, changed, delta)
        }
        var nearby = 0, now = 0
        var suits = [Int](repeating: 0, count: variants.count)
        let untouched: Set<HardRule> = [.age, .disability]
        for range in map.candidates(near: job) { for m in range {
            let member = map.members[m]
            let a = member.applicant
            guard InsightGroup.isNearby(a, job, nearbyKm: configuration.nearbyKm) else { continue }
            nearby += 1
            let broken = HardRules.violations(applicant: a, job: job, at: asOf)
            if broken.contains(where: { !untouched.contains($0) }) { continue }
            if member.top.contains(row) { now += 1 }
            let score = listedScore(member, row: row) ?? dot(member.vector, base)
            for (v, (_, changed, delta)) in variants.enumerated() {
                if !broken.isEmpty, !HardRules.allows(applicant: a, job: changed, at: asOf) { continue }
                var s = Double(score)
                for (i, x) in delta { s += Double(member.vector[i]) * Double(x) }
                if enters(member, row: row, score: Float(s), publicWelfare: job.jobType == .publicWelfare) { suits[v] += 1 }
            }
        } }
        return PostingCounterfactual(job: job, group: group, nearby: nearby, suitsNow: now,
                                     outcomes: zip(variants, suits).map { PostingCounterfactual.Outcome(change: $0.0.0, suits: $0.1, base: now) })
    }

    /// The posting's score in the member's collected lists, when it is there (the matcher's own number).
    func listedScore(_ member: InsightMember, row: Int) -> Float? {
        (member.market.first { $0.row == row } ?? member.welfare.first { $0.row == row })?.score
    }

    func dot(_ a: [Float], _ b: [Float]) -> Float {
        var sum: Double = 0
        for i in a.indices { sum += Double(a[i]) * Double(b[i]) }
        return Float(sum)
    }

    /// Whether the posting at `row`, scoring `score` for the member, would be in their top k: their other
    /// candidates with it put back in its place, ranked as ``Matcher/rank(market:publicWelfare:k:wishesPublicWelfare:)``
    /// ranks (market first unless the market is weak or public-welfare work is wished; then all by score), counted
    /// without building the list.
    func enters(_ member: InsightMember, row: Int, score: Float, publicWelfare: Bool) -> Bool {
        let ids = matcher.index.ids
        let id = ids[row]
        let k = max(1, configuration.k)
        @inline(__always) func better(_ other: (row: Int, score: Float)) -> Bool {
            other.row != row && (other.score > score || (other.score == score && ids[other.row] < id))
        }
        let wishes = member.applicant.preferences.jobTypes.contains(.publicWelfare)
        let settings = matcher.configuration
        // The market list as it would be: without the posting, and with it when it is a market job.
        let others = member.market.lazy.filter { $0.row != row }
        let marketCount = min(k + 1, others.count + (publicWelfare ? 0 : 1))
        let best = max(others.first?.score ?? -.infinity, publicWelfare ? -.infinity : score)
        let weak = marketCount < min(k, settings.minimumMarketOptions) || best < settings.weakMarketScore
        let ahead = member.market.reduce(0) { $0 + (better($1) ? 1 : 0) }
        let aheadWelfare = member.welfare.reduce(0) { $0 + (better($1) ? 1 : 0) }
        if weak || wishes { return ahead + aheadWelfare < k }
        return publicWelfare ? marketCount + aheadWelfare < k : ahead < k
    }
}
