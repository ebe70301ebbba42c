import Foundation
import JobMatchCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that hold personal data (the database, exports, batch output, shard and checkpoint files) are
/// created readable and writable by their owner only (0600), whatever the process's umask.
public enum PrivateFile {
    /// The mode of every file with personal data.
    public static let mode: mode_t = 0o600

    /// Opens `path` for writing, creating it (0600) or truncating it; an existing file is set to 0600 too.
    public static func create(_ path: String) throws -> FileHandle {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw JobMatchError(.io, "cannot create the file: \(String(cString: strerror(errno)))", file: path) }
        guard fchmod(fd, mode) == 0 else {
            close(fd)
            throw JobMatchError(.io, "cannot set the file's mode to 0600", file: path)
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Writes `data` to `path` atomically (a 0600 temporary file renamed over the target).
    public static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".partial"
        do {
            let handle = try create(temporary)
            try handle.write(contentsOf: data)
            try handle.close()
        } catch let error as JobMatchError {
            throw error
        } catch {
            throw JobMatchError(.io, "cannot write: \(error)", file: temporary)
        }
        guard rename(temporary, path) == 0 else {
            throw JobMatchError(.io, "cannot move the file into place: \(String(cString: strerror(errno)))", file: path)
        }
    }

    /// Sets an existing file to 0600 (no error when it does not exist).
    public static func restrict(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard chmod(path, mode) == 0 else { throw JobMatchError(.io, "cannot set the file's mode to 0600", file: path) }
    }

    /// The permission bits of a file, or nil when it does not exist.
    public static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }
}
