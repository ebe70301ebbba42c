import Foundation
import JobMatchCore

/// Which model folder is in force. For a database: the model `jobmatch train` recorded in it
/// (``AppDatabase/activeModel()``, ``resolvedPath(for:root:)``), so training on one database never changes what
/// another uses; without a record, `models/active` when that link exists (older set-ups), else `models/default`.
public enum ActiveModel {
    public static let defaultRoot = "models"
    static let linkName = "active"

    /// The path of the active link under `root`.
    public static func linkPath(root: String = defaultRoot) -> String { (root as NSString).appendingPathComponent(linkName) }

    /// `root/active` when it leads to a model folder, else the default model's path.
    public static func resolvedPath(root: String = defaultRoot) -> String {
        let link = linkPath(root: root)
        if FileManager.default.fileExists(atPath: (link as NSString).appendingPathComponent("manifest.json")) { return link }
        return root == defaultRoot ? ModelDirectory.defaultPath : (root as NSString).appendingPathComponent("default")
    }

    /// The model folder in force for `database`: its recorded active model when that folder still holds the files
    /// it was recorded with (same hash); else ``resolvedPath(root:)``. A recorded folder that changed or went
    /// missing is an error, not a silent fallback.
    public static func resolvedPath(for database: AppDatabase, root: String = defaultRoot) throws -> String {
        guard let recorded = try database.activeModel() else { return resolvedPath(root: root) }
        let now: String
        do { now = try ModelDirectory(path: recorded.path).contentHash() } catch {
            throw JobMatchError(.notFound, "the database's active model is missing", file: recorded.path)
        }
        guard now == recorded.sha256 else {
            throw JobMatchError(.invalidRecord, "the database's active model changed since it was activated (sha256 \(now.prefix(12)), recorded \(recorded.sha256.prefix(12)))",
                                file: recorded.path)
        }
        return recorded.path
    }

    /// Points `root/active` at `folder` atomically (a new link renamed over the old one). The link is relative
    /// when the folder is inside `root`, absolute otherwise.
    public static func activate(folder: String, root: String = defaultRoot) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let folderURL = URL(fileURLWithPath: folder).standardizedFileURL
        let destination = folderURL.deletingLastPathComponent().path == rootURL.path ? folderURL.lastPathComponent : folderURL.path
        let temporary = (root as NSString).appendingPathComponent(".\(linkName).\(getpid())")
        try? fm.removeItem(atPath: temporary)
        guard symlink(destination, temporary) == 0 else {
            throw JobMatchError(.io, "cannot create the link \(temporary): \(String(cString: strerror(errno)))", file: temporary)
        }
        guard rename(temporary, linkPath(root: root)) == 0 else {
            throw JobMatchError(.io, "cannot replace \(linkPath(root: root)): \(String(cString: strerror(errno)))", file: linkPath(root: root))
        }
    }
}
