/// Counts per (district, key) and per occupation while members stream by.
struct GapTally {
    struct Cell {
        var seekers = 0
        var withFitting = 0
        var rows = Set<Int>()
    }

    var cells: [String: [String: Cell]] = [:]
    var occupations: [String: Cell] = [:]

    mutating func add(district: String, key: String, fitting: [Int]) {
        for d in [district, InsightAnalyzer.allKey] {
            cells[d, default: [:]][key, default: Cell()].seekers += 1
            if !fitting.isEmpty { cells[d]![key]!.withFitting += 1 }
            cells[d]![key]!.rows.formUnion(fitting)
        }
    }

    mutating func addOccupation(_ code: String, fitting: [Int]) {
        occupations[code, default: Cell()].seekers += 1
        occupations[code]!.rows.formUnion(fitting)
    }

    func gaps(jobs: [Job]) -> [SupplyGap] {
        cells.flatMap { district, byKey in
            byKey.map { key, cell in
                SupplyGap(district: district, group: key, seekers: cell.seekers, withFitting: cell.withFitting,
                          postings: cell.rows.count, places: cell.rows.reduce(0) { $0 + jobs[$1].openings })
            }
        }.sorted { ($0.district == InsightAnalyzer.allKey ? "" : $0.district, $0.group) < ($1.district == InsightAnalyzer.allKey ? "" : $1.district, $1.group) }
    }

    func occupationGaps(jobs: [Job]) -> [OccupationGap] {
        occupations.map { code, cell in
            OccupationGap(occupation: code, seekers: cell.seekers, postings: cell.rows.count, places: cell.rows.reduce(0) { $0 + jobs[$1].openings })
        }.sorted { $0.shortfall > $1.shortfall || ($0.shortfall == $1.shortfall && $0.occupation < $1.occupation) }
    }
}
