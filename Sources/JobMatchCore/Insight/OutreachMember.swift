import Foundation

/// A scored member as the outreach counterfactual keeps them, without their record: the hard-rule profile, where
/// they live and how far is nearby for them, the matcher's collected lists (`k + 1` deep, best first) and their top
/// list, and the cut-offs of ``enters(row:rank:score:publicWelfare:ranks:k:settings:)`` computed once.
/// The feature vector lives in ``InsightMemberMap/vectors``.
struct OutreachMember: Sendable {
    let profile: ApplicantRuleProfile
    let location: GeoPoint?
    let district: String
    /// "Nearby" for them: `max_commute_km`, else the configured `nearbyKm`.
    let nearbyLimitKm: Double
    /// Unit vector of home and squared-chord bounds outside which the nearby test is sure (as the commute rule's).
    let unit: (Double, Double, Double)
    let sureWithin: Double
    let sureBeyond: Double
    let wishesPublicWelfare: Bool
    let marketRows: [Int32], marketScores: [Float]
    let welfareRows: [Int32], welfareScores: [Float]
    /// Rows of the final top-k list.
    let top: [Int32]
    /// Cut-offs as (score, id rank) of: the market list's k-th, the k-th of both lists merged, and the welfare
    /// entry a public-welfare post must beat when ranked as the fallback; nil when the list is shorter.
    let marketCut: (Float, Int32)?
    let mergedCut: (Float, Int32)?
    let fallbackCut: (Float, Int32)?
    /// When ranked as the fallback, how many welfare places a public-welfare post not in the lists can take (≤ 0: none).
    let fallbackRoom: Int
    /// Whether the market is weak for a public-welfare post not in the lists (it does not change the market).
    let weakForWelfare: Bool

    init(_ member: InsightMember, asOf: Timestamp, nearbyKm: Double, ranks: [Int32], k: Int, settings: MatcherConfiguration) {
        let a = member.applicant
        profile = ApplicantRuleProfile(a, at: asOf)
        location = a.location
        district = a.district
        let limit = a.preferences.maxCommuteKm ?? nearbyKm
        nearbyLimitKm = limit
        if let home = a.location {
            let radius = GeoPoint.earthRadiusKm
            func chord(_ km: Double) -> Double { 2 * sin(min(km, Double.pi * radius) / (2 * radius)) }
            unit = RuleColumns.unitVector(home)
            let low = limit > 0 ? max(0, chord(limit * (1 - 1e-7)) - 1e-12) : 0
            let high = limit > 0 ? chord(limit * (1 + 1e-7)) + 1e-12 : 0
            sureWithin = limit > 0 ? low * low : -1
            sureBeyond = limit > 0 && limit * (1 - 1e-7) < Double.pi * radius ? high * high : (limit > 0 ? .infinity : 0)
        } else {
            unit = (0, 0, 0)
            sureWithin = -1
            sureBeyond = .infinity
        }
        wishesPublicWelfare = a.preferences.jobTypes.contains(.publicWelfare)
        marketRows = member.market.map { Int32($0.row) }
        marketScores = member.market.map(\.score)
        welfareRows = member.welfare.map { Int32($0.row) }
        welfareScores = member.welfare.map(\.score)
        top = member.top.map { Int32($0) }
        let market = member.market.map { ($0.score, ranks[$0.row]) }
        let welfare = member.welfare.map { ($0.score, ranks[$0.row]) }
        marketCut = market.count >= k ? market[k - 1] : nil
        let merged = (market + welfare).sorted { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        mergedCut = merged.count >= k ? merged[k - 1] : nil
        let marketCount = min(k + 1, market.count)
        fallbackRoom = k - marketCount
        fallbackCut = fallbackRoom > 0 && welfare.count >= fallbackRoom ? welfare[fallbackRoom - 1] : nil
        weakForWelfare = marketCount < min(k, settings.minimumMarketOptions) || (market.first?.0 ?? -.infinity) < settings.weakMarketScore
    }

    /// Whether `job` (row facts in `columns`) is nearby: remote work; else within ``nearbyLimitKm`` great-circle;
    /// with a location unknown, the same district (``InsightGroup/isNearby(_:_:nearbyKm:)``).
    @inline(__always)
    func isNearby(_ job: Int, remote: Bool, location work: GeoPoint?, district jobDistrict: String, columns: RuleColumns) -> Bool {
        if remote { return true }
        guard let home = location, let work else { return district == jobDistrict }
        let dx = columns.unit[3 * job] - unit.0, dy = columns.unit[3 * job + 1] - unit.1, dz = columns.unit[3 * job + 2] - unit.2
        let chord2 = dx * dx + dy * dy + dz * dz
        if chord2 < sureWithin { return true }
        if chord2 > sureBeyond { return false }
        return home.distanceKm(to: work) <= nearbyLimitKm
    }

    /// Whether `row` appears in the collected lists (then ``enters`` takes the general path).
    @inline(__always)
    func lists(_ row: Int32) -> Bool { marketRows.contains(row) || welfareRows.contains(row) }

    /// The posting's score in the collected lists, when it is there (the matcher's own number).
    func listedScore(_ row: Int32) -> Float? {
        if let i = marketRows.firstIndex(of: row) { return marketScores[i] }
        if let i = welfareRows.firstIndex(of: row) { return welfareScores[i] }
        return nil
    }
}
