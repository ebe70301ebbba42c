import Foundation
import JobMatchCore

/// A model on disk: a folder with `manifest.json` and one JSON file per learned part
/// (`vocabulary.json`, `skills.json`, `location.json`, `suitability.json`, `weights.json`, and for a hybrid
/// model `factors.json`).
/// Written with sorted keys, so the same model gives the same bytes.
public struct ModelDirectory: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The model that ships with JobMatch, relative to the working directory.
    public static let defaultPath = "models/default"

    enum FileName {
        static let manifest = "manifest.json"
        static let vocabulary = "vocabulary.json"
        static let skills = "skills.json"
        static let location = "location.json"
        static let suitability = "suitability.json"
        static let weights = "weights.json"
        static let factors = "factors.json"
    }

    /// Writes every part, creating the folder if needed.
    public func write(_ model: MatchModel) throws(JobMatchError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw JobMatchError(.io, "cannot create the model folder: \(error.localizedDescription)", file: path)
        }
        try write(model.manifest, to: FileName.manifest)
        try write(model.vocabulary, to: FileName.vocabulary)
        try write(model.skills, to: FileName.skills)
        try write(model.location, to: FileName.location)
        try write(model.suitability, to: FileName.suitability)
        try write(model.weights, to: FileName.weights)
        let factors = (path as NSString).appendingPathComponent(FileName.factors)
        if let collaborative = model.collaborative {
            try write(collaborative, to: FileName.factors)
        } else if FileManager.default.fileExists(atPath: factors) {
            try? FileManager.default.removeItem(atPath: factors)
        }
    }

    /// Reads a model, refusing format versions this build does not know.
    public func read() throws(JobMatchError) -> MatchModel {
        guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(FileName.manifest)) else {
            throw JobMatchError(.notFound, "no model here (manifest.json is missing)", file: path)
        }
        let manifest = try read(ModelManifest.self, from: FileName.manifest)
        guard manifest.formatVersion == ModelManifest.currentFormatVersion else {
            throw JobMatchError(.invalidRecord, "model format version \(manifest.formatVersion) is not supported (expected \(ModelManifest.currentFormatVersion))",
                                field: "format_version", file: (path as NSString).appendingPathComponent(FileName.manifest))
        }
        return MatchModel(
            manifest: manifest,
            vocabulary: try read(TextVocabulary.self, from: FileName.vocabulary),
            skills: try read(SkillVocabulary.self, from: FileName.skills),
            location: try read(LocationEncoder.self, from: FileName.location),
            suitability: try read(SuitabilityAffinities.self, from: FileName.suitability),
            weights: try read(BlockWeights.self, from: FileName.weights),
            collaborative: FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(FileName.factors))
                ? try read(CollaborativeFactors.self, from: FileName.factors) : nil
        )
    }

    private func write(_ value: some Encodable, to name: String) throws(JobMatchError) {
        let file = (path as NSString).appendingPathComponent(name)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(UInt8(ascii: "\n"))
            try data.write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw JobMatchError(.io, "cannot write: \(error.localizedDescription)", file: file)
        }
    }

    private func read<T: Decodable>(_ type: T.Type, from name: String) throws(JobMatchError) -> T {
        let file = (path as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw JobMatchError(.notFound, "missing model file", file: file)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw JobMatchError(.invalidRecord, "not a valid model file: \(error)", file: file)
        }
    }
}
