import Foundation
import Hummingbird
import Logging

/// The caseworker's console: `GET /` (the page) and `GET /console/{file}` (its CSS and JavaScript
/// modules), read once at start from the target's `Console` resources. Outside `/v1`: the page holds no
/// data; everything it shows comes from the API with the signed-in token. Every answer carries a
/// Content-Security-Policy that allows only the service's own origin.
struct ConsoleRoutes {
    /// The files by name, with their content type.
    let files: [String: (type: String, bytes: ByteBuffer)]

    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// Where the files are: the target's resource bundle beside the executable (`swift build` copies
    /// `Console/` into `JobMatch_JobMatchServer.resources`, for `swift run`, `.build/release/jobmatchd` and the
    /// tests alike), else the source folder this file was built from. Unlike `Bundle.module`, a missing
    /// bundle does not stop the daemon: the API runs and `/` answers 404.
    static var defaultFolder: URL? {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("JobMatch_JobMatchServer.resources/Console"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Console"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("index.html").path) }
    }

    init(logger: Logger, folder: URL? = ConsoleRoutes.defaultFolder) {
        var files: [String: (type: String, bytes: ByteBuffer)] = [:]
        let types = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
                     "svg": "image/svg+xml", "ico": "image/x-icon"]
        if let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in names {
                guard let type = types[(name as NSString).pathExtension],
                      let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
                files[name] = (type, ByteBuffer(bytes: data))
            }
        }
        if files["index.html"] == nil { logger.warning("the console's files are missing; / answers 404", metadata: ["folder": "\(folder?.path ?? "-")"]) }
        self.files = files
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { _, _ in try serve("index.html") }
        router.get("console/:file") { _, context in try serve(context.parameters.get("file") ?? "") }
    }

    func serve(_ name: String) throws -> Response {
        guard let file = files[name] else { throw Problem.notFound("no console file \"\(name)\"") }
        var headers = HTTPFields()
        headers[.contentType] = file.type
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: file.bytes))
    }
}
