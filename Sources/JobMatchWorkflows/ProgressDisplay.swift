/// Where a batch's progress goes: a terminal line redrawn in place (the CLI), or nowhere (tests, the daemon).
public protocol ProgressDisplay: AnyObject {
    /// True when redrawn lines are seen (a terminal), so bars are worth drawing.
    var isLive: Bool { get }
    /// Replaces the current progress line.
    func redraw(_ line: String)
    /// Clears the progress line.
    func clear()
    /// A line that stays.
    func print(_ line: String)
}
