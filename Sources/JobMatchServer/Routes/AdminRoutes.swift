import Hummingbird
import JobMatchCore

/// `POST /v1/admin/tokens/reload`: reads the tokens file again without a restart (as `SIGHUP` does);
/// operators only. A file that does not load leaves the old tokens in force and answers with the error.
struct AdminRoutes {
    let tokens: TokenRegistry
    let policy: AccessPolicy

    func register(on group: RouterGroup<AppRequestContext>) {
        APIRouteTable.on(group, prefix: "/v1", .post, "admin/tokens/reload") { _, context in
            try policy.checkAdminister(try context.requireCaller())
            let count = try tokens.reload(logger: context.logger)
            context.audit.detail = "tokens reloaded: \(count)"
            return JSONResponse.ok(.object([("tokens", .number(Double(count)))]))
        }
    }
}
