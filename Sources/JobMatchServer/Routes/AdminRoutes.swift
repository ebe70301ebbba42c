import Hummingbird
import JobMatchCore

/// `POST /v1/admin/tokens/reload`: reads the tokens file again without a restart (as `SIGHUP` does);
/// operators only. A file that does not load leaves the old tokens in force and answers with the error.
///
/// `POST /v1/admin/model/reload`: opens the model in force again (the configured folder, else the database's
/// active model) and rebuilds the index with it, as `SIGHUP` does; lists are served from the old index until
/// the new one is installed, then the answer names the model. Operators only. A model that does not load
/// (missing, or changed since `jobmatch train` recorded it) leaves the old one in force and answers with the error.
struct AdminRoutes {
    let tokens: TokenRegistry
    let model: ModelReloader
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .post, "admin/tokens/reload") { _, context in
            try policy.checkAdminister(try context.requireCaller())
            let count = try tokens.reload(logger: context.logger)
            context.audit.detail = "tokens reloaded: \(count)"
            return JSONResponse.ok(.object([("tokens", .number(Double(count)))]))
        }
        APIRouteTable.on(group, prefix: "/v1", .post, "admin/model/reload") { _, context in
            try policy.checkAdminister(try context.requireCaller())
            let served = try await model.reload()
            context.audit.detail = "model reloaded: \(served.sha256)"
            return JSONResponse.ok(.object([
                ("model", .string(served.model.manifest.name)), ("path", .string(served.path)), ("sha256", .string(served.sha256)),
            ]))
        }
    }
}
