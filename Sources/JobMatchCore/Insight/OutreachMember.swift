import Foundation

/// A scored member as the outreach counterfactual keeps them, without their record and without references (so the
/// pair loop copies it for free): the hard-rule profile, where they live and how far is nearby for them, where
/// their collected lists (`k + 1` deep, best first) and top list lie in the map's flat arrays, and the cut-offs of
/// ``enters(row:rank:score:publicWelfare:k:settings:)`` computed once. The vector lives in ``InsightMemberMap/vectors``.
struct OutreachMember: Sendable {
    let profile: ApplicantRuleProfile
    let location: GeoPoint?
    /// Index of the home district in ``InsightMemberMap/districts``.
    let district: Int32
    /// "Nearby" for them: `max_commute_km`, else the configured `nearbyKm`.
    let nearbyLimitKm: Double
    /// Unit vector of home and squared-chord bounds outside which the nearby test is sure (as the commute rule's).
    let unit: SIMD3<Double>
    let sureWithin: Double
    let sureBeyond: Double
    let wishesPublicWelfare: Bool
    /// `lists[offset ..< offset + marketCount]` the market list, then `welfareCount` public-welfare entries
    /// (rows in ``InsightMemberMap/listRows``, scores in ``InsightMemberMap/listScores``); the top list's rows at
    /// `topRows[topOffset ..< topOffset + topCount]`.
    let offset: Int32, marketCount: Int32, welfareCount: Int32
    let topOffset: Int32, topCount: Int32
    /// The best market score (−∞ when the market list is empty).
    let bestMarket: Float
    /// Cut-offs as (score, id rank) of: the market list's k-th, the k-th of both lists merged, and the welfare
    /// entry a public-welfare post must beat when ranked as the fallback; rank −1 when the list is shorter.
    let marketCut: (Float, Int32)
    let mergedCut: (Float, Int32)
    let fallbackCut: (Float, Int32)
    /// When ranked as the fallback, how many welfare places a public-welfare post not in the lists can take (≤ 0: none).
    let fallbackRoom: Int
    /// Whether the market is weak for a public-welfare post not in the lists (it does not change the market).
    let weakForWelfare: Bool

    /// `offset` / `topOffset`: where the member's lists start in the flat arrays; `district`: its index.
    init(_ member: InsightMember, asOf: Timestamp, nearbyKm: Double, district: Int32, offset: Int, topOffset: Int,
         ranks: [Int32], k: Int, settings: MatcherConfiguration) {
        let a = member.applicant
        profile = ApplicantRuleProfile(a, at: asOf)
        location = a.location
        self.district = district
        let limit = a.preferences.maxCommuteKm ?? nearbyKm
        nearbyLimitKm = limit
        if let home = a.location {
            let radius = GeoPoint.earthRadiusKm
            func chord(_ km: Double) -> Double { 2 * sin(min(km, Double.pi * radius) / (2 * radius)) }
            let u = RuleColumns.unitVector(home)
            unit = SIMD3(u.0, u.1, u.2)
            let low = limit > 0 ? max(0, chord(limit * (1 - 1e-7)) - 1e-12) : 0
            let high = limit > 0 ? chord(limit * (1 + 1e-7)) + 1e-12 : 0
            sureWithin = limit > 0 ? low * low : -1
            sureBeyond = limit > 0 && limit * (1 - 1e-7) < Double.pi * radius ? high * high : (limit > 0 ? .infinity : 0)
        } else {
            unit = .zero
            sureWithin = -1
            sureBeyond = .infinity
        }
        wishesPublicWelfare = a.preferences.jobTypes.contains(.publicWelfare)
        self.offset = Int32(offset)
        marketCount = Int32(member.market.count)
        welfareCount = Int32(member.welfare.count)
        self.topOffset = Int32(topOffset)
        topCount = Int32(member.top.count)
        bestMarket = member.market.first?.score ?? -.infinity
        let market = member.market.map { ($0.score, ranks[$0.row]) }
        let welfare = member.welfare.map { ($0.score, ranks[$0.row]) }
        let none: (Float, Int32) = (0, -1)
        marketCut = market.count >= k ? market[k - 1] : none
        let merged = (market + welfare).sorted { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        mergedCut = merged.count >= k ? merged[k - 1] : none
        let kept = min(k + 1, market.count)
        fallbackRoom = k - kept
        fallbackCut = fallbackRoom > 0 && welfare.count >= fallbackRoom ? welfare[fallbackRoom - 1] : none
        weakForWelfare = kept < min(k, settings.minimumMarketOptions) || bestMarket < settings.weakMarketScore
    }

    /// Whether the posting at row `job` is nearby: remote work; else within ``nearbyLimitKm`` great-circle; with a
    /// location unknown, the same district (``InsightGroup/isNearby(_:_:nearbyKm:)``). `work` is the posting's
    /// location (nil when remote or unknown), `unit` its unit vector from the index's columns.
    @inline(__always)
    func isNearby(remote: Bool, work: GeoPoint?, unit jobUnit: SIMD3<Double>, district jobDistrict: Int32) -> Bool {
        if remote { return true }
        guard let home = location, let work else { return district == jobDistrict }
        let d = jobUnit - unit
        let chord2 = (d * d).sum()
        if chord2 < sureWithin { return true }
        if chord2 > sureBeyond { return false }
        return home.distanceKm(to: work) <= nearbyLimitKm
    }
}
