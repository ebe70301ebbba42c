/// Counts per (district, key) and per occupation while members stream by; the distinct postings of a cell are a
/// bit set over the index's rows.
struct GapTally {
    struct Cell {
        var seekers = 0
        var withFitting = 0
        var rows: RowSet

        init(rows: Int) { self.rows = RowSet(count: rows) }
    }

    /// Rows of the job index as bits.
    struct RowSet {
        var words: [UInt64]

        init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

        @inline(__always) mutating func insert(_ row: Int) { words[row >> 6] |= 1 << UInt64(row & 63) }

        var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

        /// The rows in the set, ascending.
        var rows: [Int] {
            var out: [Int] = []
            for (w, word) in words.enumerated() where word != 0 {
                var bits = word
                while bits != 0 {
                    out.append(w * 64 + bits.trailingZeroBitCount)
                    bits &= bits - 1
                }
            }
            return out
        }
    }

    let rowCount: Int
    var cells: [String: [String: Cell]] = [:]
    var occupations: [String: Cell] = [:]

    init(rows: Int) { rowCount = rows }

    mutating func add(district: String, key: String, fitting: [Int]) {
        for d in [district, InsightAnalyzer.allKey] {
            cells[d, default: [:]][key, default: Cell(rows: rowCount)].seekers += 1
            if !fitting.isEmpty { cells[d]![key]!.withFitting += 1 }
            for row in fitting { cells[d]![key]!.rows.insert(row) }
        }
    }

    mutating func addOccupation(_ code: String, fitting: [Int]) {
        occupations[code, default: Cell(rows: rowCount)].seekers += 1
        for row in fitting { occupations[code]!.rows.insert(row) }
    }

    func gaps(jobs: [Job]) -> [SupplyGap] {
        cells.flatMap { district, byKey in
            byKey.map { key, cell in
                SupplyGap(district: district, group: key, seekers: cell.seekers, withFitting: cell.withFitting,
                          postings: cell.rows.count, places: cell.rows.rows.reduce(0) { $0 + jobs[$1].openings })
            }
        }.sorted { ($0.district == InsightAnalyzer.allKey ? "" : $0.district, $0.group) < ($1.district == InsightAnalyzer.allKey ? "" : $1.district, $1.group) }
    }

    func occupationGaps(jobs: [Job]) -> [OccupationGap] {
        occupations.map { code, cell in
            OccupationGap(occupation: code, seekers: cell.seekers, postings: cell.rows.count, places: cell.rows.rows.reduce(0) { $0 + jobs[$1].openings })
        }.sorted { $0.shortfall > $1.shortfall || ($0.shortfall == $1.shortfall && $0.occupation < $1.occupation) }
    }
}
