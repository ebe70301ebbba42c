import Foundation

/// One applicant's side of the hard rules at an as-of time, precomputed once so that checking a job
/// is a handful of comparisons against ``RuleColumns``.
public struct ApplicantRuleProfile: Sendable {
    public let age: Int
    public let educationRank: Int8
    public let publicWelfareEligible: Bool
    /// Excluding level (2 or 3) per category in `DisabilityCategory.allCases` order (lanes 0…5); 255 when not
    /// disabled in it (and in the two spare lanes). A fixed-size value, so a profile is copied without reference counting.
    public let disabilityThresholds: SIMD8<UInt8>
    public let hasDisabilityRule: Bool
    /// Hours limit of the work capacity, or nil.
    public let capacityLimit: Double?
    let commute: Commute?

    /// The commute rule's inputs: home, the limit, and squared-chord bounds outside which the fast test is sure.
    struct Commute {
        let home: GeoPoint
        let limitKm: Double
        let unit: (Double, Double, Double)
        /// Chord² below which the distance is surely within the limit, and above which surely beyond it.
        let sureWithin: Double
        let sureBeyond: Double
        /// The limit is so large that nothing on Earth is beyond it.
        let unlimited: Bool
    }

    public init(_ a: Applicant, at time: Timestamp) {
        age = a.age(at: time)
        educationRank = Int8(a.education.rank)
        publicWelfareEligible = HardRules.isPublicWelfareEligible(a)
        var thresholds = SIMD8<UInt8>(repeating: 255)
        if let disability = a.disability {
            let level = UInt8(HardRules.excludingLevel(severe: disability.isSevere).rawLevel)
            for category in disability.categories { thresholds[DisabilityCategory.allCases.firstIndex(of: category)!] = level }
        }
        disabilityThresholds = thresholds
        hasDisabilityRule = (0..<6).contains { thresholds[$0] != 255 }
        capacityLimit = a.effectiveCapacity.maxHoursPerWeek
        if let home = a.location, let limit = a.preferences.maxCommuteKm {
            let radius = GeoPoint.earthRadiusKm
            func chord(_ km: Double) -> Double { 2 * sin(km / (2 * radius)) }
            let unlimited = limit.isFinite == false ? limit > 0 : limit * (1 - 1e-7) >= Double.pi * radius
            let low = limit > 0 ? max(0, chord(limit * (1 - 1e-7)) - 1e-12) : 0
            let high = limit > 0 && !unlimited ? chord(min(limit * (1 + 1e-7), Double.pi * radius)) + 1e-12 : 0
            commute = Commute(
                home: home, limitKm: limit, unit: RuleColumns.unitVector(home),
                sureWithin: limit > 0 ? low * low : -1, sureBeyond: limit > 0 && !unlimited ? high * high : .infinity,
                unlimited: unlimited
            )
        } else {
            commute = nil
        }
    }
}

extension RuleColumns {
    /// True when job `row` is open at `time` (rule 1); the same for every applicant.
    @inline(__always)
    public func isOpen(_ row: Int, at time: Double) -> Bool {
        statusOpen[row] && postedAt[row] <= time && time < expiresAt[row]
    }

    /// True when rules 2–7 allow job `row` for the applicant (rule 1 is checked per job, see ``isOpen(_:at:)``).
    @inline(__always)
    public func allows(_ p: ApplicantRuleProfile, _ row: Int) -> Bool {
        if p.age < ageMin[row] || p.age > ageMax[row] { return false }
        if educationMin[row] > p.educationRank { return false }
        if publicWelfare[row] && !p.publicWelfareEligible { return false }
        if let limit = p.capacityLimit, hoursPerWeek[row] > limit { return false }
        if p.hasDisabilityRule {
            for c in 0..<6 where disabilityLevels[6 * row + c] >= p.disabilityThresholds[c] { return false }
        }
        if let commute = p.commute, commutable[row], !withinCommute(commute, row) { return false }
        return true
    }

    /// Every rule job `row` breaks for the applicant at `time`, in ``HardRule`` order, as `HardRules.violations` says.
    public func violations(_ p: ApplicantRuleProfile, _ row: Int, at time: Double) -> [HardRule] {
        var broken: [HardRule] = []
        if !isOpen(row, at: time) { broken.append(.notOpen) }
        if p.age < ageMin[row] || p.age > ageMax[row] { broken.append(.age) }
        if educationMin[row] > p.educationRank { broken.append(.education) }
        if publicWelfare[row] && !p.publicWelfareEligible { broken.append(.publicWelfare) }
        if let commute = p.commute, commutable[row], !withinCommute(commute, row) { broken.append(.commute) }
        if p.hasDisabilityRule, (0..<6).contains(where: { disabilityLevels[6 * row + $0] >= p.disabilityThresholds[$0] }) {
            broken.append(.disability)
        }
        if let limit = p.capacityLimit, hoursPerWeek[row] > limit { broken.append(.capacity) }
        return broken
    }

    /// The commute test: a chord-length comparison when it is clearly decided, else the reference haversine.
    @inline(__always)
    func withinCommute(_ c: ApplicantRuleProfile.Commute, _ row: Int) -> Bool {
        if c.unlimited { return true }
        let dx = unit[3 * row] - c.unit.0, dy = unit[3 * row + 1] - c.unit.1, dz = unit[3 * row + 2] - c.unit.2
        let chord2 = dx * dx + dy * dy + dz * dz
        if chord2 < c.sureWithin { return true }
        if chord2 > c.sureBeyond { return false }
        let distance = c.home.distanceKm(to: GeoPoint(lat: latitude[row], lng: longitude[row]))
        return !(distance > c.limitKm)
    }
}
