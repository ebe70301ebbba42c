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

/// The bytes of every data file of a data-set folder, by file name (the version 1.1 files when present).
func files(of folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in ["applicants.jsonl", "jobs.jsonl", "interactions.jsonl", "trainings.jsonl", "services.jsonl"] {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        guard name.hasPrefix("applicants") || name.hasPrefix("jobs") || FileManager.default.fileExists(atPath: url.path) else { continue }
        result[name] = try Data(contentsOf: url)
    }
    return result
}
