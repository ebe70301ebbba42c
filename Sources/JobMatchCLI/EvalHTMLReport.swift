import Foundation
import JobMatchCore

/// A self-contained HTML report of one evaluation: the metrics table, a bar chart of the ranking metrics
/// per method, and a chart of Recall@k per group, as inline SVG (no scripts, no network).
struct EvalHTMLReport {
    let summary: EvalSummary

    static let colours = ["oracle": "#111827", "jobmatch_content": "#60a5fa", "jobmatch": "#1f6feb", "jobmatch_untrained": "#8fb8f5", "popularity": "#d97706",
                          "content": "#16a34a", "random": "#9ca3af"]

    var html: String {
        let o = summary.outcome
        let k = o.k
        let methods = summary.methods
        var body = "<h1>JobMatch evaluation</h1>\n"
        body += "<p>Data <code>\(escape(summary.data))</code>, split at <b>\(escape(o.split.text))</b>, k = \(k). "
        body += "\(o.queries.count) applicants with positive outcomes after the split, \(o.candidateCount) jobs open at it, "
        body += "\(o.trainingInteractions) interactions before it. Gains: retained_3m 3, hired 2, interviewed 1.</p>\n"
        if let best = summary.bestBaseline, let lift = summary.liftOverBestBaseline {
            body += "<p class=\"lift\">JobMatch nDCG@\(k) is <b>\(n(lift, 2))×</b> the best baseline (\(best.name)).</p>\n"
        }
        body += "<h2>Metrics</h2>\n" + metricsTable(o.metrics)
        body += "<h2>New jobs only</h2>\n<p>What a push can add: positives on jobs the person had not applied to before the split "
            + "(\(o.newOnly["jobmatch"]?.queries ?? 0) applicants); each list without the jobs already applied to.</p>\n" + metricsTable(o.newOnly)
        body += "<p>Cold start (\(o.coldStart["jobmatch"]?.queries ?? 0) applicants with no interaction before the split), Recall@\(k): "
            + methods.map { "\($0) \(n(o.coldStart[$0]?.recall ?? 0, 4))" }.joined(separator: ", ") + "</p>\n"
        body += "<h2>Ranking quality by method</h2>\n"
        let metricNames = ["nDCG@\(k)", "Recall@\(k)", "HitRate@\(k)", "MRR@\(k)"]
        body += groupedBars(categories: metricNames, series: methods.map { name in
            let m = o.metrics[name]!
            return (name, [m.ndcg, m.recall, m.hitRate, m.mrr])
        })
        body += "<h2>Recall@\(k) by group</h2>\n"
        let groups = EvaluationGroup.allCases.filter { o.metrics["jobmatch"]?.groupRecall[$0] != nil }
        body += groupedBars(categories: groups.map { "\($0.label) (n=\(o.metrics["jobmatch"]?.groupQueries[$0] ?? 0))" } + ["overall"],
                            series: methods.map { name in
                                let m = o.metrics[name]!
                                return (name, groups.map { m.groupRecall[$0] ?? 0 } + [m.recall])
                            })
        body += "<h2>Learned block weights</h2>\n<table><tr><th>block</th><th>default</th><th>trained</th></tr>\n"
        for block in FeatureBlock.allCases {
            body += "<tr><td>\(block.rawValue)</td><td>\(n(Double(BlockWeights.standard[block]), 3))</td>"
                + "<td>\(n(Double(o.trainedWeights[block]), 3))</td></tr>\n"
        }
        body += "</table>\n"
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>JobMatch evaluation</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:24px;color:#111;max-width:1100px}
        table{border-collapse:collapse;margin:8px 0 16px}th,td{padding:4px 10px;white-space:nowrap;border-bottom:1px solid #ddd;text-align:right}
        th:first-child,td:first-child{text-align:left}.key{display:inline-block;width:10px;height:10px;margin-right:6px}
        .lift{font-size:1.1em}code{background:#f3f4f6;padding:1px 4px}
        </style></head><body>
        \(body)</body></html>

        """
    }

    /// A grouped bar chart: one group of bars per category, one bar per series, values in 0…1 (axis to the max).
    /// A table of each method's metrics.
    func metricsTable(_ metrics: [String: MethodMetrics]) -> String {
        let k = summary.outcome.k
        var html = "<table><tr><th>method</th>"
        let headers = ["nDCG@\(k)", "Recall@\(k)", "HitRate@\(k)", "MRR@\(k)", "coverage", "congestion", "violations", "fairness ratio"]
        html += headers.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
        for name in summary.methods {
            guard let m = metrics[name] else { continue }
            let cells = [m.ndcg, m.recall, m.hitRate, m.mrr, m.coverage].map { String(format: "%.4f", $0) }
                + [String(format: "%.1f", m.congestion), String(m.violations), String(format: "%.3f", m.fairnessRatio)]
            html += "<tr><td><span class=\"key\" style=\"background:\(Self.colours[name] ?? "#000")\"></span>\(name)</td>"
                + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return html + "</table>\n"
    }

    func groupedBars(categories: [String], series: [(name: String, values: [Double])]) -> String {
        let width = 1040.0, height = 300.0, left = 50.0, bottom = 60.0, top = 30.0
        let maxValue = max(0.05, series.flatMap(\.values).max() ?? 1)
        let scale = (height - bottom - top) / (maxValue * 1.1)
        let groupWidth = (width - left - 10) / Double(max(categories.count, 1))
        let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height + 24))\" font-size=\"12\">\n"
        for tick in 0...4 {
            let value = maxValue * 1.1 * Double(tick) / 4
            let y = height - bottom - value * scale
            svg += String(format: "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>", left, width - 10, y, y)
            svg += String(format: "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%.2f</text>\n", left - 6, y + 4, value)
        }
        for (c, category) in categories.enumerated() {
            let x0 = left + Double(c) * groupWidth + groupWidth * 0.1
            for (s, entry) in series.enumerated() {
                let value = c < entry.values.count ? entry.values[c] : 0
                let h = value * scale
                let x = x0 + Double(s) * barWidth
                svg += "<rect x=\"\(n(x, 1))\" y=\"\(n(height - bottom - h, 1))\" width=\"\(n(barWidth - 2, 1))\" height=\"\(n(h, 1))\" "
                    + "fill=\"\(Self.colours[entry.name] ?? "#000")\"><title>\(escape(entry.name)) \(escape(category)): \(n(value, 4))</title></rect>"
                svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"9\" fill=\"#333\">%.2f</text>\n",
                              x + (barWidth - 2) / 2, height - bottom - h - 3, value)
            }
            svg += "<text x=\"\(n(x0 + groupWidth * 0.4, 1))\" y=\"\(n(height - bottom + 18, 1))\" text-anchor=\"middle\">\(escape(category))</text>\n"
        }
        var x = left
        for entry in series {
            svg += "<rect x=\"\(n(x, 0))\" y=\"\(n(height - 20, 0))\" width=\"12\" height=\"12\" fill=\"\(Self.colours[entry.name] ?? "#000")\"/>"
                + "<text x=\"\(n(x + 16, 0))\" y=\"\(n(height - 10, 0))\">\(escape(entry.name))</text>"
            x += 40 + Double(entry.name.count) * 7
        }
        return svg + "</svg>\n"
    }

    /// `value` with `digits` decimals.
    func n(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
