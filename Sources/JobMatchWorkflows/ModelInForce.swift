import Foundation
import JobMatchCore
import JobMatchStore

/// The model a command or the daemon scores with, and where it came from. ``open(configured:database:learnWhenConfiguredIsMissing:data:note:)``
/// is the one way every `jobmatch` command and `jobmatchd` find it:
///
/// 1. the folder given (`--model`, or the daemon's `model` setting), else
/// 2. the database's active model (``ActiveModel/resolvedPath(for:root:)``: what `jobmatch train` recorded in
///    that database, else `models/active`, else `models/default`);
/// 3. when the folder chosen holds no model (no `manifest.json`), a model learned from the stored data, with a
///    note. A folder that was given explicitly and holds no model is an error unless the caller allows learning.
public struct ModelInForce: Sendable {
    public var model: MatchModel
    /// The folder it was read from (or would have been read from, for a learned model).
    public var path: String
    /// SHA-256 of the folder's files (``ModelDirectory/contentHash()``), or `learned`.
    public var sha256: String

    /// True when no folder held a model and it was learned from the data.
    public var isLearned: Bool { sha256 == Self.learned }

    /// `name@hash16` of the manifest, prefixed `learned:` for a learned model: stored with batch runs and lists.
    public var version: String {
        (isLearned ? "learned:" : "") + "\(model.manifest.name)@\(model.manifest.dataHash.prefix(16))"
    }

    static let learned = "learned"

    public init(model: MatchModel, path: String, sha256: String) {
        self.model = model
        self.path = path
        self.sha256 = sha256
    }

    /// Opens the model in force (see the type's documentation). `data` gives the applicants and postings to learn
    /// from, read only when a model has to be learned; `note` hears why it was learned.
    public static func open(
        configured: String?, database: AppDatabase, learnWhenConfiguredIsMissing: Bool = false,
        data: () throws -> (applicants: [Applicant], jobs: [Job]), note: (String) -> Void = { _ in }
    ) throws -> ModelInForce {
        let path = try configured ?? ActiveModel.resolvedPath(for: database)
        let manifest = (path as NSString).appendingPathComponent("manifest.json")
        if FileManager.default.fileExists(atPath: manifest) || (configured != nil && !learnWhenConfiguredIsMissing) {
            let folder = ModelDirectory(path: path)
            return ModelInForce(model: try folder.read(), path: path, sha256: try folder.contentHash())
        }
        note("no model in \(path); learning one from the stored data")
        let (applicants, jobs) = try data()
        return ModelInForce(model: MatchModel.build(from: applicants, jobs: jobs), path: path, sha256: learned)
    }
}
