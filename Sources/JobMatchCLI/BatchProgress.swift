import Foundation

/// A progress bar on a terminal (stderr), silent otherwise: `scoring [#####.....] 52% 10400/20000 chunk 6/10 eta 0:42`.
final class BatchProgress {
    private var phase = ""
    private var total = 0
    private var started = Date()
    private var lastDraw = Date.distantPast
    private var lapStart = Date()
    /// Wall time of each phase so far, in order (see ``lap(_:)``).
    private(set) var phases: [(name: String, seconds: Double)] = []

    func note(_ text: String) { Console.progress(text) }

    func start(_ phase: String, total: Int) {
        self.phase = phase
        self.total = total
        started = Date()
        lastDraw = .distantPast
        advance(to: 0, detail: "")
    }

    func advance(to done: Int, detail: String) {
        guard Console.stderrIsTerminal else { return }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let share = total == 0 ? 1 : Double(done) / Double(total)
        let width = 30
        let filled = Int(share * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let elapsed = now.timeIntervalSince(started)
        let eta = done > 0 ? elapsed * Double(total - done) / Double(done) : 0
        Console.progress("\(phase) [\(bar)] \(Int(share * 100))% \(done)/\(total) \(detail) eta \(Self.clock(eta))")
    }

    /// Ends the phase with a line that stays (on a terminal).
    func end(_ text: String) {
        guard Console.stderrIsTerminal else { return }
        Console.endProgress()
        Console.error(text + " in \(Self.clock(Date().timeIntervalSince(started)))")
    }

    func finish() { Console.endProgress() }

    /// Closes the phase `name` (it ran since the previous lap or since the start).
    func lap(_ name: String) {
        let now = Date()
        phases.append((name, now.timeIntervalSince(lapStart)))
        lapStart = now
    }

    /// `phases: load 3.1 s, index 20.4 s, …`.
    var timeline: String {
        "phases: " + phases.map { "\($0.name) \(String(format: "%.1f", $0.seconds)) s" }.joined(separator: ", ")
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
