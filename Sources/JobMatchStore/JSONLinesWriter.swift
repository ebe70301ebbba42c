import Foundation
import JobMatchCore

/// Writes a JSON Lines file through a buffer, into a temporary file that replaces the target
/// only on ``commit()``: a reader never sees a half-written file. The file is created 0600 (``PrivateFile``).
public final class JSONLinesWriter {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20

    /// Creates the parent folder when missing.
    public init(path: String) throws {
        self.path = path
        self.temporaryPath = path + ".partial"
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw JobMatchError(.io, "cannot create the folder: \(error)", file: url.deletingLastPathComponent().path)
        }
        // Personal data: owner-only (0600) whatever the umask.
        self.handle = try PrivateFile.create(temporaryPath)
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    /// Appends one JSON value as a line.
    public func write(_ value: JSONValue) throws {
        try write(line: value.jsonText)
    }

    /// Appends one line of text (a newline is added).
    public func write(line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= flushThreshold { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            throw JobMatchError(.io, "cannot write: \(error)", file: temporaryPath)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and moves the file into place.
    public func commit() throws {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporaryPath, toPath: path)
        } catch {
            throw JobMatchError(.io, "cannot move the finished file into place: \(error)", file: path)
        }
    }

    /// Drops what was written.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
