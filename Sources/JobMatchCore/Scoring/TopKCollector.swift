/// Keeps the best `capacity` (score, row) pairs seen, as a bounded min-heap whose root is the worst kept.
/// Order: higher score first, ties by lower `tieKey` (the job id's rank), so results are deterministic.
public struct TopKCollector: Sendable {
    public let capacity: Int
    public private(set) var scores: [Float] = []
    public private(set) var rows: [Int32] = []

    public init(capacity: Int) {
        self.capacity = capacity
        scores.reserveCapacity(capacity)
        rows.reserveCapacity(capacity)
    }

    public var count: Int { scores.count }
    public var isFull: Bool { scores.count >= capacity }

    /// Scores below this cannot enter (−∞ while not full). Equal scores may still enter on the tie-break.
    @inline(__always)
    public var threshold: Float { scores.count < capacity ? -.infinity : scores[0] }

    /// `a` ranks before `b`.
    @inline(__always)
    static func better(_ sa: Float, _ ra: Int32, _ sb: Float, _ rb: Int32, _ ids: [String]) -> Bool {
        sa > sb || (sa == sb && ids[Int(ra)] < ids[Int(rb)])
    }

    /// Offers a candidate; `ids` gives the tie-break order of rows.
    @inline(__always)
    public mutating func offer(score: Float, row: Int32, ids: [String]) {
        guard capacity > 0 else { return }
        if scores.count < capacity {
            scores.append(score)
            rows.append(row)
            siftUp(scores.count - 1, ids)
        } else if Self.better(score, row, scores[0], rows[0], ids) {
            scores[0] = score
            rows[0] = row
            siftDown(0, ids)
        }
    }

    /// The kept pairs, best first.
    public func sorted(ids: [String]) -> [(row: Int, score: Float)] {
        zip(rows, scores).sorted { Self.better($0.1, $0.0, $1.1, $1.0, ids) }.map { (Int($0.0), $0.1) }
    }

    // Min-heap by "worse ranks lower": parent is worse than its children.
    private mutating func siftUp(_ start: Int, _ ids: [String]) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.better(scores[parent], rows[parent], scores[i], rows[i], ids) else { break }
            scores.swapAt(parent, i)
            rows.swapAt(parent, i)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int, _ ids: [String]) {
        var i = start
        let n = scores.count
        while true {
            let left = 2 * i + 1, right = left + 1
            var worst = i
            if left < n, Self.better(scores[worst], rows[worst], scores[left], rows[left], ids) { worst = left }
            if right < n, Self.better(scores[worst], rows[worst], scores[right], rows[right], ids) { worst = right }
            if worst == i { return }
            scores.swapAt(worst, i)
            rows.swapAt(worst, i)
            i = worst
        }
    }
}
