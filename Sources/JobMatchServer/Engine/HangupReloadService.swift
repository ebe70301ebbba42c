import Logging
import ServiceLifecycle
import UnixSignals

/// On every `SIGHUP` until shutdown: reloads the tokens, then the model (``ModelReloader``, the index rebuilt
/// in the background while lists are served from the old one). Either failing leaves its old state in force.
struct HangupReloadService: Service {
    let tokens: TokenRegistry
    let model: ModelReloader
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            _ = try? tokens.reload(logger: logger)
            _ = try? await model.reload()
        }
    }
}
