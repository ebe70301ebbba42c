import Foundation
import JobMatchCore
import JobMatchStore

/// Writes the held-out judgements and each method's lists in TREC format, for cross-checking the metrics
/// with `ranx` or `pytrec_eval`: `qrels.txt` (`applicant 0 job gain`) and `run.METHOD.txt`
/// (`applicant Q0 job rank score METHOD`, score = k − rank + 1 so the order is unambiguous), plus
/// `metrics.json` with JobMatch's own figures. With the new-jobs view, `new_only/` holds the same for new jobs only
/// (the new positives of the new-only queries, each list without the jobs applied to before the split; its
/// `metrics.json` the new-only figures). The qrels and run files name people: they are created 0600.
struct EvalRunDump {
    let outcome: TemporalEvaluation.Outcome
    var view: NewJobsView? = nil

    func write(folder: String) throws {
        try write(folder: folder, queries: outcome.queries, lists: outcome.lists, metrics: outcome.metrics)
        guard let view else { return }
        let fresh = view.queries(outcome.queries)
        let lists = outcome.lists.mapValues { lists in fresh.map { view.list(lists[$0.index], applicant: $0.query.applicant.id) } }
        try write(folder: (folder as NSString).appendingPathComponent("new_only"), queries: fresh.map(\.query), lists: lists,
                  metrics: outcome.newOnly)
    }

    func write(folder: String, queries: [EvaluationQuery], lists: [String: [[String]]], metrics: [String: MethodMetrics]) throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var qrels = ""
        for query in queries {
            for (job, gain) in query.gains.sorted(by: { $0.key < $1.key }) {
                qrels += "\(query.applicant.id) 0 \(job) \(Int(gain))\n"
            }
        }
        // Who applied to or was hired where, by applicant id: personal data, owner-only (0600).
        try PrivateFile.write(Data(qrels.utf8), to: url.appendingPathComponent("qrels.txt").path)
        for (name, lists) in lists.sorted(by: { $0.key < $1.key }) {
            var run = ""
            for (query, list) in zip(queries, lists) {
                for (position, job) in list.prefix(outcome.k).enumerated() {
                    run += "\(query.applicant.id) Q0 \(job) \(position + 1) \(outcome.k - position) \(name)\n"
                }
            }
            try PrivateFile.write(Data(run.utf8), to: url.appendingPathComponent("run.\(name).txt").path)
        }
        let figures = JSONValue.object(metrics.sorted(by: { $0.key < $1.key }).map { name, m in
            (name, .object(m.named.map { ($0.name, .number($0.value)) } + [("queries", .number(Double(m.queries)))]))
        })
        try Data((JSONValue.object([("k", .number(Double(outcome.k))), ("methods", figures)]).jsonText + "\n").utf8)
            .write(to: url.appendingPathComponent("metrics.json"), options: .atomic)
    }
}
