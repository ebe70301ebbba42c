import Foundation
import JobMatchCore
import JobMatchWorkflows

/// A self-contained HTML report of the supply gaps and the outreach list (docs/insight.md): a map-like grid of
/// Chongqing's 38 districts per group, the trend over past batch runs, the occupation shortfalls and the outreach
/// table, as inline SVG and tables (no scripts, no network). Terms from the glossary.
struct InsightHTMLReport {
    let report: InsightReport
    /// Rows of the outreach table shown (the CSV has all).
    var outreachRows = 40

    static let groups: [(key: String, zh: String)] = [("all", "全部求职者")] + InsightGroup.allCases.map { ($0.rawValue, $0.chinese) }

    var html: String {
        let r = report.result
        var body = "<h1>岗位供需缺口与走访拓岗报告 <small>job development: supply gaps and outreach</small></h1>\n"
        body += "<p>截至 <b>\(Self.esc(report.asOf.text))</b>；\(report.scope.map { "辖区 " + $0.sorted().joined(separator: "、") } ?? "全市 38 个区县")；"
        body += "求职者 \(r.seekers) 人，在招岗位 \(r.openPostings) 个；模型 <code>\(Self.esc(report.modelVersion))</code>；"
        body += "一个岗位“适合”某人＝在其前 \(report.configuration.k) 名推荐中且符合全部硬性规则（附近＝通勤上限内，未填写时 \(ChineseLabels.oneDecimal(report.configuration.nearbyKm)) 公里）。</p>\n"
        body += "<h2>各区县：每个适合岗位对应的求职人数 <small>seekers per fitting posting</small></h2>\n"
        body += legend()
        body += "<div class=\"maps\">" + Self.groups.map { districtMap(group: $0.key, title: $0.zh) }.joined() + "</div>\n"
        body += "<h2>按群体汇总 <small>by group, whole scope</small></h2>\n" + groupTable()
        body += "<h2>趋势：历次推送批次 <small>trend over published batch runs</small></h2>\n" + InsightTrendChart(points: report.trend).svg
        body += "<h2>求职者多于适合岗位最多的职业 <small>occupations with the largest shortfall</small></h2>\n" + occupationTable()
        body += "<h2>残保金缴纳单位走访清单 <small>levy-payer outreach: who to visit first (走访拓岗)</small></h2>\n" + outreachTable()
        return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>岗位供需缺口与走访拓岗报告</title>
        <style>
        body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:24px;color:#111;max-width:1200px}
        small{color:#666;font-weight:normal;font-size:.6em}h2 small{font-size:.7em}
        table{border-collapse:collapse;margin:8px 0 16px}th,td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}
        th:first-child,td:first-child,td.l,th.l{text-align:left}.maps{display:flex;flex-wrap:wrap;gap:8px}
        .map{border:1px solid #e5e7eb;padding:4px}.key{display:inline-block;width:14px;height:10px;margin:0 4px 0 10px}code{background:#f3f4f6}
        </style></head><body>
        \(body)</body></html>

        """
    }

    /// Colour of a seekers-per-posting ratio: green (≤ 1) to red (≥ 20); dark red when nothing fits; grey without seekers.
    static func colour(_ gap: SupplyGap?) -> String {
        guard let gap, gap.seekers > 0 else { return "#e5e7eb" }
        guard let ratio = gap.seekersPerPosting else { return "#7f1d1d" }
        let t = min(1, max(0, log(max(ratio, 1)) / log(20)))
        let hue = 130 * (1 - t)
        return "hsl(\(Int(hue)),70%,\(Int(45 + 10 * (1 - t)))%)"
    }

    func legend() -> String {
        let samples: [(String, SupplyGap?)] = [
            ("≤1", SupplyGap(district: "", group: "", seekers: 1, withFitting: 1, postings: 1, places: 1)),
            ("5", SupplyGap(district: "", group: "", seekers: 5, withFitting: 1, postings: 1, places: 1)),
            ("≥20", SupplyGap(district: "", group: "", seekers: 20, withFitting: 1, postings: 1, places: 1)),
            ("无适合岗位 none fits", SupplyGap(district: "", group: "", seekers: 1, withFitting: 0, postings: 0, places: 0)),
            ("无求职者 no seekers", nil),
        ]
        return "<p>" + samples.map { "<span class=\"key\" style=\"background:\(Self.colour($0.1))\"></span>\($0.0)" }.joined() + "（人/岗）</p>\n"
    }

    /// The 38 districts on a map-like tile grid (``DistrictTileGrid``), each tile coloured and labelled with the ratio.
    func districtMap(group: String, title: String) -> String {
        let rows = Dictionary(report.result.gaps.filter { $0.group == group && $0.district != "all" }.map { ($0.district, $0) }, uniquingKeysWith: { a, _ in a })
        let cell = 26.0, top = 20.0
        let w = Double(DistrictTileGrid.columns) * cell + 4, h = Double(DistrictTileGrid.rows) * cell + top + 4
        var svg = "<svg class=\"map\" width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\"><title>\(Self.esc(title))</title>"
        svg += "<text x=\"4\" y=\"14\" font-size=\"13\" font-weight=\"bold\">\(Self.esc(title))</text>"
        for d in District.chongqing {
            guard let (c, r) = DistrictTileGrid.cells[d.code] else { continue }
            let gap = rows[d.code]
            let (x, y) = (2 + Double(c) * cell, top + Double(r) * cell)
            let label = gap.map { g in g.seekersPerPosting.map { ChineseLabels.oneDecimal($0) } ?? "∞" } ?? ""
            let tip = "\(d.name) \(d.code): " + (gap.map { "\($0.seekers) 人, \($0.postings) 岗" } ?? "0 人")
            svg += "<g><title>\(Self.esc(tip))</title><rect x=\"\(Self.f(x))\" y=\"\(Self.f(y))\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" rx=\"3\" fill=\"\(Self.colour(gap))\"/>"
            svg += "<text x=\"\(Self.f(x + cell / 2 - 1))\" y=\"\(Self.f(y + 10))\" font-size=\"7\" text-anchor=\"middle\">\(Self.esc(String(d.name.prefix(2))))</text>"
            svg += "<text x=\"\(Self.f(x + cell / 2 - 1))\" y=\"\(Self.f(y + 20))\" font-size=\"8\" font-weight=\"bold\" text-anchor=\"middle\">\(Self.esc(label))</text></g>"
        }
        return svg + "</svg>"
    }

    func groupTable() -> String {
        var t = "<table><tr><th class=\"l\">群体 group</th><th>求职者 seekers</th><th>有适合岗位 with a fit</th><th>适合岗位 postings</th><th>招聘人数 places</th><th>人/岗</th></tr>\n"
        for g in report.result.gaps where g.district == "all" {
            t += "<tr><td class=\"l\">\(Self.esc(groupLabel(g.group)))</td><td>\(g.seekers)</td><td>\(g.withFitting)</td><td>\(g.postings)</td><td>\(g.places)</td>"
                + "<td>\(g.seekersPerPosting.map { ChineseLabels.oneDecimal($0) } ?? "∞")</td></tr>\n"
        }
        return t + "</table>\n"
    }

    func groupLabel(_ key: String) -> String {
        if key == "all" { return "全部求职者 all" }
        if key.hasPrefix("disabled:") { return "　持证残疾人 · " + key.dropFirst(9) }
        return (InsightGroup(rawValue: key)?.chinese ?? key) + " " + key
    }

    func occupationTable() -> String {
        let rows = report.result.occupations
        guard let top = rows.map(\.shortfall).max(), top > 0 else { return "<p>没有求职者多于适合岗位的职业。</p>\n" }
        var t = "<table><tr><th class=\"l\">职业 occupation</th><th>求职者</th><th>适合岗位</th><th>招聘人数</th><th>缺口 shortfall</th><th class=\"l\"></th></tr>\n"
        for o in rows {
            let bar = o.shortfall > 0 ? "<svg width=\"160\" height=\"10\"><rect width=\"\(Self.f(160 * Double(o.shortfall) / Double(top)))\" height=\"10\" fill=\"#dc2626\"/></svg>" : ""
            t += "<tr><td class=\"l\">\(Self.esc(o.occupation))</td><td>\(o.seekers)</td><td>\(o.postings)</td><td>\(o.places)</td><td>\(o.shortfall)</td><td class=\"l\">\(bar)</td></tr>\n"
        }
        return t + "</table>\n"
    }

    func outreachTable() -> String {
        let rows = report.result.outreach
        guard !rows.isEmpty else { return "<p>辖区内没有缴纳残保金单位的在招岗位。</p>\n" }
        var t = "<p>附近持证残疾求职者中：现在适合的人数，以及一项改动后适合的人数（按增加人数排序；前 \(min(outreachRows, rows.count)) / \(rows.count) 个岗位，全部见 CSV）。</p>\n"
        t += "<table><tr><th class=\"l\">用人单位 employer</th><th class=\"l\">岗位 posting</th><th class=\"l\">区县</th><th>附近残疾人</th><th>现在适合</th><th>增加</th><th class=\"l\">建议 ask for</th></tr>\n"
        for o in rows.prefix(outreachRows) {
            let district = District.chongqing(code: o.district)?.name ?? o.district
            t += "<tr><td class=\"l\">\(Self.esc(o.employerName))</td><td class=\"l\">\(Self.esc(o.job)) \(Self.esc(o.title))</td><td class=\"l\">\(Self.esc(district))</td>"
                + "<td>\(o.nearby)</td><td>\(o.suitsNow)</td><td><b>+\(o.gain)</b></td><td class=\"l\">\(Self.esc(o.best?.change.chinese ?? "—"))</td></tr>\n"
        }
        return t + "</table>\n"
    }
}

extension InsightHTMLReport {
    /// HTML-escaped text.
    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// One decimal, for coordinates.
    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
}
