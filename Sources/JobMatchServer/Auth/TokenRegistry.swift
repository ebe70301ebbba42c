import Foundation
import Logging

/// The tokens in force, replaceable while the daemon runs: `SIGHUP` or `POST /v1/admin/tokens/reload`
/// reads the tokens file again. A file that does not load (bad JSON, open permissions, missing) leaves
/// the tokens in force as they were.
final class TokenRegistry: @unchecked Sendable {
    let path: String
    private let lock = NSLock()
    private var store: TokenStore

    init(path: String, store: TokenStore) {
        self.path = path
        self.store = store
    }

    /// The caller a token belongs to, or nil.
    func caller(forToken token: String) -> Caller? { lock.withLock { store }.caller(forToken: token) }

    /// Reads the tokens file again and returns how many tokens are now in force.
    @discardableResult
    func reload(logger: Logger) throws -> Int {
        do {
            let fresh = try TokenStore.load(path: path)
            lock.withLock { store = fresh }
            logger.notice("tokens reloaded", metadata: ["tokens.path": "\(path)", "tokens.count": "\(fresh.count)"])
            return fresh.count
        } catch {
            logger.error("tokens not reloaded; the old ones stay in force", metadata: ["tokens.path": "\(path)", "error": "\(error)"])
            throw error
        }
    }
}
