import Foundation
import JobMatchCore

/// What scored candidates depend on, written at the head of every checkpoint chunk and shard file:
/// a chunk or shard is only reused or merged when its header agrees.
struct BatchScoringHeader: Codable, Hashable {
    var format = 1
    var asOf: String
    var depth: Int
    var windowDays: Double
    var modelVersion: String
    var dataHash: String
    var shardIndex: Int
    var shardCount: Int
    var jobCount: Int
    /// Set on checkpoint chunks: which chunk, and the hash of its applicant ids.
    var chunk: Int?
    var chunkApplicants: String?

    /// Everything but the shard index and chunk: equal for every shard of one night.
    var scoringKey: String {
        BatchFingerprint.hash("\(format)|\(asOf)|\(depth)|\(windowDays)|\(modelVersion)|\(dataHash)|\(shardCount)|\(jobCount)")
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    static func decode(_ text: String, file: String) throws -> BatchScoringHeader {
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
