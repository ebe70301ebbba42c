import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchMarket

/// `jobmatch generate`: writes a synthetic Chongqing market as a data set folder (interchange format).
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a synthetic Chongqing labour market (applicants, jobs, interactions) as a data set folder."
    )

    @Option(help: "The output folder (created if missing; existing data set files are replaced).") var out: String
    @Option(help: "Number of applicants.") var applicants: Int = 2000
    @Option(help: "Number of job postings.") var jobs: Int = 1000
    @Option(help: "Random seed: the same seed gives the same bytes.") var seed: UInt64 = 20_261_130
    @Option(help: "Length of the simulated period in days, ending at --as-of.") var days: Int = 180
    @Option(name: .customLong("as-of"), help: "End of the simulated period (RFC 3339 with offset).") var asOf: String = "2026-11-30T09:00:00+08:00"
    @Option(help: "Data set name for the manifest (default: the output folder's name).") var name: String?
    @Flag(help: "Print the data set's statistics (Markdown) to standard output.") var summary = false
    @Flag(help: "Plant supervision anomalies (over-filled postings, ineligible public-welfare occupants, a double full-time hire); listed in planted.json.")
    var plantAnomalies = false
    @Option(name: .customLong("split-at"), help: "Also write oracle.jsonl: each person's ranking at this time by the generator's own hidden utilities (the ceiling jobmatch eval shows).")
    var splitAt: String?
    @Flag(name: .customLong("no-hidden"), help: "Switch every hidden part off: outcomes follow the observable suitability model alone.")
    var noHidden = false
    @Flag(name: .customLong("no-attractiveness"), help: "No hidden posting attractiveness.") var noAttractiveness = false
    @Flag(name: .customLong("no-employer-taste"), help: "No hidden employer selectiveness and taste.") var noEmployerTaste = false
    @Flag(name: .customLong("no-person-taste"), help: "No hidden person taste.") var noPersonTaste = false
    @Flag(name: .customLong("no-travel-tolerance"), help: "Travel tolerance equals the stated commute limit.") var noTravelTolerance = false
    @Flag(name: .customLong("no-stated-noise"), help: "Stated wage and job-type wishes are the true ones.") var noStatedNoise = false

    /// The hidden structure the flags leave on (datasets/README.md, "Hidden structure").
    var latent: LatentConfiguration {
        if noHidden { return .off }
        var c = LatentConfiguration()
        if noAttractiveness { c.postingAttractiveness = 0 }
        if noEmployerTaste { c.employerSelectiveness = 0; c.employerTaste = 0 }
        if noPersonTaste { c.personTaste = 0 }
        if noTravelTolerance { c.travelTolerance = 0 }
        if noStatedNoise { c.statedPreferenceNoise = 0 }
        return c
    }

    func run() async throws {
        guard let asOfTime = Timestamp(rfc3339: asOf) else {
            throw ValidationError("--as-of must be an RFC 3339 time with offset, e.g. 2026-11-30T09:00:00+08:00")
        }
        let split = try splitAt.map { try TimeArgument.parse($0, option: "--split-at") }
        var configuration = MarketConfiguration(applicants: applicants, jobs: jobs, seed: seed, days: days, asOf: asOfTime, latent: latent)
        configuration.plantAnomalies = plantAnomalies
        let generator = MarketGenerator(configuration: configuration)
        let showProgress = isatty(STDERR_FILENO) != 0
        let started = Date()
        func report(_ phase: String) {
            guard showProgress else { return }
            FileHandle.standardError.write(Data(String(format: "[%6.1fs] %@\n", Date().timeIntervalSince(started), phase).utf8))
        }
        var (market, oracle) = try generator.generateWithOracle(split: split, progress: report)
        let planted = configuration.plantAnomalies ? generator.plantAnomalies(in: &market) : nil
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        report("writing \(folder.path)")
        try Self.writeLines(market.applicants.lazy.map(\.interchangeJSON.jsonText), to: folder.appendingPathComponent("applicants.jsonl"))
        try Self.writeLines(market.jobs.lazy.map(\.interchangeJSON.jsonText), to: folder.appendingPathComponent("jobs.jsonl"))
        try Self.writeLines(market.interactions.lazy.map(\.interchangeJSON.jsonText), to: folder.appendingPathComponent("interactions.jsonl"))
        try Self.writeLines(market.trainings.lazy.map(\.interchangeJSON.jsonText), to: folder.appendingPathComponent("trainings.jsonl"))
        try Self.writeLines(market.services.lazy.map(\.interchangeJSON.jsonText), to: folder.appendingPathComponent("services.jsonl"))
        if split != nil {
            try Self.writeLines(oracle.lazy.map(\.json.jsonText), to: folder.appendingPathComponent("oracle.jsonl"))
        }
        let manifest = generator.manifest(name: name ?? folder.lastPathComponent, market: market)
        try Self.writeLines(CollectionOfOne(manifest.jsonText), to: folder.appendingPathComponent("manifest.json"))
        if let planted {
            try Self.writeLines(CollectionOfOne(JSONValue.object([("planted", .array(planted.map(\.json)))]).jsonText),
                                to: folder.appendingPathComponent("planted.json"))
        }
        if summary { print(MarketStatistics(market, asOf: asOfTime).markdown) }
        report("done: \(market.applicants.count) applicants, \(market.jobs.count) jobs, \(market.interactions.count) interactions, "
            + "\(market.trainings.count) trainings, \(market.services.count) services")
    }

    /// Writes one line per element through a FileHandle, in 1 MiB buffered chunks.
    static func writeLines(_ lines: some Sequence<String>, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw JobMatchError(.io, "cannot create \(url.path)", file: url.path)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Data()
        buffer.reserveCapacity(1 << 20)
        for line in lines {
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try handle.write(contentsOf: buffer) }
    }
}
