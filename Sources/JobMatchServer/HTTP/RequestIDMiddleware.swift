import Foundation
import Hummingbird

/// Gives every request an id: a sane incoming `X-Request-ID` (1 to 128 of `A-Z a-z 0-9 . _ : -`) is kept,
/// anything else is replaced by a new random one. The id goes into every log line's metadata
/// (`request.id`), the audit entry, and the `X-Request-ID` header of the answer, errors included.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPFields.Element.Name("X-Request-ID")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = request.headers[Self.header].flatMap { Self.isSane($0) ? $0 : nil } ?? Self.make()
        var context = context
        context.logger[metadataKey: "request.id"] = "\(id)"
        context.audit.requestID = id
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Problem.from(error).response
        }
        response.headers[Self.header] = id
        return response
    }

    static func isSane(_ text: String) -> Bool {
        (1...128).contains(text.utf8.count) && text.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2E || b == 0x5F || b == 0x3A || b == 0x2D
        }
    }

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let b = UInt8.random(in: 0...255, using: &generator)
            return b < 16 ? "0" + String(b, radix: 16) : String(b, radix: 16)
        }.joined()
    }
}
