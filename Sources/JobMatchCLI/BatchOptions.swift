import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchWorkflows

/// Options of the allocation and publication step, shared by `batch` and `batch merge`.
struct BatchAllocationOptions: ParsableArguments {
    @Option(name: .short, help: "Items per person.") var k: Int = 10
    @Flag(name: .customLong("no-caps"), help: "Turn the per-posting exposure caps off (pure ranking, for evaluators).") var noCaps = false
    @Option(name: .customLong("cap-factor"), help: "Exposure cap per opening: a posting goes to at most max(minimum-cap, cap-factor × openings) people.")
    var capFactor: Int = 20
    @Option(name: .customLong("minimum-cap"), help: "The smallest exposure cap of any posting.") var minimumCap: Int = 20
    @Option(name: .customLong("gate-drop"), help: "Refuse to publish when coverage or a group's share served fell by more than this fraction of the previous run's.")
    var gateDrop: Double = 0.25
    @Option(name: .customLong("gate-min-group"), help: "Groups smaller than this are not judged by the fairness gate.") var gateMinGroup: Int = 20
    @Flag(help: "Publish even when the quality gates refuse the run.") var force = false
    @Option(help: "The JSON Lines output, one line per applicant by id (the database always gets the lists).") var out: String?

    func validate() throws {
        guard k >= 1 else { throw ValidationError("-k must be at least 1") }
        guard capFactor >= 1, minimumCap >= 1 else { throw ValidationError("--cap-factor and --minimum-cap must be at least 1") }
        guard gateDrop >= 0, gateDrop <= 1 else { throw ValidationError("--gate-drop must be between 0 and 1") }
    }

    var allocation: AllocationConfiguration {
        AllocationConfiguration(k: k, capsEnabled: !noCaps, capFactor: capFactor, minimumCap: minimumCap)
    }

    var gate: QualityGate { QualityGate(maximumRelativeDrop: gateDrop, minimumGroupSize: gateMinGroup) }

    /// The options as the batch workflow takes them.
    var publish: BatchPublishOptions { BatchPublishOptions(allocation: allocation, gate: gate, force: force, out: out) }
}

/// Options that decide the scored candidates (and so must agree between shards and their merge).
struct BatchScoringOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "'now' or an RFC 3339 time the batch is computed at (default: now).") var asOf: String = "now"
    @Option(help: "Candidates kept per person for the allocation (M ≥ k).") var depth: Int = 50
    @Option(name: .customLong("window-days"), help: "Do not push a posting again to the same person within this many days.") var windowDays: Double = 7
    @Option(help: "A model folder (default: models/active, else models/default; when neither exists the model is learned from the database).") var model: String?
    @Option(name: .customLong("chunk-size"), help: "Applicants per checkpointed chunk.") var chunkSize: Int = 2000
    @Option(help: "Scoring threads: block workers, each with a single-threaded sgemm and its own scan (default: the number of cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard depth >= 1 else { throw ValidationError("--depth must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be at least 1") }
        guard windowDays >= 0 else { throw ValidationError("--window-days must not be negative") }
        _ = try TimeArgument.parse(asOf, option: "--as-of")
    }

    /// The options as the batch workflow takes them.
    var settings: NightlyBatch.Scoring {
        NightlyBatch.Scoring(depth: depth, windowDays: windowDays, model: model, chunkSize: chunkSize, threads: threads)
    }
}
