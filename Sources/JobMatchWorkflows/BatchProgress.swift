import Foundation

/// A batch's progress and the wall time of its phases: `scoring [#####.....] 52% 10400/20000 chunk 6/10 eta 0:42`
/// on a live display, nothing otherwise; ``timeline`` either way.
public final class BatchProgress {
    private let display: (any ProgressDisplay)?
    private var phase = ""
    private var total = 0
    private var started = Date()
    private var lastDraw = Date.distantPast
    private var lapStart = Date()
    /// Wall time of each phase so far, in order (see ``lap(_:)``).
    public private(set) var phases: [(name: String, seconds: Double)] = []

    /// Progress shown on `display`, or nowhere.
    public init(display: (any ProgressDisplay)? = nil) {
        self.display = display
    }

    private var isLive: Bool { display?.isLive ?? false }

    /// A one-line note of what is happening now.
    public func note(_ text: String) { if isLive { display?.redraw(text) } }

    /// Starts the phase `phase` of `total` steps.
    public func start(_ phase: String, total: Int) {
        self.phase = phase
        self.total = total
        started = Date()
        lastDraw = .distantPast
        advance(to: 0, detail: "")
    }

    /// `done` of the phase's steps are done.
    public func advance(to done: Int, detail: String) {
        guard isLive else { return }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let share = total == 0 ? 1 : Double(done) / Double(total)
        let width = 30
        let filled = Int(share * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let elapsed = now.timeIntervalSince(started)
        let eta = done > 0 ? elapsed * Double(total - done) / Double(done) : 0
        display?.redraw("\(phase) [\(bar)] \(Int(share * 100))% \(done)/\(total) \(detail) eta \(Self.clock(eta))")
    }

    /// Ends the phase with a line that stays (on a terminal).
    public func end(_ text: String) {
        guard isLive else { return }
        display?.clear()
        display?.print(text + " in \(Self.clock(Date().timeIntervalSince(started)))")
    }

    /// Clears the progress line.
    public func finish() { if isLive { display?.clear() } }

    /// Closes the phase `name` (it ran since the previous lap or since the start).
    public func lap(_ name: String) {
        let now = Date()
        phases.append((name, now.timeIntervalSince(lapStart)))
        lapStart = now
    }

    /// `phases: load 3.1 s, index 20.4 s, …`.
    public var timeline: String {
        "phases: " + phases.map { "\($0.name) \(String(format: "%.1f", $0.seconds)) s" }.joined(separator: ", ")
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
