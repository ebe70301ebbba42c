import Foundation
import JobMatchCore

/// What scored candidates depend on, written at the head of every checkpoint chunk and shard file:
/// a chunk or shard is only reused or merged when its header agrees.
public struct BatchScoringHeader: Codable, Hashable, Sendable {
    public var format = 1
    public var asOf: String
    public var depth: Int
    public var windowDays: Double
    public var modelVersion: String
    public var dataHash: String
    public var shardIndex: Int
    public var shardCount: Int
    public var jobCount: Int
    /// Set on checkpoint chunks: which chunk, and the hash of its applicant ids.
    public var chunk: Int?
    public var chunkApplicants: String?

    /// Everything but the shard index and chunk: equal for every shard of one night.
    public var scoringKey: String {
        BatchFingerprint.hash("\(format)|\(asOf)|\(depth)|\(windowDays)|\(modelVersion)|\(dataHash)|\(shardCount)|\(jobCount)")
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    public static func decode(_ text: String, file: String) throws -> BatchScoringHeader {
        do { return try JSONDecoder().decode(BatchScoringHeader.self, from: Data(text.utf8)) } catch {
            throw JobMatchError(.malformedInput, "not a batch candidate header: \(error)", file: file)
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, depth, chunk
        case asOf = "as_of"
        case windowDays = "window_days"
        case modelVersion = "model_version"
        case dataHash = "data_hash"
        case shardIndex = "shard_index"
        case shardCount = "shard_count"
        case jobCount = "job_count"
        case chunkApplicants = "chunk_applicants"
    }
}
