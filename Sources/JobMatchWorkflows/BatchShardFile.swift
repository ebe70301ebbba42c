import Foundation
import JobMatchCore
import JobMatchStore

/// Shard candidate files: what `batch --shard I/N` leaves for `batch merge` (the ``CandidateFile``
/// format with the scoring header; rows refer to the open postings sorted by id).
public enum BatchShardFile {
    /// Writes one shard's candidates (0600: they are derived from people's profiles).
    public static func write(_ records: [BatchCandidates], header: BatchScoringHeader, to path: String) throws {
        let bytes = CandidateFile.encode(header: header.json, records: records)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try PrivateFile.write(Data(bytes), to: path)
        } catch let error as JobMatchError {
            throw error
        } catch {
            throw JobMatchError(.io, "cannot write the shard file: \(error)", file: path)
        }
    }

    /// Where a merged record came from: the shard file and the record's 1-based number in it.
    public struct Origin: Hashable, Sendable {
        public var file: String
        public var record: Int
    }

    /// Reads every shard, checks they belong to one night and cover shards 0..<N once each, and returns
    /// the common header (shard index 0) and all candidates by applicant id, each with its origin (the
    /// rows themselves are checked against the data by ``check(_:origins:inputs:depth:)``).
    public static func merge(paths: [String]) throws -> (BatchScoringHeader, [BatchCandidates], [String: Origin]) {
        guard !paths.isEmpty else { throw JobMatchError(.malformedInput, "no shard files given") }
        var headers: [BatchScoringHeader] = []
        var records: [BatchCandidates] = []
        var origins: [String: Origin] = [:]
        for path in paths {
            try JSONLinesReader(path: path).checkReadable()
            guard let data = FileManager.default.contents(atPath: path) else { throw JobMatchError(.notFound, "cannot read the shard file", file: path) }
            let decoded = try CandidateFile.decode(Array(data), file: path)
            headers.append(try BatchScoringHeader.decode(decoded.header, file: path))
            for (n, record) in decoded.records.enumerated() {
                if let first = origins[record.applicant] {
                    throw JobMatchError(.malformedInput, "applicant \"\(record.applicant)\" is already in \(first.file) (record \(first.record))",
                                        field: "applicant", file: path, line: n + 1)
                }
                origins[record.applicant] = Origin(file: path, record: n + 1)
            }
            records += decoded.records
        }
        let first = headers[0]
        for (header, path) in zip(headers, paths) where header.scoringKey != first.scoringKey {
            throw JobMatchError(.conflict, "shard \(header.shardIndex)/\(header.shardCount) was scored for another night, model or data than \(paths[0])", file: path)
        }
        let indexes = headers.map(\.shardIndex).sorted()
        guard indexes == Array(0..<first.shardCount) else {
            throw JobMatchError(.malformedInput, "need each shard 0..<\(first.shardCount) exactly once, got \(indexes)")
        }
        records.sort { $0.applicant < $1.applicant }
        var merged = first
        merged.shardIndex = 0
        return (merged, records, origins)
    }
}
