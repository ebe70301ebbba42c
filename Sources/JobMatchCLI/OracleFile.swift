import Foundation
import JobMatchCore

/// Reads a data set's `oracle.jsonl` (written by `jobmatch generate --split-at`): the generator's own
/// ranking per applicant at one split time.
enum OracleFile {
    /// Applicant id → ranked job ids, when `folder/oracle.jsonl` exists and was written for `split`; nil otherwise.
    /// A line that is not an oracle line is an error naming the file and line.
    static func read(folder: String, split: Timestamp) throws -> [String: [String]]? {
        try read(file: URL(fileURLWithPath: folder).appendingPathComponent("oracle.jsonl").path, split: split)
    }

    /// The rankings of one such file (an oracle's or a peer's), nil when it is missing or for another split.
    static func read(file: String, split: Timestamp) throws -> [String: [String]]? {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        var lists: [String: [String]] = [:]
        for (number, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
            let where_ = "\(url.path):\(number + 1)"
            let value: JSONValue
            do { value = try JSONParser.parse(line) } catch { throw JobMatchError(.malformedInput, "\(where_): \(error)", file: url.path) }
            guard case .string(let applicant)? = value["applicant"], case .string(let at)? = value["split_at"],
                  case .array(let jobs)? = value["jobs"], let time = Timestamp(rfc3339: at)
            else { throw JobMatchError(.malformedInput, "\(where_): expected {\"applicant\", \"split_at\", \"jobs\"}", file: url.path) }
            guard time == split else { return nil }
            lists[applicant] = jobs.compactMap { if case .string(let id) = $0 { id } else { nil } }
        }
        return lists
    }
}
