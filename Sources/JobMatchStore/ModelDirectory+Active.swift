import Foundation
import JobMatchCore

/// Which model folder is in force: `models/active` (a symbolic link `jobmatch train` points at the newest
/// trained model) when it exists, else `models/default`. `recommend`, `batch` and the daemon open
/// ``resolvedPath(root:)`` when no model is named.
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
