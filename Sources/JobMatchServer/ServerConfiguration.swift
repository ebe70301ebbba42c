import Foundation
import JobMatchCore
import JobMatchStore

/// Everything `jobmatchd` needs to start, as a plain value (from flags and the config file).
public struct ServerConfiguration: Sendable {
    /// Address to listen on; loopback unless told otherwise.
    public var host: String
    /// Port to listen on; 0 picks a free one (tests).
    public var port: Int
    /// The SQLite database file.
    public var databasePath: String
    /// The tokens file (JSON); nil means `tokens.json` beside the database file.
    public var tokensPath: String?
    /// The model folder; nil (the default) serves the database's active model (``ActiveModel/resolvedPath(for:root:)``:
    /// the one `jobmatch train` recorded in this database, else `models/default`). When the folder does not
    /// exist, a model is learned from the database.
    public var modelPath: String?
    /// The data set imported on first start when the database is empty; nil imports nothing.
    public var samplePath: String?
    /// Shift the sample's times so that its manifest's `as_of` falls on the moment of import,
    /// so its postings are open on whatever day the daemon first runs.
    public var shiftSampleToNow: Bool
    /// How long a recommendation request waits for others to share one scoring pass, in milliseconds.
    /// 0 still batches the requests that arrive while a pass is running.
    public var coalescingWindowMilliseconds: Int
    /// The largest batch of applicants scored in one pass.
    public var maxBatchSize: Int
    /// The largest `k` a request may ask for.
    public var maxK: Int
    /// The `k` when a request does not say.
    public var defaultK: Int
    /// The largest request body, in bytes.
    public var maxBodyBytes: Int
    /// The largest header field (name and value), in bytes; larger ones are answered 431. All header
    /// fields together may be four times this.
    public var maxHeaderBytes: Int
    /// Threads of a scoring pass (passes run one at a time): OpenBLAS threads of one person's sgemv, block
    /// workers of a coalesced pass; all cores by default.
    public var scoringThreads: Int
    /// Recommendation requests waiting for a scoring pass before more are refused (503 + `Retry-After`).
    public var maxWaitingLists: Int
    /// Candidate lists scored at once, and waiting for a turn, before more are refused (503 + `Retry-After`).
    public var maxRunningCandidates: Int
    public var maxWaitingCandidates: Int
    /// `/v1` requests one token may have in flight; more are refused with 429 + `Retry-After`.
    public var maxRequestsPerToken: Int
    /// The `Retry-After` of a 503 or 429 refusal, in seconds.
    public var retryAfterSeconds: Int
    /// Seconds a connection may take to send a request's header (from its first byte, or from the end of
    /// the previous response), and a request's body; then it is closed.
    public var headerTimeoutSeconds: Double
    public var bodyTimeoutSeconds: Double
    /// Seconds an idle keep-alive connection stays open.
    public var idleTimeoutSeconds: Double

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "var/jobmatch.sqlite",
        tokensPath: String? = nil, modelPath: String? = nil, samplePath: String? = "datasets/sample",
        shiftSampleToNow: Bool = true, coalescingWindowMilliseconds: Int = 2, maxBatchSize: Int = 256,
        maxK: Int = 200, defaultK: Int = 10, maxBodyBytes: Int = 1 << 20, maxHeaderBytes: Int = 16 << 10,
        scoringThreads: Int = ProcessInfo.processInfo.activeProcessorCount,
        maxWaitingLists: Int = 1024, maxRunningCandidates: Int = 1, maxWaitingCandidates: Int = 32,
        maxRequestsPerToken: Int = 256, retryAfterSeconds: Int = 1,
        headerTimeoutSeconds: Double = 10, bodyTimeoutSeconds: Double = 30, idleTimeoutSeconds: Double = 60
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.tokensPath = tokensPath
        self.modelPath = modelPath
        self.samplePath = samplePath
        self.shiftSampleToNow = shiftSampleToNow
        self.coalescingWindowMilliseconds = coalescingWindowMilliseconds
        self.maxBatchSize = maxBatchSize
        self.maxK = maxK
        self.defaultK = defaultK
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.scoringThreads = max(1, scoringThreads)
        self.maxWaitingLists = max(1, maxWaitingLists)
        self.maxRunningCandidates = max(1, maxRunningCandidates)
        self.maxWaitingCandidates = maxWaitingCandidates
        self.maxRequestsPerToken = max(1, maxRequestsPerToken)
        self.retryAfterSeconds = retryAfterSeconds
        self.headerTimeoutSeconds = headerTimeoutSeconds
        self.bodyTimeoutSeconds = bodyTimeoutSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// The tokens file in force: the configured one, or `tokens.json` beside the database.
    public var resolvedTokensPath: String {
        tokensPath ?? URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("tokens.json").path
    }

    /// The server secret evaluators' pseudonyms derive from: `pseudonym.key` beside the database (0600).
    public var pseudonymKeyPath: String {
        URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("pseudonym.key").path
    }

    /// Where the first start writes the operator token: `operator.token` beside the database.
    public var operatorTokenPath: String {
        URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("operator.token").path
    }
}

extension ServerConfiguration {
    /// Reads a JSON config file over these values: `{"tokens": PATH, "model": PATH, "sample": PATH|null,
    /// "shift_sample_to_now": BOOL, "coalescing_window_ms": INT, "max_batch_size": INT, "max_k": INT,
    /// "default_k": INT, "max_body_bytes": INT, "max_header_bytes": INT, "scoring_threads": INT, "max_waiting_lists": INT, "max_running_candidates": INT,
    /// "max_waiting_candidates": INT, "max_requests_per_token": INT, "retry_after_s": INT, "header_timeout_s": NUM,
    /// "body_timeout_s": NUM, "idle_timeout_s": NUM, "host": S, "port": INT, "db": PATH}`. Unknown keys are errors.
    public mutating func apply(configFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JobMatchError(.io, "cannot read the config file", file: path)
        }
        guard case let .success(value) = Interchange.parse(Array(data)), case let .object(pairs) = value else {
            throw JobMatchError(.malformedInput, "the config file is not a JSON object", file: path)
        }
        func string(_ v: JSONValue, _ key: String) throws -> String {
            guard case let .string(s) = v else { throw JobMatchError(.invalidRecord, "expected a string", field: key, file: path) }
            return s
        }
        func int(_ v: JSONValue, _ key: String) throws -> Int {
            guard case let .number(n) = v, n == n.rounded(), n >= 0 else {
                throw JobMatchError(.invalidRecord, "expected a whole number ≥ 0", field: key, file: path)
            }
            return Int(n)
        }
        func seconds(_ v: JSONValue, _ key: String) throws -> Double {
            guard case let .number(n) = v, n > 0, n.isFinite else {
                throw JobMatchError(.invalidRecord, "expected a number of seconds > 0", field: key, file: path)
            }
            return n
        }
        for (key, v) in pairs {
            switch key {
            case "host": host = try string(v, key)
            case "port": port = try int(v, key)
            case "db": databasePath = try string(v, key)
            case "tokens": tokensPath = try string(v, key)
            case "model": modelPath = try string(v, key)
            case "sample": samplePath = try v == .null ? nil : string(v, key)
            case "shift_sample_to_now":
                guard case let .bool(b) = v else { throw JobMatchError(.invalidRecord, "expected true or false", field: key, file: path) }
                shiftSampleToNow = b
            case "coalescing_window_ms": coalescingWindowMilliseconds = try int(v, key)
            case "max_batch_size": maxBatchSize = max(1, try int(v, key))
            case "max_k": maxK = max(1, try int(v, key))
            case "default_k": defaultK = max(1, try int(v, key))
            case "max_body_bytes": maxBodyBytes = try int(v, key)
            case "max_header_bytes": maxHeaderBytes = max(1024, try int(v, key))
            case "scoring_threads": scoringThreads = max(1, try int(v, key))
            case "max_waiting_lists": maxWaitingLists = max(1, try int(v, key))
            case "max_running_candidates": maxRunningCandidates = max(1, try int(v, key))
            case "max_waiting_candidates": maxWaitingCandidates = try int(v, key)
            case "max_requests_per_token": maxRequestsPerToken = max(1, try int(v, key))
            case "retry_after_s": retryAfterSeconds = try int(v, key)
            case "header_timeout_s": headerTimeoutSeconds = try seconds(v, key)
            case "body_timeout_s": bodyTimeoutSeconds = try seconds(v, key)
            case "idle_timeout_s": idleTimeoutSeconds = try seconds(v, key)
            default: throw JobMatchError(.invalidRecord, "unknown setting", field: key, file: path)
            }
        }
    }
}
