import ArgumentParser
import Foundation
import JobMatchCore
import JobMatchStore

/// `jobmatch model build --data DIR --out DIR`: learns a model (vocabulary, IDF, synonyms) from a data set folder.
struct ModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Build and inspect matching models (models/NAME/).",
        subcommands: [Build.self, Info.self]
    )

    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Learn a model from a data set folder (applicants.jsonl, jobs.jsonl) and write it to a folder."
        )
        @Option(help: "The data set folder.") var data: String
        @Option(help: "The model folder to write.") var out: String = ModelDirectory.defaultPath
        @Option(help: "Vector dimension.") var dimension: Int = 256
        @Option(help: "A name for the model's manifest (default: the folder's name).") var name: String?

        func run() async throws {
            let (applicants, jobs) = try DataSetRecords.read(folder: data)
            var configuration = FeatureConfiguration()
            configuration.dimension = dimension
            let modelName = name ?? URL(fileURLWithPath: out).lastPathComponent
            let model = MatchModel.build(from: applicants, jobs: jobs, configuration: configuration, name: modelName)
            try ModelDirectory(path: out).write(model)
            print("model \(modelName): \(applicants.count) applicants, \(jobs.count) jobs, \(model.vocabulary.idf.count) terms, "
                + "\(model.skills.canonicalByVariant.count) skill variants, d = \(model.dimension)")
            print("data sha256 \(model.manifest.dataHash)")
            print("written to \(out)")
        }
    }

    struct Info: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a model's manifest and block weights.")
        @Argument(help: "The model folder.") var folder: String = ModelDirectory.defaultPath

        func run() async throws {
            let model = try ModelDirectory(path: folder).read()
            let m = model.manifest
            print("name \(m.name), format \(m.formatVersion), d = \(model.dimension)")
            print("learned from \(m.applicantCount) applicants, \(m.jobCount) jobs, data sha256 \(m.dataHash)")
            for block in FeatureBlock.allCases {
                let range = model.layout[block]
                print("  \(block.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) dims \(range.lowerBound)..<\(range.upperBound)  weight \(model.weights[block])")
            }
        }
    }
}

/// Reads the applicants and jobs of a data set folder (interchange format), failing on the first bad line.
enum DataSetRecords {
    static func read(folder: String) throws -> (applicants: [Applicant], jobs: [Job]) {
        let applicants = try lines(folder, Interchange.File.applicants.rawValue).map { line, number in
            try decode(Interchange.decodeApplicant(line), folder, "applicants.jsonl", number)
        }
        let jobs = try lines(folder, Interchange.File.jobs.rawValue).map { line, number in
            try decode(Interchange.decodeJob(line), folder, "jobs.jsonl", number)
        }
        return (applicants, jobs)
    }

    static func lines(_ folder: String, _ name: String) throws -> [(ArraySlice<UInt8>, Int)] {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JobMatchError(.notFound, "cannot read the file", file: path)
        }
        let bytes = [UInt8](data)
        var result: [(ArraySlice<UInt8>, Int)] = []
        var start = 0, number = 1
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
            let line = bytes[start..<i]
            if line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) {
                result.append((line, number))
            }
            start = i + 1
            number += 1
        }
        return result
    }

    static func decode<R>(_ decoded: Interchange.Decoded<R>, _ folder: String, _ file: String, _ line: Int) throws -> R {
        if let record = decoded.record, decoded.errors.isEmpty { return record }
        let issue = decoded.errors.first
        throw JobMatchError(.invalidRecord, issue?.message ?? "invalid record", field: issue?.field,
                            file: (folder as NSString).appendingPathComponent(file), line: line)
    }
}
