extension OutreachMember {
    /// Whether the posting at `row` (tie-break rank `rank`), scoring `score` for the member, would be in their top k:
    /// their other candidates with it put back in its place, ranked as ``Matcher/rank(market:publicWelfare:k:wishesPublicWelfare:)``
    /// ranks (market first unless the market is weak or public-welfare work is wished; then all by score), counted
    /// without building the list. A posting outside the collected lists (`listed` false, nearly every pair) is
    /// one comparison with a cut-off computed once per member; one in them takes ``entersListed``.
    @inline(__always)
    func enters(row: Int32, rank: Int32, score: Float, publicWelfare: Bool, listed: Bool, ranks: [Int32], k: Int,
                settings: MatcherConfiguration) -> Bool {
        if listed { return entersListed(row: row, rank: rank, score: score, publicWelfare: publicWelfare, ranks: ranks, k: k, settings: settings) }
        @inline(__always) func notBeaten(by cut: (Float, Int32)?) -> Bool {
            guard let cut else { return true }
            return !(cut.0 > score || (cut.0 == score && cut.1 < rank))
        }
        let weak: Bool
        if publicWelfare {
            weak = weakForWelfare
        } else {
            let marketCount = min(k + 1, marketRows.count + 1)
            let best = max(marketScores.first ?? -.infinity, score)
            weak = marketCount < min(k, settings.minimumMarketOptions) || best < settings.weakMarketScore
        }
        if weak || wishesPublicWelfare { return notBeaten(by: mergedCut) }
        return publicWelfare ? fallbackRoom > 0 && notBeaten(by: fallbackCut) : notBeaten(by: marketCut)
    }

    /// ``enters`` for a posting already in the collected lists: the lists without it, it put back with `score`.
    func entersListed(row: Int32, rank: Int32, score: Float, publicWelfare: Bool, ranks: [Int32], k: Int,
                      settings: MatcherConfiguration) -> Bool {
        @inline(__always) func better(_ other: Int32, _ s: Float) -> Bool {
            other != row && (s > score || (s == score && ranks[Int(other)] < rank))
        }
        var others = 0, first: Float?
        for (r, s) in zip(marketRows, marketScores) where r != row {
            if first == nil { first = s }
            others += 1
        }
        let marketCount = min(k + 1, others + (publicWelfare ? 0 : 1))
        let best = max(first ?? -.infinity, publicWelfare ? -.infinity : score)
        let weak = marketCount < min(k, settings.minimumMarketOptions) || best < settings.weakMarketScore
        let ahead = zip(marketRows, marketScores).reduce(0) { $0 + (better($1.0, $1.1) ? 1 : 0) }
        let aheadWelfare = zip(welfareRows, welfareScores).reduce(0) { $0 + (better($1.0, $1.1) ? 1 : 0) }
        if weak || wishesPublicWelfare { return ahead + aheadWelfare < k }
        return publicWelfare ? marketCount + aheadWelfare < k : ahead < k
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
