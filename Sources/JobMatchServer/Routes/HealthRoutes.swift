import Hummingbird
import JobMatchCore

/// `GET /healthz` (the process answers), `/readyz` (the job index is built), `/metrics` (Prometheus).
/// The only routes served without a token.
struct HealthRoutes {
    let engine: MatcherEngine
    let metrics: ServerMetrics

    func register(on router: Router<AppRequestContext>) {
        APIRouteTable.on(router, .get, "healthz") { _, _ -> Response in JSONResponse.ok(.object([("status", .string("ok"))])) }
        APIRouteTable.on(router, .get, "readyz") { _, _ -> Response in
            guard engine.isReady else {
                // Rebuilding after a bulk change (an index is installed): 503 with Retry-After, as lists answer.
                if engine.lock.withLock({ engine.index != nil }) {
                    throw Problem.rebuilding(retryAfterSeconds: engine.limits.retryAfterSeconds)
                }
                throw Problem(status: .serviceUnavailable, code: "not_ready", detail: "the job index is being built")
            }
            // Catch up first: ready means the index holds the last commit.
            try await engine.catchUp()
            guard engine.isReady else {
                throw Problem(status: .serviceUnavailable, code: "not_ready", detail: "the job index is being rebuilt")
            }
            let sizes = engine.sizes
            var fields: [(String, JSONValue)] = [
                ("status", .string("ready")), ("jobs", .number(Double(sizes.jobs))), ("applicants", .number(Double(sizes.applicants))),
                ("data_version", .number(Double(engine.indexVersion))),
                ("model_sha256", .string(engine.servedModel?.sha256 ?? "")),
            ]
            if let cutoff = engine.historyCutoff { fields.append(("history_as_of", .string(cutoff.text))) }
            return JSONResponse.ok(.object(fields))
        }
        APIRouteTable.on(router, .get, "metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
