import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore

/// `jobmatch train`: learns a hybrid model from what was recorded before the as-of time, writes a new
/// versioned model folder and makes it this database's active model (recorded in the database, so no
/// other database's model changes).
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Learn a hybrid model from recorded outcomes and make it this database's active model.",
        discussion: """
        Positives are hired, interviewed and retained_3m (gains 2, 1, 3); rejected and declined jobs, jobs \
        recommended, viewed or applied to without a response, and random allowed open jobs are the negatives. \
        The fit is a pairwise logistic loss over the per-block scores, pulled toward the starting weights; \
        history blocks and collaborative factors are fitted on held-back recent weeks (docs/evaluation.md). The \
        new folder (default models/trained-TIME-HASH) holds the model and training.json (data hashes, \
        parameters, metrics); the database then records it as its active model (path and SHA-256 of its files). \
        With no outcomes nothing is written and the current model stands.
        """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(name: .customLong("as-of"), help: "Learn from interactions before this time ('now' or RFC 3339).") var asOf: String = "now"
    @Option(name: .customLong("model-out"), help: "The model folder to write (default: under --models).") var modelOut: String?
    @Option(name: .customLong("base-model"), help: "Start from this model (default: the active model, else one built from the database).")
    var baseModel: String?
    @Option(help: "The models folder new models are written under (and models/default read from).") var models: String = ActiveModel.defaultRoot
    @Flag(name: .customLong("no-activate"), help: "Write the model without making it this database's active one.") var noActivate = false

    func run() async throws {
        let time = try TimeArgument.parse(asOf, option: "--as-of")
        let db = try database.open()
        let applicants = try db.applicants()
        let jobs = try db.jobs()
        let interactions = try db.interactions(before: time)
        let basePath = try baseModel ?? ActiveModel.resolvedPath(for: db, root: models)
        let start: MatchModel
        if FileManager.default.fileExists(atPath: (basePath as NSString).appendingPathComponent("manifest.json")) {
            start = try ModelDirectory(path: basePath).read()
        } else if baseModel != nil {
            throw JobMatchError(.notFound, "no model here (manifest.json is missing)", file: basePath)
        } else {
            start = MatchModel.build(from: applicants, jobs: jobs.filter { $0.postedAt < time })
        }
        let (trained, _, hybrid) = HybridTrainer().train(model: start, applicants: applicants, jobs: jobs, interactions: interactions, asOf: time)
        let report = hybrid.content
        guard report.trained else {
            print("no outcomes before \(time.text) to learn from (\(interactions.count) interactions); the current model stands")
            return
        }
        let outcomeHash = OutcomeHash.sha256(interactions)
        let folder = modelOut ?? (models as NSString).appendingPathComponent(
            "trained-\(Self.compact(time))-\(outcomeHash.prefix(8))")
        var model = trained
        model.manifest.name = URL(fileURLWithPath: folder).lastPathComponent
        try ModelDirectory(path: folder).write(model)
        let manifest = TrainingManifest(report: report, hybrid: hybrid, base: basePath, baseHash: start.manifest.dataHash,
                                        outcomesHash: outcomeHash, configuration: OutcomeTrainer().configuration, weights: trained.weights)
        try Data((manifest.json.jsonText + "\n").utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("training.json"), options: .atomic)
        if !noActivate { try db.setActiveModel(folder: folder) }
        let fit = report.fit
        print("learned from \(report.interactions) interactions before \(time.text): \(report.positives) positives of "
            + "\(report.applicantsWithPositives) applicants, \(fit.pairs) pairs")
        print(String(format: "pairwise accuracy %.3f -> %.3f, loss %.4f -> %.4f", fit.initialAccuracy, fit.finalAccuracy, fit.initialLoss, fit.finalLoss))
        print("hybrid: factors \(hybrid.factorEpochs) epochs on \(hybrid.factorPositives) positives (validation AUC "
            + (hybrid.factorValidationAUC.max().map { String(format: "%.3f", $0) } ?? "-") + "), blocks fitted on "
            + "\(hybrid.fit.pairs) pairs from \(hybrid.fitFrom.text), stopped at step \(hybrid.fit.bestStep ?? 0) on \(hybrid.validationPairs) pairs from \(hybrid.validationFrom.text); d = \(trained.dimension)")
        for block in FeatureBlock.allCases {
            print("  \(block.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0)) "
                + String(format: "%.3f -> %.3f", start.weights[block], trained.weights[block]))
        }
        print("written to \(folder)" + (noActivate ? "" : "; the database \(database.path) now uses it"))
    }

    /// `20261130T090000` from a time (its own offset).
    static func compact(_ time: Timestamp) -> String {
        String(time.text.prefix(19).filter { $0 != "-" && $0 != ":" })
    }
}

/// `training.json` beside a trained model: what it was learned from, how, and how well it fits.
struct TrainingManifest {
    let report: OutcomeTrainer.Report
    let hybrid: HybridTrainer.Report
    let base: String
    let baseHash: String
    let outcomesHash: String
    let configuration: TrainingConfiguration
    let weights: BlockWeights

    /// A Float as the shortest decimal that reads back as it (0.3, not 0.30000001192092896).
    static func decimal(_ value: Float) -> Double { Double("\(value)") ?? Double(value) }

    var json: JSONValue {
        let fit = report.fit
        let c = configuration
        return .object([
            ("as_of", .string(report.asOf.text)),
            ("base_model", .string(base)),
            ("base_data_hash", .string(baseHash)),
            ("outcomes_hash", .string(outcomesHash)),
            ("interactions", .number(Double(report.interactions))),
            ("applicants_with_positives", .number(Double(report.applicantsWithPositives))),
            ("positives", .number(Double(report.positives))),
            ("explicit_negatives", .number(Double(report.explicitNegatives))),
            ("silent_negatives", .number(Double(report.silentNegatives))),
            ("parameters", .object([
                ("loss", .string("weighted pairwise logistic, L2 toward the base weights")),
                ("explicit_negative_weight", .number(Self.decimal(c.explicitNegativeWeight))),
                ("silent_negative_weight", .number(Self.decimal(c.silentNegativeWeight))),
                ("sampled_negatives", .number(Double(c.sampledNegatives))),
                ("sampled_negative_weight", .number(Self.decimal(c.sampledNegativeWeight))),
                ("temperature", .number(Self.decimal(c.temperature))),
                ("regularization", .number(Self.decimal(c.regularization))),
                ("iterations", .number(Double(c.iterations))),
                ("learning_rate", .number(Self.decimal(c.learningRate))),
                ("seed", .number(Double(c.seed))),
            ])),
            ("metrics", .object([
                ("pairs", .number(Double(fit.pairs))),
                ("initial_loss", .number(fit.initialLoss)), ("final_loss", .number(fit.finalLoss)),
                ("initial_pairwise_accuracy", .number(fit.initialAccuracy)), ("final_pairwise_accuracy", .number(fit.finalAccuracy)),
            ])),
            ("hybrid", .object([
                ("fit_from", .string(hybrid.fitFrom.text)), ("validation_from", .string(hybrid.validationFrom.text)),
                ("factor_epochs", .number(Double(hybrid.factorEpochs))), ("factor_positives", .number(Double(hybrid.factorPositives))),
                ("factor_validation_auc", .array(hybrid.factorValidationAUC.map { .number($0) })),
                ("block_pairs", .number(Double(hybrid.fit.pairs))), ("validation_pairs", .number(Double(hybrid.validationPairs))),
                ("best_step", .number(Double(hybrid.fit.bestStep ?? 0))),
            ])),
            ("weights", .object(FeatureBlock.allCases.map { ($0.rawValue, .number(Self.decimal(weights[$0]))) })),
        ])
    }
}
