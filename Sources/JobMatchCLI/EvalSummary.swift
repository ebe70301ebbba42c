import Foundation
import JobMatchCore

/// The results of `jobmatch eval` as a text table and as JSON.
struct EvalSummary {
    let outcome: TemporalEvaluation.Outcome
    let data: String
    /// The trained model given with --model, if any.
    var modelName: String? = nil

    var methods: [String] {
        TemporalEvaluation.methods.filter { outcome.metrics[$0] != nil }
            + outcome.metrics.keys.filter { !TemporalEvaluation.methods.contains($0) }.sorted()
    }

    /// The method whose nDCG@k is highest among the baselines (not JobMatch).
    var bestBaseline: (name: String, ndcg: Double)? {
        methods.filter { !$0.hasPrefix("jobmatch") && $0 != "oracle" }.compactMap { name in outcome.metrics[name].map { (name, $0.ndcg) } }
            .max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }
    }

    /// JobMatch's nDCG@k over the best baseline's.
    var liftOverBestBaseline: Double? {
        guard let best = bestBaseline, best.ndcg > 0, let ours = outcome.metrics["jobmatch"] else { return nil }
        return ours.ndcg / best.ndcg
    }

    var table: String {
        let k = outcome.k
        var lines = [
            "split \(outcome.split.text), k = \(k): \(outcome.queries.count) applicants with held-out positives, "
                + "\(outcome.candidateCount) jobs open at the split, \(outcome.trainingInteractions) interactions before it",
        ]
        if let t = outcome.training {
            lines.append(t.trained
                ? String(format: "training: %d pairs from %d applicants with positives; pairwise accuracy %.3f -> %.3f, loss %.4f -> %.4f",
                         t.fit.pairs, t.applicantsWithPositives, t.fit.initialAccuracy, t.fit.finalAccuracy, t.fit.initialLoss, t.fit.finalLoss)
                : "training: no outcome pairs before the split; the default weights stand")
            if let h = outcome.hybrid {
                lines.append("hybrid: factors \(h.factorEpochs) epochs (best validation AUC " + (h.factorValidationAUC.max().map(f) ?? "-")
                    + "), blocks fitted on \(h.fit.pairs) pairs from \(h.fitFrom.text), kept step \(h.fit.bestStep ?? 0) of the "
                    + "\(h.validationPairs) validation pairs from \(h.validationFrom.text); jobmatch_content = the content-only trained model")
            }
            if let r = outcome.reRanking {
                lines.append("second stage: fitted on \(r.fitLists) top-\(outcome.reRanker?.depth ?? 100) lists, checked on \(r.validationLists): nDCG@10 "
                    + "there \(f(r.firstStageNDCG)) first stage, \(f(r.reRankedNDCG)) re-ranked (step \(r.bestStep)); "
                    + (outcome.reRanker == nil ? "not used (it did not beat the first stage)" : "jobmatch = re-ranked, jobmatch_first_stage = the hybrid's own order"))
            }
        } else {
            lines.append("jobmatch = the given model as it is (\(modelName ?? "?")); jobmatch_untrained = the default model built from this data")
        }
        lines.append("")
        lines += metricsTable(outcome.metrics)
        lines.append("")
        let fresh = outcome.newOnly["jobmatch"]?.queries ?? 0
        lines.append("new jobs only (what a push can add): \(fresh) applicants with positives on jobs they had not applied to before the split; lists without the jobs already applied to")
        lines += metricsTable(outcome.newOnly)
        lines.append("")
        let cold = outcome.coldStart["jobmatch"]?.queries ?? 0
        lines.append("cold start: \(cold) applicants with no interaction before the split; Recall@\(k) "
            + methods.map { "\($0) " + f(outcome.coldStart[$0]?.recall ?? 0) }.joined(separator: ", "))
        lines.append("")
        var groupRows = [["Recall@\(k) by group", "n"] + methods]
        for group in EvaluationGroup.allCases {
            let n = outcome.metrics["jobmatch"]?.groupQueries[group] ?? 0
            groupRows.append([group.label, String(n)] + methods.map { name in
                outcome.metrics[name]?.groupRecall[group].map(f) ?? "-"
            })
        }
        groupRows.append(["overall", String(outcome.queries.count)] + methods.map { f(outcome.metrics[$0]!.recall) })
        lines += Self.align(groupRows)
        if let best = bestBaseline, let lift = liftOverBestBaseline {
            lines.append("")
            lines.append("jobmatch nDCG@\(k) / best baseline (\(best.name)) = " + String(format: "%.2f", lift))
        }
        return lines.joined(separator: "\n")
    }

    /// One row per method: the metrics of `metrics`.
    func metricsTable(_ metrics: [String: MethodMetrics]) -> [String] {
        let k = outcome.k
        let headers = ["method", "nDCG@\(k)", "Recall@\(k)", "HitRate@\(k)", "MRR@\(k)", "coverage", "congestion", "violations", "fairness"]
        var rows = [headers]
        for name in methods {
            guard let m = metrics[name] else { continue }
            rows.append([name, f(m.ndcg), f(m.recall), f(m.hitRate), f(m.mrr), f(m.coverage), String(format: "%.1f", m.congestion),
                         String(m.violations), f(m.fairnessRatio)])
        }
        return Self.align(rows)
    }

    /// The JSON objects of each method's metrics.
    func methodObjects(_ metrics: [String: MethodMetrics]) -> JSONValue {
        .object(methods.compactMap { name in
            guard let m = metrics[name] else { return nil }
            var fields: [(key: String, value: JSONValue)] = m.named.map { ($0.name, .number(Self.rounded($0.value))) }
            fields.append(("queries", .number(Double(m.queries))))
            fields.append(("groups", .object(EvaluationGroup.allCases.compactMap { group in
                guard let recall = m.groupRecall[group] else { return nil }
                return (group.rawValue, .object([
                    ("recall@\(m.k)", .number(Self.rounded(recall))),
                    ("n", .number(Double(m.groupQueries[group] ?? 0))),
                ]))
            })))
            return (name, .object(fields))
        })
    }

    var json: String {
        var root: [(key: String, value: JSONValue)] = [
            ("split_at", .string(outcome.split.text)), ("k", .number(Double(outcome.k))), ("data", .string(data)),
            ("queries", .number(Double(outcome.queries.count))), ("candidates", .number(Double(outcome.candidateCount))),
            ("training_interactions", .number(Double(outcome.trainingInteractions))),
            ("jobmatch_model", .string(modelName ?? "trained on this data before the split")),
            ("trained_weights", .object(FeatureBlock.allCases.map { ($0.rawValue, .number(Self.rounded(Double(outcome.trainedWeights[$0])))) })),
            ("methods", methodObjects(outcome.metrics)),
            ("new_only", methodObjects(outcome.newOnly)),
            ("cold_start", .object(methods.compactMap { name in
                outcome.coldStart[name].map { (name, .object([("recall@\(outcome.k)", .number(Self.rounded($0.recall))), ("n", .number(Double($0.queries)))])) }
            })),
        ]
        if let lift = liftOverBestBaseline { root.append(("lift_over_best_baseline", .number(Self.rounded(lift)))) }
        if let r = outcome.reRanking {
            root.append(("second_stage", .object([
                ("used", .bool(outcome.reRanker != nil)), ("fit_lists", .number(Double(r.fitLists))),
                ("check_lists", .number(Double(r.validationLists))), ("check_ndcg@10_first_stage", .number(Self.rounded(r.firstStageNDCG))),
                ("check_ndcg@10_reranked", .number(Self.rounded(r.reRankedNDCG))),
            ])))
        }
        return JSONValue.object(root).jsonText
    }

    static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }

    func f(_ value: Double) -> String { String(format: "%.4f", value) }

    /// Left-aligned first column, right-aligned others, two spaces apart.
    static func align(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}
