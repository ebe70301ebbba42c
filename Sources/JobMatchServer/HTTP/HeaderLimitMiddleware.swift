import Hummingbird

/// Answers 431 when one header field (name and value) or all of them together exceed the configured
/// limits, instead of letting the connection drop. The HTTP decoder lets headers up to
/// ``decoderLimit`` through to this check; beyond that NIO answers 400 and closes.
struct HeaderLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// What the HTTP/1 decoder accepts before the request reaches the router.
    static let decoderLimit = 4 << 20
    let maxFieldBytes: Int
    let maxTotalBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var total = 0
        for field in request.headers {
            let size = field.name.rawName.utf8.count + field.value.utf8.count
            total += size
            if size > maxFieldBytes || total > maxTotalBytes {
                throw Problem(status: .requestHeaderFieldsTooLarge, code: "malformed_input",
                              detail: "header \(field.name.rawName) is too large (at most \(maxFieldBytes) bytes a field, \(maxTotalBytes) in all)")
            }
        }
        return try await next(request, context)
    }
}
