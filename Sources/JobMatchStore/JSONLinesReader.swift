import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JobMatchCore

/// Streams the lines of a JSON Lines file in fixed-size chunks, so a file of any size is read
/// with bounded memory. Blank lines are skipped; line numbers are 1-based.
public struct JSONLinesReader: Sequence {
    public let path: String
    public let chunkSize: Int

    public init(path: String, chunkSize: Int = 1 << 20) {
        self.path = path
        self.chunkSize = chunkSize
    }

    /// The file's size in bytes, for progress.
    public func byteCount() -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// One non-blank line, its number, and how many bytes of the file have been read so far.
    public struct Line {
        public let number: Int
        public let bytes: ArraySlice<UInt8>
        public let bytesRead: Int
    }

    public func makeIterator() -> Iterator { Iterator(handle: FileHandle(forReadingAtPath: path), chunkSize: chunkSize) }

    /// Throws `io` when the path is not a readable regular file (a folder, a FIFO or a device named like
    /// a data file would otherwise read as empty, or block). Links are followed.
    public func checkReadable() throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw JobMatchError(.io, "cannot read the file: \(String(cString: strerror(errno)))", file: path)
        }
        let kind = Int(info.st_mode) & Int(S_IFMT)
        guard kind == Int(S_IFREG) else {
            let what = switch kind {
            case Int(S_IFDIR): "a folder"
            case Int(S_IFIFO): "a FIFO (named pipe)"
            case Int(S_IFCHR), Int(S_IFBLK): "a device"
            case Int(S_IFSOCK): "a socket"
            default: "a special file"
            }
            throw JobMatchError(.io, "not a regular file: it is \(what)", file: path)
        }
        guard access(path, R_OK) == 0 else {
            throw JobMatchError(.io, "cannot read the file: \(String(cString: strerror(errno)))", file: path)
        }
    }

    /// True when anything is at the path, even a broken link: an optional file that is present must be a
    /// regular file too.
    public var exists: Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    public struct Iterator: IteratorProtocol {
        let handle: FileHandle?
        let chunkSize: Int
        var buffer: [UInt8] = []
        var start = 0
        var lineNumber = 0
        var bytesRead = 0
        var atEnd = false

        init(handle: FileHandle?, chunkSize: Int) {
            self.handle = handle
            self.chunkSize = chunkSize
            self.atEnd = handle == nil
        }

        public mutating func next() -> Line? {
            while true {
                if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    lineNumber += 1
                    let line = buffer[start..<newline]
                    start = newline + 1
                    if isBlank(line) { continue }
                    return Line(number: lineNumber, bytes: trimCR(line), bytesRead: bytesRead)
                }
                if atEnd {
                    guard start < buffer.count else { return nil }
                    lineNumber += 1
                    let line = buffer[start...]
                    start = buffer.count
                    return isBlank(line) ? nil : Line(number: lineNumber, bytes: trimCR(line), bytesRead: bytesRead)
                }
                // Keep the unfinished line, read the next chunk.
                buffer.removeFirst(start)
                start = 0
                let chunk = (try? handle?.read(upToCount: chunkSize)) ?? nil
                if let chunk, !chunk.isEmpty {
                    buffer.append(contentsOf: chunk)
                    bytesRead += chunk.count
                } else {
                    atEnd = true
                    try? handle?.close()
                }
            }
        }

        private func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
            line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        }

        private func trimCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            line.last == 0x0D ? line.dropLast() : line
        }
    }
}
