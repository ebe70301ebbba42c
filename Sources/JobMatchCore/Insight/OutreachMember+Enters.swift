extension OutreachMember {
    /// Whether a posting outside the member's collected lists (nearly every pair), tie-break rank `rank`, scoring
    /// `score` for the member, would be in their top k, ranked as ``Matcher/rank(market:publicWelfare:k:wishesPublicWelfare:)``
    /// ranks (market first unless the market is weak or public-welfare work is wished; then all by score): one
    /// comparison with a cut-off computed once per member. A posting in the lists takes ``entersListed``.
    @inline(__always)
    func enters(rank: Int32, score: Float, publicWelfare: Bool, k: Int, settings: MatcherConfiguration) -> Bool {
        @inline(__always) func notBeaten(by cut: (Float, Int32)) -> Bool {
            cut.1 < 0 || !(cut.0 > score || (cut.0 == score && cut.1 < rank))
        }
        let weak: Bool
        if publicWelfare {
            weak = weakForWelfare
        } else {
            let kept = min(k + 1, Int(marketCount) + 1)
            weak = kept < min(k, settings.minimumMarketOptions) || max(bestMarket, score) < settings.weakMarketScore
        }
        if weak || wishesPublicWelfare { return notBeaten(by: mergedCut) }
        return publicWelfare ? fallbackRoom > 0 && notBeaten(by: fallbackCut) : notBeaten(by: marketCut)
    }

    /// ``enters(rank:score:publicWelfare:k:settings:)`` for the posting at `row`, already in the collected lists
    /// (`rows` / `scores`: the map's flat arrays): the lists without it, it put back with `score`.
    func entersListed(row: Int32, rank: Int32, score: Float, publicWelfare: Bool, rows: UnsafePointer<Int32>, scores: UnsafePointer<Float>,
                      ranks: UnsafePointer<Int32>, k: Int, settings: MatcherConfiguration) -> Bool {
        @inline(__always) func better(_ i: Int) -> Bool {
            rows[i] != row && (scores[i] > score || (scores[i] == score && ranks[Int(rows[i])] < rank))
        }
        let market = Int(offset)..<Int(offset + marketCount), welfare = market.upperBound..<market.upperBound + Int(welfareCount)
        let others = market.filter { rows[$0] != row }
        let kept = min(k + 1, others.count + (publicWelfare ? 0 : 1))
        let best = max(others.first.map { scores[$0] } ?? -.infinity, publicWelfare ? -.infinity : score)
        let weak = kept < min(k, settings.minimumMarketOptions) || best < settings.weakMarketScore
        let ahead = market.filter(better).count
        let aheadWelfare = welfare.filter(better).count
        if weak || wishesPublicWelfare { return ahead + aheadWelfare < k }
        return publicWelfare ? kept + aheadWelfare < k : ahead < k
    }
}

extension RuleColumns {
    /// True when job `row` breaks a rule for the applicant that no ``PostingChange`` can lift: education, public
    /// welfare, commute or capacity (rule 1 is checked per job).
    @inline(__always)
    func breaksUnchangeableRule(_ p: ApplicantRuleProfile, _ row: Int) -> Bool {
        if educationMin[row] > p.educationRank { return true }
        if publicWelfare[row] && !p.publicWelfareEligible { return true }
        if let limit = p.capacityLimit, hoursPerWeek[row] > limit { return true }
        if let commute = p.commute, commutable[row], !withinCommute(commute, row) { return true }
        return false
    }

    /// True when the age and disability rules allow job `row` for the applicant (the rules a change can lift).
    @inline(__always)
    func allowsAgeAndDisability(_ p: ApplicantRuleProfile, _ row: Int) -> Bool {
        if p.age < ageMin[row] || p.age > ageMax[row] { return false }
        if p.hasDisabilityRule {
            for c in 0..<6 where disabilityLevels[6 * row + c] >= p.disabilityThresholds[c] { return false }
        }
        return true
    }
}
