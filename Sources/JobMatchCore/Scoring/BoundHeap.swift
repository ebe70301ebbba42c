/// The `capacity` largest lower bounds seen, as a min-heap: ``threshold`` (the smallest kept, once full)
/// is at most the `capacity`-th best exact score among the rows offered.
struct BoundHeap: Sendable {
    let capacity: Int
    private(set) var values: [Float] = []

    init(capacity: Int) {
        self.capacity = capacity
        values.reserveCapacity(capacity)
    }

    /// −∞ until `capacity` bounds are kept, then the smallest of them.
    @inline(__always)
    var threshold: Float { values.count < capacity || capacity == 0 ? -.infinity : values[0] }

    mutating func insert(_ x: Float) {
        guard capacity > 0 else { return }
        if values.count < capacity {
            values.append(x)
            var i = values.count - 1
            while i > 0, values[(i - 1) / 2] > values[i] {
                values.swapAt((i - 1) / 2, i)
                i = (i - 1) / 2
            }
        } else if x > values[0] {
            values[0] = x
            var i = 0
            while true {
                let left = 2 * i + 1, right = left + 1
                var least = i
                if left < values.count, values[left] < values[least] { least = left }
                if right < values.count, values[right] < values[least] { least = right }
                if least == i { return }
                values.swapAt(least, i)
                i = least
            }
        }
    }
}
