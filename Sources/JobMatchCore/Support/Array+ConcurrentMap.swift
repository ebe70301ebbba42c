import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` on all cores: the same elements in the same order as `map(transform)`, for a pure
    /// `transform` (feature extraction, explanations, encoding) over many records.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let n = count
        let slices = Swift.min(n, 4 * ProcessInfo.processInfo.activeProcessorCount)
        guard slices > 1 else { return map(transform) }
        return withUnsafeBufferPointer { source in
            [T](unsafeUninitializedCapacity: n) { target, initialized in
                let pointers = SlicePointers(source: source.baseAddress!, target: target.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: slices) { s in
                    for i in (n * s / slices)..<(n * (s + 1) / slices) {
                        (pointers.target + i).initialize(to: transform(pointers.source[i]))
                    }
                }
                initialized = n
            }
        }
    }
}

/// The input and output of ``Swift/Array/concurrentMap(_:)``, touched at disjoint indices by each worker.
private struct SlicePointers<Element, T>: @unchecked Sendable {
    let source: UnsafePointer<Element>
    let target: UnsafeMutablePointer<T>
}
