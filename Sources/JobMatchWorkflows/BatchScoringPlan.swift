import Foundation
import JobMatchCore
import JobMatchStore

/// The scoring phase of a batch: the applicants of one shard, in chunks of `chunkSize` along the map, each chunk
/// scored once and checkpointed in the work folder (written atomically), so a killed run picks up where
/// it stopped and reads back exactly what it had computed.
public struct BatchScoringPlan {
    public let inputs: BatchInputs
    public let depth: Int
    public let shard: BatchShard
    public let chunkSize: Int
    public let header: BatchScoringHeader
    public let threads: Int
    /// The open postings indexed for scoring (``index(for:)``).
    public let index: JobIndex

    /// The plan over `inputs` (fingerprinted) with `index` built from them by ``index(for:)``.
    public init(inputs: BatchInputs, index: JobIndex, depth: Int, windowDays: Double, shard: BatchShard, chunkSize: Int, threads: Int) {
        self.inputs = inputs
        self.index = index
        self.depth = depth
        self.shard = shard
        self.chunkSize = chunkSize
        self.threads = threads
        header = BatchScoringHeader(asOf: inputs.asOf.text, depth: depth, windowDays: windowDays, modelVersion: inputs.modelVersion,
                                    dataHash: inputs.dataHash, shardIndex: shard.index, shardCount: shard.count, jobCount: inputs.jobs.count)
    }

    /// The job index a night scores on, with its compact int8 copy: blocks of 16 or more people take the VNNI
    /// block kernel on it where the CPU has one (``MatcherConfiguration/usesCompactBlocks``; the lists are the
    /// float32 lists exactly, CompactBlockTests), at a quarter of the float32 matrix's bytes more.
    public static func index(for inputs: BatchInputs) -> JobIndex {
        JobIndex(model: inputs.model, jobs: inputs.jobs, history: inputs.history)
    }

    /// Thrown by the test hook that stops a run after some chunks (as a kill would).
    public struct Interrupted: Error, CustomStringConvertible {
        public let chunks: Int
        public var description: String { "stopped after \(chunks) new chunk(s), as asked" }
    }

    /// The candidates of every applicant of the shard, by id.
    public func score(workFolder: String, progress: BatchProgress, stopAfterChunks: Int? = nil) throws -> [BatchCandidates] {
        // Chunks are cut along the map (SpatialOrder) so each one scores only the postings its people can
        // reach; the candidates go back to id order at the end.
        let byID = inputs.applicants.filter { shard.contains($0.id) }
        let mine = SpatialOrder.applicants(byID, at: inputs.asOf)
        let folder = (workFolder as NSString).appendingPathComponent("\(header.scoringKey.prefix(16))-shard\(shard.index)of\(shard.count)")
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw JobMatchError(.io, "cannot create the work folder: \(error)", file: folder)
        }
        var configuration = MatcherConfiguration()
        configuration.blasThreads = threads
        configuration.blockThreads = threads
        let scorer = BatchScorer(matcher: Matcher(index: index, configuration: configuration), depth: depth)
        let starts = Array(stride(from: 0, to: mine.count, by: chunkSize))
        var all: [BatchCandidates] = []
        all.reserveCapacity(mine.count)
        var computed = 0, resumed = 0
        progress.start("scoring", total: mine.count)
        for (c, start) in starts.enumerated() {
            let slice = Array(mine[start..<min(start + chunkSize, mine.count)])
            var chunkHeader = header
            chunkHeader.chunk = c
            chunkHeader.chunkApplicants = BatchFingerprint.hash(slice.map(\.id).joined(separator: "\n"))
            let path = (folder as NSString).appendingPathComponent(String(format: "chunk-%06d.cand", c))
            if let saved = Self.read(path, expecting: chunkHeader.json) {
                all += saved
                resumed += 1
            } else {
                let records = scorer.candidates(for: slice, asOf: inputs.asOf, suppression: inputs.suppression)
                let bytes = CandidateFile.encode(header: chunkHeader.json, records: records)
                try PrivateFile.write(Data(bytes), to: path)
                all += records
                computed += 1
                if let stopAfterChunks, computed >= stopAfterChunks, c + 1 < starts.count { throw Interrupted(chunks: computed) }
            }
            progress.advance(to: min(start + chunkSize, mine.count), detail: "chunk \(c + 1)/\(starts.count)" + (resumed > 0 ? ", \(resumed) resumed" : ""))
        }
        progress.end("scored \(mine.count) applicants in \(starts.count) chunks (\(resumed) resumed from checkpoints)")
        progress.lap("scoring")
        let position = Dictionary(uniqueKeysWithValues: byID.enumerated().map { ($1.id, $0) })
        return all.sorted { position[$0.applicant]! < position[$1.applicant]! }
    }

    /// A checkpoint's records when the file is complete and was written for this very chunk.
    static func read(_ path: String, expecting header: String) -> [BatchCandidates]? {
        guard let data = FileManager.default.contents(atPath: path),
              let decoded = try? CandidateFile.decode(Array(data), file: path), decoded.header == header
        else { return nil }
        return decoded.records
    }
}
