import Dispatch
import Foundation

/// Two stages in step: items `0..<count` are produced on a background thread (which may itself use every
/// core, e.g. with ``Swift/Array/concurrentMap(_:)``) at most `ahead` items ahead of the consumer, and
/// consumed in order on the calling thread. While the consumer writes item i (and waits, e.g. for a
/// database's bounded transactions), item i + 1 is being produced.
///
/// When the consumer throws, production stops after the item under way and the error is rethrown; nothing
/// is consumed out of order or twice.
public enum OrderedPipeline {
    public static func run<T: Sendable>(count: Int, ahead: Int = 2, produce: @escaping @Sendable (Int) -> T,
                                        consume: (Int, T) throws -> Void) throws
    {
        guard count > 0 else { return }
        let channel = Channel<T>(capacity: max(1, ahead))
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            for i in 0..<count {
                guard channel.waitForRoom() else { break }
                channel.put(produce(i))
            }
            done.signal()
        }
        defer {
            channel.cancel()
            done.wait()
        }
        for i in 0..<count { try consume(i, channel.take()) }
    }

    /// A bounded first-in first-out hand-over between the two threads.
    private final class Channel<T>: @unchecked Sendable {
        private let condition = NSCondition()
        private var items: [T] = []
        private var cancelled = false
        private let capacity: Int

        init(capacity: Int) { self.capacity = capacity }

        /// Waits until an item may be added; false once cancelled.
        func waitForRoom() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while items.count >= capacity && !cancelled { condition.wait() }
            return !cancelled
        }

        func put(_ item: T) {
            condition.lock()
            items.append(item)
            condition.broadcast()
            condition.unlock()
        }

        /// The next item, waiting for it (the producer makes every item until cancelled).
        func take() -> T {
            condition.lock()
            defer { condition.unlock() }
            while items.isEmpty { condition.wait() }
            let item = items.removeFirst()
            condition.broadcast()
            return item
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
