import Foundation
import JobMatchCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock one import holds on a database file while it stages its generation: an exclusive `flock` on
/// `<database>-import.lock` (0600). The kernel drops it when the process ends, however it ends, so a held
/// lock always means a live import and a free one means any staged tables left behind are garbage.
final class ImportLock {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// The lock for the database at `path`, or nil when another process holds it (`wait` false), or
    /// after waiting for it (`wait` true).
    static func acquire(database path: String, wait: Bool) throws -> ImportLock? {
        let lockPath = path + "-import.lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFile.mode)
        guard fd >= 0 else {
            throw JobMatchError(.io, "cannot open the import lock: \(String(cString: strerror(errno)))", file: lockPath)
        }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            close(fd)
            return nil
        }
        return ImportLock(fd: fd)
    }
}
