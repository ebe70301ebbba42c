import Foundation
import JobMatchWorkflows

/// Output helpers: results on stdout, diagnostics and progress on stderr.
enum Console {
    /// True when stderr is a terminal, so progress lines can redraw in place.
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Redraws a one-line progress display on a terminal; silent otherwise.
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Ends a progress display.
    static func endProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// `12.3 MB` style sizes.
    static func bytes(_ count: Int) -> String {
        let mb = Double(count) / 1_048_576
        return mb >= 1 ? String(format: "%.1f MB", mb) : "\(count / 1024) KB"
    }
}

/// A batch's progress on stderr, redrawn in place when stderr is a terminal.
final class TerminalProgress: ProgressDisplay {
    var isLive: Bool { Console.stderrIsTerminal }
    func redraw(_ line: String) { Console.progress(line) }
    func clear() { Console.endProgress() }
    func print(_ line: String) { Console.error(line) }
}
