import Foundation
import Hummingbird
import HummingbirdTesting
import JobMatchCore
import JobMatchServer
import JobMatchStore
import Logging
import NIOCore

/// A daemon on a real SQLite file in a temporary folder, with four known tokens and a few people
/// and jobs in two districts (渝中 500103, 沙坪坝 500106).
struct TestServer {
    static let yuzhong = "500103"
    static let shapingba = "500106"
    static let asOf = "2026-11-15T08:00:00+08:00"
    static let asOfQuery = "as_of=2026-11-15T08:00:00%2B08:00"

    /// Plain tokens by role (the tokens file holds only their hashes).
    static let operatorToken = "op-secret"
    static let yuzhongToken = "cw-yuzhong-secret"
    static let shapingbaToken = "cw-shapingba-secret"
    static let evaluatorToken = "eval-secret"

    let folder: URL
    var configuration: ServerConfiguration
    var databasePath: String { configuration.databasePath }

    init(seed: Bool = true, sample: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatchd-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, databasePath: folder.appendingPathComponent("db/jobmatch.sqlite").path,
            modelPath: folder.appendingPathComponent("no-model").path, samplePath: sample, coalescingWindowMilliseconds: 1
        )
        guard seed else { return }
        configuration.tokensPath = folder.appendingPathComponent("tokens.json").path
        try TokenStore.write([
            .init(name: "ops", role: .operator, sha256: TokenStore.hash(Self.operatorToken)),
            .init(name: "wang.yuzhong", role: .caseworker, districts: [Self.yuzhong], sha256: TokenStore.hash(Self.yuzhongToken)),
            .init(name: "li.shapingba", role: .caseworker, districts: [Self.shapingba], sha256: TokenStore.hash(Self.shapingbaToken)),
            .init(name: "eval", role: .evaluator, sha256: TokenStore.hash(Self.evaluatorToken)),
        ], to: configuration.tokensPath!)
        let database = try AppDatabase.open(path: configuration.databasePath)
        for line in Fixtures.applicants { try database.save(Interchange.decodeApplicant(Array(line.utf8)).get()) }
        for line in Fixtures.jobs { try database.save(Interchange.decodeJob(Array(line.utf8)).get()) }
    }

    func app() async throws -> some ApplicationProtocol {
        var logger = Logger(label: "jobmatchd-test")
        logger.logLevel = .warning
        return try await buildApplication(configuration, logger: logger)
    }

    func database() throws -> AppDatabase { try AppDatabase.open(path: databasePath) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// One answer of the daemon, parsed.
struct Answer {
    var status: Int
    var contentType: String?
    var text: String
    var retryAfter: String? = nil
    var cacheStatus: String? = nil
    var json: JSONValue? { try? Interchange.parse(Array(text.utf8)).get() }
}

extension TestClientProtocol {
    /// Sends a request (with `Bearer token` when given) and waits for the answer.
    func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: String? = nil) async throws -> Answer {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            Answer(status: Int(response.status.code), contentType: response.headers[.contentType], text: String(buffer: response.body),
                   retryAfter: response.headers[.retryAfter], cacheStatus: response.headers[.init("Cache-Status")!])
        }
    }

    /// Waits until `/readyz` answers 200 (the index is built in the background).
    func waitUntilReady() async throws {
        for _ in 0..<400 {
            if try await call(.get, "/readyz").status == 200 { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw JobMatchError(.internal, "the daemon never became ready")
    }
}

enum Fixtures {
    /// A1, A2 in 渝中 (A1 with a disability and assistance groups), B1 in 沙坪坝.
    static let applicants = [
        #"{"id":"A1","gender":"F","birth_year":1975,"district":"500103","location":{"lat":29.556,"lng":106.568},"education":"junior_high","disability":{"categories":["physical"],"grade":3},"groups":["disabled","registered_unemployed"],"skills":["保洁","收银"],"preferences":{"job_types":["full_time"],"max_commute_km":15},"status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#,
        #"{"id":"A2","gender":"M","birth_year":1990,"district":"500103","education":"senior_high","skills":["叉车","仓储"],"certificates":["叉车证"],"status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#,
        #"{"id":"B1","gender":"F","birth_year":1968,"district":"500106","education":"primary","groups":["older_worker","low_income"],"skills":["保洁"],"status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#,
    ]

    static let jobs = [
        #"{"id":"J1","employer":{"id":"E1","name":"渝中物业"},"title":"保洁员","district":"500103","location":{"lat":29.557,"lng":106.570},"job_type":"full_time","hours_per_week":40,"wage":{"min":2800,"max":3200,"unit":"month"},"skills_required":["保洁"],"accommodations":["wheelchair_access"],"tags":["disability_friendly","age_friendly"],"openings":3,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2027-02-01T08:00:00+08:00","status":"open"}"#,
        #"{"id":"J2","employer":{"id":"E2","name":"沙坪坝物流"},"title":"叉车司机","district":"500106","job_type":"full_time","skills_required":["叉车"],"certificates_required":["叉车证"],"openings":2,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2027-02-01T08:00:00+08:00","status":"open"}"#,
        #"{"id":"J3","employer":{"id":"E3","name":"社区服务中心"},"title":"社区保洁公益岗","district":"500106","job_type":"public_welfare","skills_required":["保洁"],"openings":5,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2027-02-01T08:00:00+08:00","status":"open"}"#,
        #"{"id":"J4","employer":{"id":"E4","name":"超市"},"title":"收银员","district":"500103","job_type":"part_time","skills_required":["收银"],"openings":1,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2026-11-10T08:00:00+08:00","status":"open"}"#,
    ]

    static func job(id: String, district: String, title: String = "仓库理货员") -> String {
        #"{"id":"\#(id)","employer":{"id":"E9","name":"新雇主"},"title":"\#(title)","district":"\#(district)","job_type":"full_time","skills_required":["仓储","叉车"],"openings":1,"posted_at":"2026-11-01T08:00:00+08:00","expires_at":"2027-01-01T08:00:00+08:00","status":"open"}"#
    }

    static func applicant(id: String, district: String, birthYear: Int = 1985) -> String {
        #"{"id":"\#(id)","gender":"M","birth_year":\#(birthYear),"district":"\#(district)","education":"junior_high","skills":["保洁"],"status":"seeking","updated_at":"2026-11-02T08:00:00+08:00"}"#
    }
}

extension TestServer {
    /// Stores more people and jobs (interchange lines) before the daemon starts.
    func add(applicants: [String], jobs: [String]) throws {
        let database = try database()
        for line in applicants { try database.save(Interchange.decodeApplicant(Array(line.utf8)).get()) }
        for line in jobs { try database.save(Interchange.decodeJob(Array(line.utf8)).get()) }
    }
}

/// People and a job in 渝中 (500103) on which every sensitive reason occurs for whoever serves them:
/// a disabled older woman (disability-friendly, age-friendly, accommodation, doorstep), a parent at home
/// with partial capacity and a wage wish (flexible, doorstep, hours, wage wish, public-welfare wish).
enum SensitiveFixtures {
    static let applicants = [
        #"{"id":"S1","gender":"F","birth_year":1966,"district":"500103","location":{"lat":29.556,"lng":106.569},"education":"junior_high","disability":{"categories":["physical"],"grade":3},"groups":["disabled","older_worker"],"skills":["保洁"],"status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#,
        #"{"id":"S2","gender":"F","birth_year":1990,"district":"500103","location":{"lat":29.558,"lng":106.571},"education":"senior_high","groups":["stay_at_home_parent","low_income"],"work_capacity":"partial","skills":["保洁"],"preferences":{"job_types":["full_time","public_welfare"],"min_monthly_wage":2500},"status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#,
    ]

    static let jobs = [
        #"{"id":"JS1","employer":{"id":"E5","name":"解放碑社区"},"title":"保洁员","district":"500103","location":{"lat":29.557,"lng":106.570},"job_type":"full_time","hours_per_week":30,"wage":{"min":3000,"max":3600,"unit":"month"},"skills_required":["保洁"],"accommodations":["wheelchair_access","flexible_hours"],"tags":["disability_friendly","age_friendly","doorstep","flexible"],"openings":3,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2027-02-01T08:00:00+08:00","status":"open"}"#,
        #"{"id":"JS2","employer":{"id":"E6","name":"渝中公益岗"},"title":"社区保洁公益岗","district":"500103","location":{"lat":29.557,"lng":106.570},"job_type":"public_welfare","hours_per_week":30,"wage":{"min":2000,"max":2200,"unit":"month"},"skills_required":["保洁"],"openings":5,"posted_at":"2026-10-01T08:00:00+08:00","expires_at":"2027-02-01T08:00:00+08:00","status":"open"}"#,
    ]
}
