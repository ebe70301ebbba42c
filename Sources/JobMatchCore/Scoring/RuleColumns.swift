import Foundation

/// The hard-rule facts of every indexed job as plain columns, so the rules can be checked in bulk
/// without touching `Job` values: open interval, age limits, education, public welfare, place, hours,
/// and per disability category the highest demand left after the job's accommodations.
public struct RuleColumns: Sendable {
    public private(set) var statusOpen: [Bool] = []
    public private(set) var postedAt: [Double] = []
    public private(set) var expiresAt: [Double] = []
    /// `Int.min` / `Int.max` when the posting states no limit.
    public private(set) var ageMin: [Int] = []
    public private(set) var ageMax: [Int] = []
    /// −1 when there is no requirement.
    public private(set) var educationMin: [Int8] = []
    public private(set) var publicWelfare: [Bool] = []
    /// True when the commute rule can apply: not remote and the location is known.
    public private(set) var commutable: [Bool] = []
    public private(set) var latitude: [Double] = []
    public private(set) var longitude: [Double] = []
    /// Unit vector of the location (x, y, z interleaved), for the fast chord-distance test.
    public private(set) var unit: [Double] = []
    /// NaN when the posting states no hours.
    public private(set) var hoursPerWeek: [Double] = []
    /// Per job, 6 levels (0…3) in `DisabilityCategory.allCases` order: the highest demand the category meets.
    public private(set) var disabilityLevels: [UInt8] = []
    /// Job type index and tag bits, for `JobFilter`.
    public private(set) var jobType: [UInt8] = []
    public private(set) var tagBits: [UInt8] = []
    /// Per chunk of ``chunkRows`` consecutive rows, what the commute rule can skip (``ChunkBounds``).
    public internal(set) var chunks: [ChunkBounds] = []

    public init() {}

    public var count: Int { statusOpen.count }

    mutating func append(_ job: Job) {
        statusOpen.append(false); postedAt.append(0); expiresAt.append(0); ageMin.append(0); ageMax.append(0)
        educationMin.append(0); publicWelfare.append(false); commutable.append(false); latitude.append(0)
        longitude.append(0); unit += [0, 0, 0]; hoursPerWeek.append(0)
        disabilityLevels += [UInt8](repeating: 0, count: 6); jobType.append(0); tagBits.append(0)
        set(job, at: count - 1, refreshingChunk: false)
        if (count - 1) % Self.chunkRows == 0 { chunks.append(ChunkBounds()) }
        chunks[(count - 1) / Self.chunkRows].include(self, row: count - 1)
    }

    mutating func set(_ j: Job, at row: Int, refreshingChunk: Bool = true) {
        statusOpen[row] = j.status == .open
        postedAt[row] = j.postedAt.secondsSince1970
        expiresAt[row] = j.expiresAt.secondsSince1970
        ageMin[row] = j.age?.min ?? Int.min
        ageMax[row] = j.age?.max ?? Int.max
        educationMin[row] = j.educationMin.map { Int8($0.rank) } ?? -1
        publicWelfare[row] = j.jobType == .publicWelfare
        let place = j.isRemote ? nil : j.location
        commutable[row] = place != nil
        latitude[row] = place?.lat ?? 0
        longitude[row] = place?.lng ?? 0
        let u = place.map(Self.unitVector) ?? (0, 0, 0)
        unit[3 * row] = u.0; unit[3 * row + 1] = u.1; unit[3 * row + 2] = u.2
        hoursPerWeek[row] = j.hoursPerWeek ?? .nan
        let accommodations = Set(j.accommodations)
        for (c, category) in DisabilityCategory.allCases.enumerated() {
            let levels = HardRules.effectiveLevels(for: category, demands: j.effectiveDemands, accommodations: accommodations)
            disabilityLevels[6 * row + c] = UInt8(levels.map(\.rawLevel).max() ?? 0)
        }
        jobType[row] = UInt8(JobType.allCases.firstIndex(of: j.jobType)!)
        var bits: UInt8 = 0
        for (i, tag) in JobTag.allCases.enumerated() where j.has(tag) { bits |= 1 << UInt8(i) }
        tagBits[row] = bits
        if refreshingChunk { refreshChunk(row / Self.chunkRows) }
    }

    /// Moves the last row into `row` and drops the last (swap-remove).
    mutating func swapRemove(_ row: Int) {
        let last = count - 1
        func move<T>(_ a: inout [T], width: Int = 1) {
            for w in 0..<width { a[width * row + w] = a[width * last + w] }
            a.removeLast(width)
        }
        move(&statusOpen); move(&postedAt); move(&expiresAt); move(&ageMin); move(&ageMax); move(&educationMin)
        move(&publicWelfare); move(&commutable); move(&latitude); move(&longitude); move(&unit, width: 3)
        move(&hoursPerWeek); move(&disabilityLevels, width: 6); move(&jobType); move(&tagBits)
        chunks.removeLast(chunks.count - (count + Self.chunkRows - 1) / Self.chunkRows)
        if row < count { refreshChunk(row / Self.chunkRows) }
        if count > 0 { refreshChunk((count - 1) / Self.chunkRows) }
    }

    static func unitVector(_ p: GeoPoint) -> (Double, Double, Double) {
        let lat = p.lat * Double.pi / 180, lng = p.lng * Double.pi / 180
        return (cos(lat) * cos(lng), cos(lat) * sin(lng), sin(lat))
    }
}
