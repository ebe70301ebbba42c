import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
@testable import JobMatchCLI
import JobMatchCore
import JobMatchServer
@testable import JobMatchStore
import Testing

/// Audit that cannot be skipped: a change and its entry commit together or not at all; every entry
/// names each person; the hash chain finds rows edited, deleted or inserted behind the triggers' back.
@Suite("The audit log cannot be skipped or edited unseen")
struct AuditChainTests {
    /// A raw connection to the daemon's file, as someone with the sqlite3 shell would have.
    static func raw(_ server: TestServer) throws -> DatabaseQueue { try DatabaseQueue(path: server.databasePath) }

    @Test("with the audit table unwritable, a PUT, a DELETE and an outcome are not committed, and a read is not served")
    func noAuditNoChange() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            try await Self.raw(server).write { db in
                try db.execute(sql: "CREATE TRIGGER audit_block BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit blocked by the test'); END")
            }
            let put = try await client.call(.put, "/v1/applicants/X1", token: TestServer.yuzhongToken,
                                            body: Fixtures.applicant(id: "X1", district: TestServer.yuzhong))
            #expect(put.status == 500, "\(put.text)")
            let replace = try await client.call(.put, "/v1/applicants/A2", token: TestServer.yuzhongToken,
                                                body: Fixtures.applicant(id: "A2", district: TestServer.yuzhong, birthYear: 1950))
            #expect(replace.status == 500)
            #expect(try await client.call(.delete, "/v1/applicants/A1", token: TestServer.operatorToken).status == 500)
            #expect(try await client.call(.delete, "/v1/jobs/J2", token: TestServer.operatorToken).status == 500)
            let outcome = try await client.call(.post, "/v1/outcomes", token: TestServer.operatorToken,
                                                body: #"{"applicant":"A1","job":"J1","event":"hired","at":"2026-11-20T09:00:00+08:00"}"#)
            #expect(outcome.status == 500)
            #expect(try await client.call(.get, "/v1/applicants/A1", token: TestServer.operatorToken).status == 500)
            let database = try server.database()
            #expect(try database.applicant(id: "X1") == nil)
            #expect(try database.applicant(id: "A2")?.birthYear == 1990)
            #expect(try database.applicant(id: "A1") != nil)
            #expect(try database.job(id: "J2") != nil)
            #expect(try database.interactions().isEmpty)
            // Once the log is writable again the same PUT goes through, with its entry.
            try await Self.raw(server).write { try $0.execute(sql: "DROP TRIGGER audit_block") }
            #expect(try await client.call(.put, "/v1/applicants/X1", token: TestServer.yuzhongToken,
                                          body: Fixtures.applicant(id: "X1", district: TestServer.yuzhong)).status == 201)
            #expect(try database.auditEntries(AuditQuery(applicant: "X1")).map { "\($0.endpoint) \($0.status)" } == ["PUT /v1/applicants/X1 201"])
        }
    }

    @Test("an outcome batch for two people is found under each; _ and % are not wildcards; a walk-in is logged as a walk-in")
    func subjects() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            let batch = #"[{"applicant":"A1","job":"J1","event":"applied","at":"2026-11-16T09:00:00+08:00"},{"applicant":"A2","job":"J1","event":"viewed","at":"2026-11-16T09:05:00+08:00"}]"#
            #expect(try await client.call(.post, "/v1/outcomes", token: TestServer.yuzhongToken, body: batch).status == 201)
            #expect(try await client.call(.put, "/v1/applicants/A_1", token: TestServer.yuzhongToken,
                                          body: Fixtures.applicant(id: "A_1", district: TestServer.yuzhong)).status == 201)
            // A walk-in body naming a stored person's id.
            #expect(try await client.call(.post, "/v1/recommendations?\(TestServer.asOfQuery)", token: TestServer.yuzhongToken,
                                          body: Fixtures.applicant(id: "B1", district: TestServer.yuzhong)).status == 200)
        }
        let database = try server.database()
        for person in ["A1", "A2"] {
            let found = try database.auditEntries(AuditQuery(applicant: person))
            #expect(found.contains { $0.endpoint == "POST /v1/outcomes" && $0.status == 201 && $0.subjects == ["A1", "A2"] }, "\(person): \(found)")
        }
        #expect(try database.auditEntries(AuditQuery(applicant: "A%")).isEmpty)
        #expect(try database.auditEntries(AuditQuery(applicant: "A_")).isEmpty)
        #expect(try database.auditEntries(AuditQuery(applicant: "A_1")).map(\.endpoint) == ["PUT /v1/applicants/A_1"])
        #expect(try database.auditEntries(AuditQuery(applicant: "B1")).isEmpty, "the walk-in's body id is not a subject")
        let walkIn = try database.auditEntries().filter { $0.endpoint == "POST /v1/recommendations" }
        #expect(walkIn.count == 1 && walkIn[0].applicant == nil && walkIn[0].subjects.isEmpty)
        #expect(walkIn.first?.detail?.hasPrefix("walk-in") == true, "\(walkIn)")
    }

    @Test("a caseworker reads the audit of their own person only, each entry naming that person alone; not the whole log")
    func caseworkerAuditView() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            // The operator records outcomes for A1 (渝中) and B1 (沙坪坝) in one batch: one entry, two people.
            let batch = #"[{"applicant":"A1","job":"J1","event":"applied","at":"2026-11-16T09:00:00+08:00"},{"applicant":"B1","job":"J1","event":"viewed","at":"2026-11-16T09:05:00+08:00"}]"#
            #expect(try await client.call(.post, "/v1/outcomes", token: TestServer.operatorToken, body: batch).status == 201)
            let own = try await client.call(.get, "/v1/audit?applicant=A1", token: TestServer.yuzhongToken)
            #expect(own.status == 200, "\(own.text)")
            #expect(own.text.contains("POST /v1/outcomes"), "\(own.text)")
            #expect(!own.text.contains("B1"), "another district's person reached the caseworker: \(own.text)")
            #expect(!own.text.contains("\"hash\""), "chain hashes would let hidden content be guessed and checked")
            // Another district's person, an unknown id: the same 404; the whole log: 403.
            let other = try await client.call(.get, "/v1/audit?applicant=B1", token: TestServer.yuzhongToken)
            let unknown = try await client.call(.get, "/v1/audit?applicant=NOBODY", token: TestServer.yuzhongToken)
            #expect(other.status == 404 && unknown.status == 404)
            #expect(other.text.replacingOccurrences(of: "B1", with: "ID") == unknown.text.replacingOccurrences(of: "NOBODY", with: "ID"))
            #expect(try await client.call(.get, "/v1/audit", token: TestServer.yuzhongToken).status == 403)
            // The operator still sees both people of the batch.
            let all = try await client.call(.get, "/v1/audit?applicant=A1", token: TestServer.operatorToken)
            #expect(all.text.contains("B1"))
        }
        // The caseworker's read of A1's audit is itself on record under A1.
        let reads = try server.database().auditEntries(AuditQuery(applicant: "A1")).filter { $0.endpoint == "GET /v1/audit" }
        #expect(reads.contains { $0.actor == "wang.yuzhong" && $0.status == 200 })
    }

    @Test("audit verify passes on a clean log and names the row edited, deleted or inserted with raw SQL")
    func chain() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            for id in ["A1", "A2", "B1", "A1", "A2"] { _ = try await client.call(.get, "/v1/applicants/\(id)", token: TestServer.operatorToken) }
            let verify = try await client.call(.get, "/v1/audit/verify", token: TestServer.operatorToken)
            #expect(verify.status == 200 && verify.json?["intact"] == .bool(true), "\(verify.text)")
        }
        let database = try server.database()
        let clean = try database.verifyAuditChain()
        #expect(clean.isIntact && clean.checked == 6, "\(clean)")
        let ids = try database.auditEntries().map(\.id)
        // Edit row 3 behind the trigger's back.
        try await Self.raw(server).write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'nobody' WHERE id = ?", arguments: [ids[2]])
        }
        #expect(try database.verifyAuditChain().problem?.row == ids[2])
        try await Self.raw(server).write { try $0.execute(sql: "UPDATE audit_log SET actor = 'ops' WHERE id = ?", arguments: [ids[2]]) }
        #expect(try database.verifyAuditChain().isIntact)
        // Move a person off an entry (its subjects are in the hash).
        try await Self.raw(server).write { db in
            try db.execute(sql: "DROP TRIGGER audit_subject_no_update")
            try db.execute(sql: "UPDATE audit_subject SET applicant_id = 'B1' WHERE audit_id = ?", arguments: [ids[1]])
        }
        #expect(try database.verifyAuditChain().problem?.row == ids[1])
        try await Self.raw(server).write { try $0.execute(sql: "UPDATE audit_subject SET applicant_id = 'A2' WHERE audit_id = ?", arguments: [ids[1]]) }
        #expect(try database.verifyAuditChain().isIntact)
        // Delete row 4.
        try await Self.raw(server).write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DROP TRIGGER audit_subject_no_delete")
            try db.execute(sql: "DELETE FROM audit_subject WHERE audit_id = ?", arguments: [ids[3]])
            try db.execute(sql: "DELETE FROM audit_log WHERE id = ?", arguments: [ids[3]])
        }
        let deleted = try database.verifyAuditChain()
        #expect(deleted.problem?.row == ids[3] && deleted.checked == 3, "\(deleted)")
        // Delete the last row too: still named (the sequence remembers it).
        let tail = try await Self.raw(server).write { db -> Int64 in
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_log")!
            try db.execute(sql: "DELETE FROM audit_subject WHERE audit_id = ?", arguments: [last])
            try db.execute(sql: "DELETE FROM audit_log WHERE id = ?", arguments: [last])
            return last
        }
        let server2 = try TestServer(seed: true)
        defer { server2.remove() }
        let fresh = try server2.database()
        try fresh.appendAudit(AuditEntry(at: .now(), actor: "ops", role: "operator", endpoint: "GET /v1/applicants/A1", applicant: "A1", status: 200))
        try fresh.appendAudit(AuditEntry(at: .now(), actor: "ops", role: "operator", endpoint: "GET /v1/applicants/A2", applicant: "A2", status: 200))
        try await Self.raw(server2).write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DROP TRIGGER audit_subject_no_delete")
            try db.execute(sql: "DELETE FROM audit_subject WHERE audit_id = 2")
            try db.execute(sql: "DELETE FROM audit_log WHERE id = 2")
        }
        #expect(try fresh.verifyAuditChain().problem?.row == 2)
        #expect(tail > ids[3])
        // Insert a forged row at the end.
        try await Self.raw(server2).write { db in
            try db.execute(sql: """
                INSERT INTO audit_log (id, at, at_epoch, actor, role, endpoint, status, prev_hash, hash)
                VALUES (2, '2026-11-20T09:00:00+08:00', 0, 'ops', 'operator', 'GET /v1/audit', 200, 'x', 'y')
                """)
        }
        #expect(try fresh.verifyAuditChain().problem?.row == 2)
    }

    @Test("a request id is kept (or made), returned as X-Request-ID, and stored in the audit row")
    func requestID() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let header = HTTPFields.Element.Name("X-Request-ID")!
        try await server.app().test(.live) { client in
            try await client.waitUntilReady()
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(TestServer.operatorToken)"
            headers[header] = "case-4711.a"
            let kept = try await client.execute(uri: "/v1/applicants/A1", method: .get, headers: headers) { $0.headers[header] }
            #expect(kept == "case-4711.a")
            headers[header] = "not sane; drop table"
            let made = try await client.execute(uri: "/v1/applicants/NOBODY", method: .get, headers: headers) { $0.headers[header] }
            #expect(made != nil && made != "not sane; drop table" && made!.count == 32)
            let health = try await client.execute(uri: "/healthz", method: .get) { $0.headers[header] }
            #expect(health?.isEmpty == false)
            let entries = try server.database().auditEntries()
            #expect(entries.first { $0.applicant == "A1" }?.requestID == "case-4711.a")
            #expect(entries.first { $0.applicant == "NOBODY" }?.requestID == made)
        }
    }

    @Test("migration v4 gives old entries their people (single, candidate lists, outcome batches) and a chain")
    func migrationBackfill() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobmatch-v3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try AppDatabase.migrator.migrate(queue, upTo: "v3: batch runs, lists, push history")
            try await queue.write { db in
                let insert = "INSERT INTO audit_log (at, at_epoch, actor, role, endpoint, applicant_id, job_id, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                try db.execute(sql: insert, arguments: ["2026-11-01T08:00:00+08:00", 1.0, "wang", "caseworker", "GET /v1/applicants/A1", "A1", nil, 200, nil])
                try db.execute(sql: insert, arguments: ["2026-11-01T08:01:00+08:00", 2.0, "ops", "operator", "GET /v1/jobs/J1/candidates", nil, "J1", 200, "A1,B_1"])
                try db.execute(sql: insert, arguments: ["2026-11-01T08:02:00+08:00", 3.0, "wang", "caseworker", "POST /v1/outcomes", nil, nil, 201,
                                                        "events: A2/J1/applied,A3/J1/viewed"])
            }
        }
        let database = try AppDatabase.open(path: path)
        #expect(try database.verifyAuditChain().isIntact)
        #expect(try database.auditEntries(AuditQuery(applicant: "A1")).map(\.id) == [1, 2])
        #expect(try database.auditEntries(AuditQuery(applicant: "B_1")).map(\.id) == [2])
        #expect(try database.auditEntries(AuditQuery(applicant: "A3")).map(\.endpoint) == ["POST /v1/outcomes"])
        try database.appendAudit(AuditEntry(at: .now(), actor: "ops", role: "operator", endpoint: "GET /v1/audit", status: 200))
        let after = try database.verifyAuditChain()
        #expect(after.isIntact && after.checked == 4)
    }

    @Test("jobmatch audit verify passes on a clean log and fails naming the row edited in the sqlite3 way")
    func verifyCommand() async throws {
        let server = try TestServer()
        defer { server.remove() }
        let database = try server.database()
        for id in ["A1", "A2", "B1"] {
            try database.appendAudit(AuditEntry(at: .now(), actor: "ops", role: "operator", endpoint: "GET /v1/applicants/\(id)", applicant: id, status: 200))
        }
        func verify() async throws {
            let command = try AuditVerifyCommand.parse(["--db", server.databasePath])
            try await command.run()
        }
        try await verify()
        try await Self.raw(server).write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET applicant_id = 'A9' WHERE id = 2")
        }
        do {
            try await verify()
            Issue.record("verify passed on a tampered log")
        } catch let error as JobMatchError {
            #expect(error.message.contains("row 2"), "\(error)")
        }
    }

    @Test("concurrent reads and changes (group-committed reads, changes in their own transactions) keep one intact chain")
    func concurrentChain() async throws {
        let server = try TestServer()
        defer { server.remove() }
        try await server.app().test(.router) { client in
            try await client.waitUntilReady()
            try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<60 {
                    group.addTask {
                        switch i % 3 {
                        case 0: try await client.call(.get, "/v1/applicants/A1", token: TestServer.yuzhongToken).status
                        case 1: try await client.call(.put, "/v1/applicants/C\(i)", token: TestServer.yuzhongToken,
                                                      body: Fixtures.applicant(id: "C\(i)", district: TestServer.yuzhong)).status
                        default: try await client.call(.get, "/v1/jobs/J1/candidates?\(TestServer.asOfQuery)", token: TestServer.operatorToken).status
                        }
                    }
                }
                for try await status in group { #expect(status < 300) }
            }
        }
        let result = try server.database().verifyAuditChain()
        #expect(result.isIntact && result.checked == 60, "\(result)")
    }
}
