import Foundation
import Hummingbird
import JobMatchCore
import JobMatchStore
import Logging

/// Builds the `jobmatchd` application: opens the database (importing the sample into an empty one),
/// loads the tokens (creating an operator token only together with a new database), and wires the
/// routes. The daemon's `main` and the tests both call this.
///
/// Unauthenticated: `GET /healthz`, `/readyz`, `/metrics`. Everything under `/v1` needs a bearer token
/// and is written to the audit log. Every answer carries `X-Request-ID`.
public func buildApplication(_ configuration: ServerConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let databaseIsNew = !FileManager.default.fileExists(atPath: configuration.databasePath)
    // The tokens first: a refused start (tokens file missing beside an existing database, or open to
    // others) does not touch the database.
    let tokens = TokenRegistry(path: configuration.resolvedTokensPath, store: try TokenStore.loadOrCreate(
        path: configuration.resolvedTokensPath, operatorTokenPath: configuration.operatorTokenPath, databaseIsNew: databaseIsNew,
        logger: logger))
    let database = try AppDatabase.open(path: configuration.databasePath)
    logger.info("database open", metadata: ["db.path": "\(configuration.databasePath)"])
    try SampleBootstrap.importIfEmpty(database, folder: configuration.samplePath, shiftToNow: configuration.shiftSampleToNow, logger: logger)
    let policy = AccessPolicy(pseudonyms: try Pseudonyms.loadOrCreate(path: configuration.pseudonymKeyPath))
    let metrics = ServerMetrics()
    var matching = MatcherConfiguration()
    matching.blasThreads = configuration.scoringThreads
    matching.blockThreads = configuration.scoringThreads
    let limits = WorkLimits(
        coalescingWindowMilliseconds: configuration.coalescingWindowMilliseconds, maxBatchSize: configuration.maxBatchSize,
        listsWaiting: configuration.maxWaitingLists, candidatesRunning: configuration.maxRunningCandidates,
        candidatesWaiting: configuration.maxWaitingCandidates, retryAfterSeconds: configuration.retryAfterSeconds)
    let engine = MatcherEngine(database: database, configuration: matching, limits: limits, metrics: metrics, logger: logger)
    let env = RouteEnvironment(database: database, engine: engine, configuration: configuration)
    let reloader = ModelReloader(configuredPath: configuration.modelPath, database: database, engine: engine, logger: logger)

    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: HeaderLimitMiddleware(maxFieldBytes: configuration.maxHeaderBytes, maxTotalBytes: 4 * configuration.maxHeaderBytes))
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    HealthRoutes(engine: engine, metrics: metrics).register(on: router)
    let v1 = router.group("v1")
        .add(middleware: AuditMiddleware(writer: AuditWriter(database: database)))
        .add(middleware: AuthMiddleware(tokens: tokens))
        .add(middleware: TokenLimitMiddleware(limit: configuration.maxRequestsPerToken, retryAfterSeconds: configuration.retryAfterSeconds))
    ProfileRoutes(env: env, policy: policy).register(on: v1)
    RecommendationRoutes(env: env, policy: policy).register(on: v1)
    OutcomeRoutes(env: env, policy: policy).register(on: v1)
    AuditRoutes(env: env, policy: policy).register(on: v1)
    AdminRoutes(tokens: tokens, model: reloader, policy: policy).register(on: v1)
    SupervisionRoutes(env: env, policy: policy).register(on: v1)
    InsightRoutes(env: env, policy: policy).register(on: v1)
    ApplicantListRoutes(env: env, policy: policy).register(on: v1)
    AssistanceRoutes(env: env, policy: policy).register(on: v1)
    PlanRoutes(env: env, policy: policy).register(on: v1)
    ConsoleRoutes(logger: logger).register(on: router)
    APIRouteTable.refuseOtherMethods(on: router, prefix: "")
    APIRouteTable.refuseOtherMethods(on: v1, prefix: "/v1")

    // The idle timeout is also the header timeout: a connection that has not sent a whole request head
    // within it (a slow-loris client) is closed, since only complete request parts count as activity.
    let idle = Int64(min(configuration.headerTimeoutSeconds, configuration.idleTimeoutSeconds) * 1e9)
    return Application(
        router: router,
        server: .http1(configuration: .init(
            additionalChannelHandlers: [ConnectionWatch()], idleTimeout: .nanoseconds(idle),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: HeaderLimitMiddleware.decoderLimit, maxHeaderListSize: HeaderLimitMiddleware.decoderLimit))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "jobmatchd"),
        services: [
            IndexBuildService(reloader: reloader),
            HangupReloadService(tokens: tokens, model: reloader, logger: logger),
        ],
        logger: logger
    )
}
