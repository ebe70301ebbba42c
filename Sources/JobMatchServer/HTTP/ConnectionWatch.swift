import Foundation
import NIOCore

/// Notices when a client goes away (closes its side, or the connection drops) so that work done for it
/// can stop: one ``ConnectionWatch`` handler per connection, found by the request context through
/// ``ConnectionWatch/state(of:)``.
final class ConnectionWatch: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    /// Whether the client of one connection has gone.
    final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var gone = false
        var clientGone: Bool { lock.withLock { gone } }
        func markGone() { lock.withLock { gone = true } }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var states: [ObjectIdentifier: State] = [:]

    /// The state of a connection's client (nil when the connection is not watched).
    static func state(of channel: any Channel) -> State? { lock.withLock { states[ObjectIdentifier(channel)] } }

    private let state = State()

    func handlerAdded(context: ChannelHandlerContext) {
        let key = ObjectIdentifier(context.channel)
        Self.lock.withLock { Self.states[key] = state }
    }

    func handlerRemoved(context: ChannelHandlerContext) { forget(context) }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed? = event as? ChannelEvent { state.markGone() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        forget(context)
        context.fireChannelInactive()
    }

    private func forget(_ context: ChannelHandlerContext) {
        state.markGone()
        let key = ObjectIdentifier(context.channel)
        Self.lock.withLock { if Self.states[key] === state { Self.states[key] = nil } }
    }
}
