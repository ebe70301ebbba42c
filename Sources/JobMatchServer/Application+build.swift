import Hummingbird
import JobMatchCore
import JobMatchStore
import Logging

/// Builds the `jobmatchd` application: opens the database (importing the sample into an empty one),
/// loads or creates the tokens, and wires the routes. The daemon's `main` and the tests both call this.
///
/// Unauthenticated: `GET /healthz`, `/readyz`, `/metrics`. Everything under `/v1` needs a bearer token
/// and is written to the audit log.
public func buildApplication(_ configuration: ServerConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let database = try AppDatabase.open(path: configuration.databasePath)
    logger.info("database open", metadata: ["db.path": "\(configuration.databasePath)"])
    try SampleBootstrap.importIfEmpty(database, folder: configuration.samplePath, shiftToNow: configuration.shiftSampleToNow, logger: logger)
    let tokens = try TokenStore.loadOrCreate(
        path: configuration.resolvedTokensPath, operatorTokenPath: configuration.operatorTokenPath, logger: logger)
    let metrics = ServerMetrics()
    var matching = MatcherConfiguration()
    matching.blasThreads = configuration.scoringThreads
    matching.blockThreads = configuration.scoringThreads
    let engine = MatcherEngine(configuration: matching, metrics: metrics, coalescingWindowMilliseconds: configuration.coalescingWindowMilliseconds,
                               maxBatchSize: configuration.maxBatchSize)
    let env = RouteEnvironment(database: database, engine: engine, configuration: configuration)

    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    HealthRoutes(engine: engine, metrics: metrics).register(on: router)
    let v1 = router.group("v1")
        .add(middleware: AuditMiddleware(writer: AuditWriter(database: database)))
        .add(middleware: AuthMiddleware(tokens: tokens))
    ProfileRoutes(env: env).register(on: v1)
    RecommendationRoutes(env: env).register(on: v1)
    OutcomeRoutes(env: env).register(on: v1)
    AuditRoutes(env: env).register(on: v1)
    APIRouteTable.refuseOtherMethods(on: router, prefix: "")
    APIRouteTable.refuseOtherMethods(on: v1, prefix: "/v1")

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "jobmatchd"),
        services: [IndexBuildService(database: database, engine: engine, modelPath: configuration.modelPath, logger: logger)],
        logger: logger
    )
}
