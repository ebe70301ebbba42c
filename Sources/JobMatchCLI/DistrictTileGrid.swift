import JobMatchCore

/// A map-like tile grid of Chongqing's 38 districts: each district's centre (shared/data/chongqing-districts.csv)
/// snapped to a grid of `step`-degree cells, a district whose cell is taken moved to the nearest free one (so the
/// dense central districts stay apart and in roughly their places).
enum DistrictTileGrid {
    static let step = 0.28

    /// (column, row) of every district code; row 0 is the north.
    static let cells: [String: (column: Int, row: Int)] = {
        let minLng = District.chongqing.map(\.centre.lng).min()!, maxLat = District.chongqing.map(\.centre.lat).max()!
        var taken: [Int: String] = [:]
        var out: [String: (column: Int, row: Int)] = [:]
        // Outlying districts first would push the centre out; place in order of distance from the city centre.
        let centre = District.chongqing(code: "500103")!.centre
        for d in District.chongqing.sorted(by: { $0.centre.distanceKm(to: centre) < $1.centre.distanceKm(to: centre) }) {
            let x = (d.centre.lng - minLng) / step, y = (maxLat - d.centre.lat) / step
            var best: (Int, Int)? = nil, bestDistance = Double.infinity
            for dc in -3...3 { for dr in -3...3 {
                let c = Int(x.rounded()) + dc, r = Int(y.rounded()) + dr
                guard c >= 0, r >= 0, taken[r * 1000 + c] == nil else { continue }
                let distance = (Double(c) - x) * (Double(c) - x) + (Double(r) - y) * (Double(r) - y)
                if distance < bestDistance { bestDistance = distance; best = (c, r) }
            } }
            let (c, r) = best!
            taken[r * 1000 + c] = d.code
            out[d.code] = (c, r)
        }
        return out
    }()

    static var columns: Int { (cells.values.map(\.column).max() ?? 0) + 1 }
    static var rows: Int { (cells.values.map(\.row).max() ?? 0) + 1 }
}
