import CJobMatchKernels
import Dispatch

/// The matching engine: scores applicants against the job index in blocks, masks what the hard rules
/// forbid, keeps each applicant's top k, places public-welfare posts as the fallback, and explains.
public struct Matcher: Sendable {
    public let index: JobIndex
    public let configuration: MatcherConfiguration
    let kernel: any ScoringKernel
    /// The kernel each block worker calls on its slice (one OpenBLAS thread).
    let workerKernel: any ScoringKernel

    public init(index: JobIndex, configuration: MatcherConfiguration = MatcherConfiguration()) {
        self.index = index
        self.configuration = configuration
        kernel = configuration.useReferenceKernel ? ReferenceKernel() : BLASKernel(threads: configuration.blasThreads)
        workerKernel = configuration.useReferenceKernel ? ReferenceKernel() : BLASKernel(threads: 1)
    }

    public var model: MatchModel { index.model }
    public var extractor: FeatureExtractor { index.extractor }

    /// Each applicant's top `k` recommendations at `asOf`, explained, in the order given.
    public func recommend(applicants: [Applicant], k: Int, asOf: Timestamp, filter: JobFilter = .all) -> [RecommendationList] {
        recommend(applicants: applicants, vectors: applicantVectors(applicants, asOf: asOf), k: k, asOf: asOf, filter: filter)
    }

    /// ``recommend(applicants:k:asOf:filter:)`` with the vectors already extracted (`vectors[i]` is `applicants[i]`'s
    /// at `asOf`, e.g. from an ``ApplicantPool`` of the same extractor serving `asOf`).
    public func recommend(applicants: [Applicant], vectors: [[Float]], k: Int, asOf: Timestamp, filter: JobFilter = .all) -> [RecommendationList] {
        let ranked = topCandidates(applicants: applicants, vectors: vectors, m: k, asOf: asOf, filter: filter)
        let explainer = Explainer(model: model)
        return zip(applicants, ranked).map { applicant, list in
            let subject = explainer.subject(applicant, asOf: asOf)
            return RecommendationList(applicant: applicant.id, recommendations: list.enumerated().map { position, scored in
                Recommendation(
                    job: scored.job, rank: position + 1, score: Recommendation.rounded(scored.score),
                    reasons: explainer.reasons(for: subject, job: index.jobs[scored.row], fallback: scored.isFallback)
                )
            })
        }
    }

    /// One applicant's top `k` (the same block path, one row).
    public func recommend(applicant: Applicant, k: Int, asOf: Timestamp, filter: JobFilter = .all) -> RecommendationList {
        recommend(applicants: [applicant], k: k, asOf: asOf, filter: filter)[0]
    }

    /// Each applicant's best `m` allowed jobs with scores, ranked with the public-welfare fallback applied,
    /// without explanations (for the batch allocator).
    public func topCandidates(applicants: [Applicant], m: Int, asOf: Timestamp, filter: JobFilter = .all) -> [[ScoredJob]] {
        topCandidates(applicants: applicants, vectors: applicantVectors(applicants, asOf: asOf), m: m, asOf: asOf, filter: filter)
    }

    /// The applicants' feature vectors at `asOf`, extracted on all cores (what ``topCandidates(applicants:vectors:m:asOf:filter:)`` takes).
    public func applicantVectors(_ applicants: [Applicant], asOf: Timestamp) -> [[Float]] {
        let extractor = extractor
        return applicants.concurrentMap { extractor.applicantVector($0, at: asOf) }
    }

    /// ``topCandidates(applicants:m:asOf:filter:)`` with the vectors already extracted (`vectors[i]` is `applicants[i]`'s).
    public func topCandidates(applicants: [Applicant], vectors: [[Float]], m: Int, asOf: Timestamp, filter: JobFilter = .all) -> [[ScoredJob]] {
        let collected = collect(applicants: applicants, vectors: vectors, capacity: m, asOf: asOf, filter: filter)
        return zip(applicants, collected).map { applicant, lists in
            rank(market: lists.market, publicWelfare: lists.publicWelfare, k: m,
                 wishesPublicWelfare: applicant.preferences.jobTypes.contains(.publicWelfare))
        }
    }

    /// Market and public-welfare top lists per applicant, best first.
    struct Collected {
        var market: [(row: Int, score: Float)]
        var publicWelfare: [(row: Int, score: Float)]
    }

    /// The fallback policy: public-welfare posts rank below market jobs unless the market options are weak
    /// (best market score below `weakMarketScore`, or fewer than `minimumMarketOptions` allowed market jobs);
    /// when weak, both kinds are ranked together by score. A person who lists `public_welfare` among the
    /// wished job types gets both kinds ranked together too, and the posts are not marked as a fallback.
    func rank(market: [(row: Int, score: Float)], publicWelfare: [(row: Int, score: Float)], k: Int,
              wishesPublicWelfare: Bool = false) -> [ScoredJob]
    {
        let ids = index.ids
        let weak = market.count < min(k, configuration.minimumMarketOptions)
            || (market.first?.score ?? -.infinity) < configuration.weakMarketScore
        var merged: [ScoredJob] = market.map { ScoredJob(row: $0.row, job: ids[$0.row], score: $0.score, isFallback: false) }
        let fallback = publicWelfare.map {
            ScoredJob(row: $0.row, job: ids[$0.row], score: $0.score, isFallback: !wishesPublicWelfare)
        }
        if weak || wishesPublicWelfare {
            merged += fallback
            merged.sort { $0.score > $1.score || ($0.score == $1.score && $0.job < $1.job) }
        } else {
            merged += fallback
        }
        return Array(merged.prefix(k))
    }

    /// The block loop: score, mask, collect. Applicants are taken in ``SpatialOrder`` so a block lives in
    /// one part of the city, and each block scores only the chunks of jobs that some of its people may
    /// reach (``planRanges(profiles:live:)``); results come back in the order given.
    func collect(applicants: [Applicant], vectors: [[Float]]? = nil, capacity: Int, asOf: Timestamp, filter: JobFilter) -> [Collected] {
        guard !applicants.isEmpty else { return [] }
        let vectors = vectors ?? applicantVectors(applicants, asOf: asOf)
        let eligible = index.eligibility(at: asOf, filter: filter)
        let live = liveChunks(eligible: eligible)
        let profiles = applicants.map { ApplicantRuleProfile($0, at: asOf) }
        let order = configuration.skipsExcludedChunks ? SpatialOrder.applicantOrder(profiles) : Array(applicants.indices)
        var results = [Collected](repeating: Collected(market: [], publicWelfare: []), count: applicants.count)
        let blockA = max(1, configuration.applicantBlock)
        var scratch = BlockScratch(
            scores: [Float](repeating: 0, count: max(min(blockA, applicants.count) * min(max(1, configuration.jobBlock), index.count),
                                                     min(max(1, configuration.singleApplicantJobBlock), index.count))),
            matrix: [Float](repeating: 0, count: min(blockA, applicants.count) * index.dimension))
        for aStart in stride(from: 0, to: order.count, by: blockA) {
            let block = Array(order[aStart..<min(aStart + blockA, order.count)])
            // A small block's people with a wide reach: together on the compact matrix; the rest as below.
            let compacted = compactPart(block, vectors: vectors, profiles: block.map { profiles[$0] }, live: live, eligible: eligible,
                                        capacity: capacity)
            for (i, collected) in compacted { results[block[i]] = collected }
            let rest = compacted.isEmpty ? block : block.indices.filter { compacted[$0] == nil }.map { block[$0] }
            guard !rest.isEmpty else { continue }
            for group in groups(rest, profiles: profiles, live: live) {
                let found = score(group, vectors: vectors, profiles: profiles, eligible: eligible, live: live,
                                  capacity: capacity, scratch: &scratch)
                for (a, collected) in zip(group, found) { results[a] = collected }
            }
        }
        return results
    }

    /// Scratch buffers reused by every block: one block of scores and one of applicant vectors.
    struct BlockScratch {
        var scores: [Float]
        var matrix: [Float]
    }

    /// How to score a block: together, except that in a small block (the daemon's coalesced requests,
    /// people from all over the city) someone whose own reach is under half of the block's is scored
    /// alone, over just their chunks, rather than over everyone's.
    func groups(_ members: [Int], profiles: [ApplicantRuleProfile], live: [Bool]) -> [[Int]] {
        guard configuration.skipsExcludedChunks, members.count > 1, members.count <= configuration.splitBlocksUpTo else { return [members] }
        func rows(_ ranges: [Range<Int>]) -> Int { ranges.reduce(0) { $0 + $1.count } }
        let union = rows(planRanges(profiles: members.map { profiles[$0] }, live: live))
        var together: [Int] = [], alone: [[Int]] = []
        for a in members {
            if 2 * rows(planRanges(profiles: [profiles[a]], live: live)) < union { alone.append([a]) } else { together.append(a) }
        }
        return (together.isEmpty ? [] : [together]) + alone
    }

    /// Scores one group of applicants over the chunks they may reach and returns their collectors, in order.
    func score(_ members: [Int], vectors: [[Float]], profiles allProfiles: [ApplicantRuleProfile], eligible: [UInt8], live: [Bool],
               capacity: Int, scratch: inout BlockScratch) -> [Collected]
    {
        let d = index.dimension
        let ids = index.ids
        let columns = index.columns
        let bm = members.count
        let profiles = members.map { allProfiles[$0] }
        if let compact = compactBlock(members, vectors: vectors, profiles: profiles, eligible: eligible, live: live, capacity: capacity) {
            return compact
        }
        let ranges = planRanges(profiles: profiles, live: live)
        let blockJ = bm == 1 ? max(1, configuration.singleApplicantJobBlock) : max(1, configuration.jobBlock)
        for (i, a) in members.enumerated() { scratch.matrix.replaceSubrange(i * d..<(i + 1) * d, with: vectors[a]) }
        var market = [TopKCollector](repeating: TopKCollector(capacity: capacity), count: bm)
        var welfare = [TopKCollector](repeating: TopKCollector(capacity: capacity), count: bm)
        // Worker w scores rows lo..<hi of the block (its own single-threaded sgemm) and scans them.
        let workers = bm >= 2 * configuration.blockThreads ? max(1, configuration.blockThreads) : 1
        let kernel = workers > 1 ? workerKernel : kernel
        let pieces = ranges.flatMap { range in
            stride(from: range.lowerBound, to: range.upperBound, by: blockJ).map { $0..<min($0 + blockJ, range.upperBound) }
        }
        scratch.matrix.withUnsafeBufferPointer { a in
            index.vectors.withUnsafeBufferPointer { j in
                scratch.scores.withUnsafeMutableBufferPointer { c in
                    market.withUnsafeMutableBufferPointer { m in
                        welfare.withUnsafeMutableBufferPointer { w in
                            let block = BlockBuffers(applicants: a.baseAddress!, jobs: j.baseAddress!, scores: c.baseAddress!,
                                                     market: m.baseAddress!, welfare: w.baseAddress!)
                            for piece in pieces {
                                let work: @Sendable (Int) -> Void = { worker in
                                    Self.scoreAndScan(rows: bm * worker / workers..<bm * (worker + 1) / workers, jobs: piece, block: block,
                                                      kernel: kernel, dimension: d, eligible: eligible, columns: columns,
                                                      profiles: profiles, ids: ids)
                                }
                                if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
                            }
                        }
                    }
                }
            }
        }
        return (0..<bm).map { Collected(market: market[$0].sorted(ids: ids), publicWelfare: welfare[$0].sorted(ids: ids)) }
    }

    /// Per chunk of rows, whether any job in it passes the per-query mask (open, filter).
    func liveChunks(eligible: [UInt8]) -> [Bool] {
        let size = RuleColumns.chunkRows
        return (0..<index.columns.chunks.count).map { c in
            eligible[(c * size)..<min((c + 1) * size, eligible.count)].contains(1)
        }
    }

    /// The row ranges a block of applicants must score: runs of chunks that hold an eligible job which
    /// the commute rule does not exclude for every person of the block. Everything when skipping is off.
    func planRanges(profiles: [ApplicantRuleProfile], live: [Bool]) -> [Range<Int>] {
        let jobCount = index.count
        guard configuration.skipsExcludedChunks else { return jobCount > 0 ? [0..<jobCount] : [] }
        let columns = index.columns
        let size = RuleColumns.chunkRows
        var ranges: [Range<Int>] = []
        for c in live.indices where live[c] && profiles.contains(where: { columns.chunkMayAllow(c, $0) }) {
            let rows = (c * size)..<min((c + 1) * size, jobCount)
            if let last = ranges.last, last.upperBound == rows.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound..<rows.upperBound
            } else {
                ranges.append(rows)
            }
        }
        return ranges
    }

    /// One block worker's share: scores applicant rows `rows` of the block against job rows `jobs` (one
    /// sgemm into the block's score buffer, `jobs.count` wide) and scans each row into its collectors.
    static func scoreAndScan(
        rows: Range<Int>, jobs: Range<Int>, block: BlockBuffers, kernel: any ScoringKernel, dimension d: Int,
        eligible: [UInt8], columns: RuleColumns, profiles: [ApplicantRuleProfile], ids: [String]
    ) {
        let bn = jobs.count
        kernel.score(applicants: block.applicants + rows.lowerBound * d, applicantCount: rows.count, jobs: block.jobs + jobs.lowerBound * d,
                     jobCount: bn, dimension: d, scores: block.scores + rows.lowerBound * bn)
        for i in rows {
            scan(row: block.scores + i * bn, count: bn, offset: jobs.lowerBound, eligible: eligible, columns: columns,
                 profile: profiles[i], ids: ids, market: &block.market[i], welfare: &block.welfare[i]) { _, s in s }
        }
    }

    /// One applicant's row of a score block (or of upper bounds of the scores) into its collectors: chunks of jobs the commute rule surely
    /// excludes for this person are passed over whole (``RuleColumns/chunkMayAllow(_:_:)``: every job in them
    /// would fail the per-job test), the rest get a threshold test 16 scores at a time (``jmk_first_at_least``, in C with AVX-512 or AVX2), then the per-job mask
    /// (open, filter) and the applicant's hard rules, only for scores that could enter.
    ///
    /// The market collector's threshold bounds both kinds. While it is not full it is −∞ and everything
    /// enters; once it holds `capacity` jobs, a public-welfare post scoring below its worst can never reach
    /// the list ``rank(market:publicWelfare:k:wishesPublicWelfare:)`` makes: ranked together by score,
    /// `capacity` market jobs are ahead of it; ranked as the fallback, it comes after all of them.
    ///
    /// `exact(r, value)` gives job row `r`'s score from its `row` value: the value itself for a score block;
    /// the exact rescoring for a block of upper bounds (a row whose bound is below the floor is below it too).
    @inline(__always)
    static func scan(
        row: UnsafePointer<Float>, count: Int, offset: Int, eligible: [UInt8], columns: RuleColumns,
        profile: ApplicantRuleProfile, ids: [String], market: inout TopKCollector, welfare: inout TopKCollector,
        exact: (Int, Float) -> Float
    ) {
        var floor = market.threshold
        let size = RuleColumns.chunkRows
        eligible.withUnsafeBufferPointer { eligible in
            var j = 0
            while j < count {
                let chunk = (offset + j) / size
                let chunkEnd = min(count, (chunk + 1) * size - offset)
                if !columns.chunkMayAllow(chunk, profile) {
                    j = chunkEnd
                    continue
                }
                while j < chunkEnd {
                    j += Int(jmk_first_at_least(row + j, Int64(chunkEnd - j), floor))
                    guard j < chunkEnd else { break }
                    let value = row[j], r = offset + j
                    j += 1
                    if eligible[r] == 0 || !columns.allows(profile, r) { continue }
                    let s = exact(r, value)
                    if columns.publicWelfare[r] {
                        if s >= welfare.threshold { welfare.offer(score: s, row: Int32(r), ids: ids) }
                    } else if s >= market.threshold {
                        market.offer(score: s, row: Int32(r), ids: ids)
                    }
                    floor = market.threshold
                }
            }
        }
    }
}

/// Pointers into one block's inputs, scores and collectors, shared by block workers that touch disjoint rows.
struct BlockBuffers: @unchecked Sendable {
    let applicants: UnsafePointer<Float>
    let jobs: UnsafePointer<Float>
    let scores: UnsafeMutablePointer<Float>
    let market: UnsafeMutablePointer<TopKCollector>
    let welfare: UnsafeMutablePointer<TopKCollector>
}
