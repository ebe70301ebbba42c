import JobMatchCore

/// The trend chart of the insight report: seekers per fitting posting pushed, per group, over the published batch
/// runs (inline SVG lines, one colour a group).
struct InsightTrendChart {
    let points: [TrendPoint]

    static let colours = ["all": "#111827", "older_worker": "#d97706", "disabled": "#1f6feb", "stay_at_home_parent": "#16a34a",
                          "zero_employment_household": "#dc2626"]

    var svg: String {
        let runs = Array(Set(points.map(\.run))).sorted { a, b in
            (points.first { $0.run == a }!.asOf, a) < (points.first { $0.run == b }!.asOf, b)
        }
        guard !runs.isEmpty else { return "<p>还没有已发布的推送批次 (no published batch run yet)。</p>\n" }
        let values = points.compactMap(\.seekersPerPosting)
        let top = max(1, values.max() ?? 1)
        let (w, h, left, bottom) = (720.0, 240.0, 48.0, 40.0)
        func x(_ i: Int) -> Double { left + (runs.count == 1 ? (w - left) / 2 : Double(i) * (w - left - 50) / Double(runs.count - 1)) }
        func y(_ v: Double) -> Double { 10 + (h - bottom - 10) * (1 - v / top) }
        var svg = "<svg width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\"><title>趋势 trend</title>"
        svg += "<line x1=\"\(left)\" y1=\"\(h - bottom)\" x2=\"\(w)\" y2=\"\(h - bottom)\" stroke=\"#999\"/>"
        for tick in 0...4 {
            let v = top * Double(tick) / 4
            svg += "<text x=\"\(left - 4)\" y=\"\(InsightHTMLReport.f(y(v) + 3))\" font-size=\"10\" text-anchor=\"end\">\(ChineseLabels.oneDecimal(v))</text>"
        }
        for (i, run) in runs.enumerated() {
            let date = points.first { $0.run == run }!.asOf.text.prefix(10)
            svg += "<text x=\"\(InsightHTMLReport.f(x(i)))\" y=\"\(h - bottom + 14)\" font-size=\"9\" text-anchor=\"middle\">\(date)</text>"
        }
        var keyX = left
        for (group, zh) in InsightHTMLReport.groups {
            let colour = Self.colours[group] ?? "#666"
            let series = runs.enumerated().compactMap { i, run in
                points.first { $0.run == run && $0.group == group }?.seekersPerPosting.map { (x(i), y($0)) }
            }
            if !series.isEmpty {
                svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\""
                    + series.map { "\(InsightHTMLReport.f($0.0)),\(InsightHTMLReport.f($0.1))" }.joined(separator: " ") + "\"/>"
                svg += series.map { "<circle cx=\"\(InsightHTMLReport.f($0.0))\" cy=\"\(InsightHTMLReport.f($0.1))\" r=\"3\" fill=\"\(colour)\"/>" }.joined()
            }
            svg += "<rect x=\"\(InsightHTMLReport.f(keyX))\" y=\"\(h - 14)\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(InsightHTMLReport.f(keyX + 14))\" y=\"\(h - 5)\" font-size=\"10\">\(InsightHTMLReport.esc(zh))</text>"
            keyX += 130
        }
        return svg + "</svg>\n<p><small>纵轴：每个已推送的适合岗位对应的求职人数 (seekers per fitting posting pushed)；人员与岗位按现有记录。</small></p>\n"
    }
}
