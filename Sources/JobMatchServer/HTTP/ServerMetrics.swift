import Hummingbird
import Metrics
import Prometheus

/// The daemon's metrics in one Prometheus registry, served at `/metrics`: request latency by route and
/// status, scoring latency, batch sizes, index sizes. One registry per application (tests build many).
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory
    let scoringLatency: Prometheus.DurationHistogram
    let batchSize: Prometheus.ValueHistogram
    let indexJobs: Prometheus.Gauge
    let indexApplicants: Prometheus.Gauge
    let indexDimension: Prometheus.Gauge

    static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .seconds(2.5), .seconds(5),
    ]

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.latencyBuckets
        self.factory = factory
        scoringLatency = registry.makeDurationHistogram(
            name: "jobmatch_scoring_duration_seconds", buckets: Self.latencyBuckets,
            help: "Time of one scoring pass (a batch of recommendation lists or one candidate list)")
        batchSize = registry.makeValueHistogram(
            name: "jobmatch_scoring_batch_size", buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
            help: "People scored together in one pass")
        indexJobs = registry.makeGauge(name: "jobmatch_index_jobs", help: "Jobs in the scoring index")
        indexApplicants = registry.makeGauge(name: "jobmatch_index_applicants", help: "People available to reverse matching")
        indexDimension = registry.makeGauge(name: "jobmatch_index_dimension", help: "Length of the feature vectors")
    }

    /// Records one request's latency (a swift-metrics timer backed by this registry).
    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let timer = Metrics.Timer(label: "jobmatch_http_request_duration_seconds",
                                  dimensions: [("method", method), ("route", route), ("status", String(status))],
                                  factory: factory)
        let (seconds, attoseconds) = duration.components
        timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The Prometheus text exposition.
    func exposition() -> String { registry.emitToString() }
}

/// Times every request into ``ServerMetrics``, labelled by the matched route (not the raw path).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            metrics.recordRequest(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: status,
                                  duration: ContinuousClock.now - start)
            return response
        } catch {
            status = Int(Problem.from(error).status.code)
            metrics.recordRequest(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: status,
                                  duration: ContinuousClock.now - start)
            throw error
        }
    }
}
