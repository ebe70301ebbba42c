import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore

/// `jobmatch eval`: the temporal protocol on a data set folder, JobMatch against the baselines.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate matching on held-out outcomes: train before a split, score after it, against baselines.",
        discussion: """
        Imports the data set into a scratch database, trains the block weights on the interactions before \
        --split-at (or, with --model, scores that model without training), and recommends k jobs, among those open at the split, to every applicant with a positive \
        outcome (interviewed, hired, retained_3m) at or after it. Methods: jobmatch (trained), \
        jobmatch_untrained (the default weights), popularity, content (character-bigram TF-IDF) and random; \
        every method ranks only jobs the hard rules allow. Gains are graded: retained_3m 3, hired 2, interviewed 1. \
        A second table scores new jobs only (positives on jobs the person had not applied to before the split, lists \
        without the jobs already applied to); cold-start Recall@k is over people with no interaction before the split. \
        When the folder has an oracle.jsonl for this split (jobmatch generate --split-at), its ranking is scored as oracle.
        """
    )

    @Option(help: "The data set folder (interchange format).") var data: String
    @Option(name: .customLong("split-at"), help: "The split time (RFC 3339 with offset).") var splitAt: String
    @Option(name: .short, help: "List length.") var k: Int = 10
    @Flag(help: "Print the results as JSON.") var json = false
    @Option(help: "Also write a self-contained HTML report to this file.") var report: String?
    @Option(help: "Score this trained model folder as jobmatch as it is (no training on this data); e.g. one trained on another market.")
    var model: String?
    @Option(name: .customLong("dump-run"), help: "Write TREC run and qrels files per method to this folder.") var dumpRun: String?
    @Option(help: "Seed of the random baseline.") var seed: UInt64 = 7
    @Option(name: .customLong("fit-days"), help: "Hybrid: days of outcome pairs the block weights are fitted on (before the validation slice).")
    var fitDays: Double = 28
    @Option(name: .customLong("validation-days"), help: "Hybrid: days at the end of the training period for early stopping.")
    var validationDays: Double = 14
    @Option(name: .customLong("factor-dimensions"), help: "Hybrid: length of the collaborative factors.") var factorDimensions: Int = 16
    @Flag(name: .customLong("refit-on-validation"), help: "Hybrid: after early stopping, refit the block weights on the fit and validation pairs together (tried; off by default, see docs/evaluation.md).")
    var refitOnValidation = false
    @Option(name: .customLong("worst-group-weight"), help: "Hybrid: weight of the worst fairness group's pair loss in the block-weight fit and its early stopping (0: off; see docs/evaluation.md).")
    var worstGroupWeight: Float = 0
    @Flag(name: .customLong("balance-people"), help: "Hybrid: every person's pairs weigh the same in total in the block-weight fit (tried; off by default, see docs/evaluation.md).")
    var balancePeople = false
    @Flag(name: .customLong("second-stage"), help: "Fit the second stage (a re-ranker over each person's top 100) on held-back weeks; used as jobmatch only when it beats the first stage there by 2%.")
    var secondStage = false
    @Option(name: .customLong("peer"), help: "NAME=FILE: score an outside method's rankings (JSON lines {\"applicant\", \"split_at\", \"jobs\"}, as oracle.jsonl; scripts/eval-peers.sh writes them) beside the others. Repeatable.")
    var peers: [String] = []

    func validate() throws {
        if k < 1 { throw ValidationError("-k must be 1 or more") }
        if !(fitDays > 0 && validationDays > 0) { throw ValidationError("--fit-days and --validation-days must be positive") }
        if !(1...256).contains(factorDimensions) { throw ValidationError("--factor-dimensions must be 1…256") }
        if !(worstGroupWeight >= 0 && worstGroupWeight.isFinite) { throw ValidationError("--worst-group-weight must be 0 or more") }
    }

    func run() async throws {
        let split = try TimeArgument.parse(splitAt, option: "--split-at")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-eval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let db = try AppDatabase.open(path: scratch.appendingPathComponent("eval.sqlite").path)
        Console.progress("importing \(data)")
        do {
            try db.importDataSet(at: data)
        } catch let failure as DataSetImport.Failure {
            Console.endProgress()
            Console.error(failure.description)
            throw ExitCode.failure
        }
        let applicants = try db.applicants()
        let jobs = try db.jobs()
        let interactions = try db.interactions()
        let given = try model.map { try ModelDirectory(path: $0).read() }
        let oracle = try OracleFile.read(folder: data, split: split)
        var peerLists: [String: [String: [String]]] = [:]
        for peer in peers {
            let parts = peer.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--peer must be NAME=FILE, not \(peer)") }
            guard let lists = try OracleFile.read(file: parts[1], split: split) else {
                throw ValidationError("--peer \(parts[0]): \(parts[1]) is missing or was written for another split")
            }
            peerLists[parts[0]] = lists
        }
        Console.progress("training and ranking")
        var hybrid = HybridTrainer()
        hybrid.fitDays = fitDays
        hybrid.validationDays = validationDays
        hybrid.collaborative.dimensions = factorDimensions
        hybrid.refitOnValidation = refitOnValidation
        hybrid.worstGroupWeight = worstGroupWeight
        hybrid.balancePeople = balancePeople
        var evaluation = TemporalEvaluation(split: split, k: k, randomSeed: seed, hybrid: hybrid)
        evaluation.reRanking = secondStage ? ReRankerTrainer() : nil
        let outcome = evaluation
            .run(applicants: applicants, jobs: jobs, interactions: interactions, trained: given, oracle: oracle, peers: peerLists)
        Console.endProgress()
        if outcome.queries.isEmpty {
            Console.error("warning: no applicant has a positive outcome at or after \(split.text) on a job open at it")
        }
        let summary = EvalSummary(outcome: outcome, data: data, modelName: model)
        if json { print(summary.json) } else { print(summary.table) }
        if let report {
            try Data(EvalHTMLReport(summary: summary).html.utf8).write(to: URL(fileURLWithPath: report), options: .atomic)
            if !json { print("report written to \(report)") }
        }
        if let dumpRun {
            try EvalRunDump(outcome: outcome, view: NewJobsView(interactions: interactions, split: split)).write(folder: dumpRun)
            if !json { print("TREC run and qrels written to \(dumpRun)") }
        }
    }
}
