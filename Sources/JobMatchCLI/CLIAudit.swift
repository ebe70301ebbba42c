import Foundation
import JobMatchCore
import JobMatchStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit entries of CLI commands that read personal data (`recommend`, `export`, `batch runs
/// --applicant`): written before the data is printed or written, under the operating-system user
/// (actor `os:USER`, role `cli`, endpoint `cli COMMAND`, status 0), naming every person read.
enum CLIAudit {
    /// The effective user's login name, or `uid:N` when it has none.
    static var osUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid:\(geteuid())"
    }

    static func record(_ database: AppDatabase, command: String, people: [String], job: String? = nil, detail: String? = nil) throws {
        try database.appendAudit(AuditEntry(
            at: .now(), actor: "os:" + osUser, role: "cli", endpoint: "cli " + command, applicant: people.count == 1 ? people[0] : nil,
            job: job, status: 0, detail: detail, subjects: people))
    }
}
