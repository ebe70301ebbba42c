import Foundation
import JobMatchStore

/// A fresh folder under the system temporary directory, removed by the caller when done.
func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("jobmatch-tests-\(UUID().uuidString)")
        .appendingPathComponent(name.filter { $0.isLetter || $0.isNumber })
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The path of a bundled fixture data set.
func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
}

/// A new database file in a fresh temporary folder.
func makeDatabase(_ name: String = #function) throws -> (AppDatabase, URL) {
    let folder = try temporaryFolder(name)
    return (try AppDatabase.open(path: folder.appendingPathComponent("db/jobmatch.sqlite").path), folder)
}

/// The bytes of every file of a data-set folder, by file name.
func files(of folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in ["applicants.jsonl", "jobs.jsonl", "interactions.jsonl"] {
        result[name] = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }
    return result
}
