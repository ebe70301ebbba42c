import Dispatch
import Foundation

/// Two pieces of work at the same time, e.g. two database reads on separate connections, each decoding on
/// all cores: the serial parts of one (SQLite stepping through rows) overlap with the other.
public enum Concurrently {
    /// Runs `second` on a thread of its own while `first` runs on the calling thread, and returns both
    /// results once both are done; rethrows the first's error, else the second's.
    public static func both<A, B: Sendable>(_ first: () throws -> A, _ second: @escaping @Sendable () throws -> B) throws -> (A, B) {
        let box = ResultBox<B>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.result = Result { try second() }
            done.signal()
        }
        let a = Result { try first() }
        done.wait()
        return (try a.get(), try box.result!.get())
    }

    /// Written by the second thread before it signals, read by the first after it waited.
    private final class ResultBox<B>: @unchecked Sendable {
        var result: Result<B, any Error>?
    }
}
