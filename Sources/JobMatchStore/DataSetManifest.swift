import Foundation
import JobMatchCore

/// A data set's optional `manifest.json`: `{"name", "created_at", "generator", "seed", "notes"}`,
/// plus `as_of`, the time the data set describes (the generator writes it).
public struct DataSetManifest: Sendable {
    public var name: String?
    public var asOf: Timestamp?
    /// Every field as written.
    public var fields: JSONValue

    /// Reads `manifest.json` from a data-set folder; nil when the folder has none.
    public static func read(folder: String) throws -> DataSetManifest? {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("manifest.json").path
        // Optional, but when present a regular file (a FIFO would block the read).
        guard JSONLinesReader(path: path).exists else { return nil }
        try JSONLinesReader(path: path).checkReadable()
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        switch Interchange.parse(data) {
        case let .failure(issue):
            throw JobMatchError(.malformedInput, issue.message, file: path)
        case let .success(value):
            var manifest = DataSetManifest(fields: value)
            if case let .string(name)? = value["name"] { manifest.name = name }
            if case let .string(text)? = value["as_of"] {
                guard let asOf = Timestamp(rfc3339: text) else {
                    throw JobMatchError(.malformedInput, "\"\(text)\" is not an RFC 3339 time", field: "as_of", file: path)
                }
                manifest.asOf = asOf
            }
            return manifest
        }
    }

    /// The shift, in whole days, that moves this data set's `as_of` to the day of `target`
    /// (times of day stay as they were). Throws when the manifest has no `as_of`.
    public func shift(toAsOf target: Timestamp) throws -> Double {
        guard let asOf else {
            throw JobMatchError(.invalidRecord, "the manifest has no as_of, so the data set cannot be moved in time", field: "as_of")
        }
        let offset = Double(asOf.utcOffsetSeconds)
        let day = { (t: Timestamp) in ((t.secondsSince1970 + offset) / 86_400).rounded(.down) }
        return (day(target) - day(asOf)) * 86_400
    }
}
