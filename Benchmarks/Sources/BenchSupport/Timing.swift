/// Wall-clock timing of a closure: the best and the median of `repeats` runs, in seconds.
public func measure(repeats: Int, _ body: () -> Void) -> (best: Double, median: Double) {
    var times: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<max(1, repeats) {
        let elapsed = clock.measure(body)
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    times.sort()
    return (times[0], times[times.count / 2])
}
