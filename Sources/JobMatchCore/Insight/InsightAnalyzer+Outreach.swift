extension InsightAnalyzer {
    /// What one change would do to one open posting (`id`) for one group: the group's members among `seekers`
    /// nearby the posting are scored, then the posting is rescored with each change. Nil when the posting is not
    /// in the index (not open at the as-of time).
    public func counterfactual(posting id: String, group: InsightGroup, seekers: [Applicant], asOf: Timestamp) -> PostingCounterfactual? {
        guard let row = matcher.index.row(of: id) else { return nil }
        let job = matcher.index.jobs[row]
        let members = seekers.filter { group.includes($0) && InsightGroup.isNearby($0, job, nearbyKm: configuration.nearbyKm) }
        var collector = OutreachCollector(analyzer: self, asOf: asOf)
        score(members, asOf: asOf) { collector.add($0) }
        return counterfactuals(rows: [row], group: group, members: collector.map(), asOf: asOf).first
    }

    /// The counterfactuals of the postings at `rows` over scored `members` (those nearby each posting are counted):
    /// in their top list now, and with each ``PostingChange`` applied to a copy of the posting, rescored (its new
    /// vector against theirs) and re-ranked with their other candidates under every hard rule. In blocks of
    /// postings along the map on all cores: one sgemm scores a block's postings against the members who may be
    /// nearby any of them; a change moves the score by its sparse difference of vectors. In the order of `rows`.
    func counterfactuals(rows: [Int], group: InsightGroup, members map: InsightMemberMap, asOf: Timestamp) -> [PostingCounterfactual] {
        guard !rows.isEmpty else { return [] }
        let jobs = matcher.index.jobs
        // Postings everyone may be near (remote, or no location) in blocks of their own, the rest in map order.
        let everywhere = rows.indices.filter { jobs[rows[$0]].isRemote || jobs[rows[$0]].location == nil }
        let local = rows.indices.filter { !(jobs[rows[$0]].isRemote || jobs[rows[$0]].location == nil) }.sorted { rows[$0] < rows[$1] }
        let size = max(1, configuration.outreachBlock)
        let blocks = [everywhere, local].flatMap { part in
            stride(from: 0, to: part.count, by: size).map { Array(part[$0..<min($0 + size, part.count)]) }
        }
        let ranks = map.ranks
        let found = blocks.concurrentMap { block in
            counterfactualBlock(block.map { rows[$0] }, group: group, members: map, ranks: ranks, asOf: asOf)
        }
        var ordered = [PostingCounterfactual?](repeating: nil, count: rows.count)
        for (block, results) in zip(blocks, found) { for (i, result) in zip(block, results) { ordered[i] = result } }
        return ordered.map { $0! }
    }

    /// One block of postings: their vectors against the union of their candidate bands (one sgemm per range of
    /// members), then per posting and nearby member the unchangeable rules, now, and each change.
    func counterfactualBlock(_ rows: [Int], group: InsightGroup, members map: InsightMemberMap, ranks: [Int32], asOf: Timestamp) -> [PostingCounterfactual] {
        let index = matcher.index
        let d = index.dimension
        let columns = index.columns
        let candidates = rows.map { map.candidates(near: index.jobs[$0]) }
        let union = Self.merged(candidates.flatMap { $0 })
        let b = rows.count
        var block = [Float](repeating: 0, count: b * d)
        for (i, row) in rows.enumerated() { block.replaceSubrange(i * d..<(i + 1) * d, with: index.vectors[row * d..<(row + 1) * d]) }
        let scores: [[Float]] = union.map { range in
            var out = [Float](repeating: 0, count: range.count * b)
            map.vectors.withUnsafeBufferPointer { m in
                block.withUnsafeBufferPointer { j in
                    out.withUnsafeMutableBufferPointer { c in
                        matcher.workerKernel.score(applicants: m.baseAddress! + range.lowerBound * d, applicantCount: range.count,
                                                   jobs: j.baseAddress!, jobCount: b, dimension: d, scores: c.baseAddress!)
                    }
                }
            }
            return out
        }
        let k = max(1, configuration.k)
        let settings = matcher.configuration
        let time = asOf.secondsSince1970
        return rows.enumerated().map { column, row in
            let job = index.jobs[row]
            let variants = PostingVariants(job: job, base: Array(index.vectors[row * d..<(row + 1) * d]), extractor: index.extractor)
            let open = columns.isOpen(row, at: time)
            let pw = job.jobType == .publicWelfare
            let remote = job.isRemote
            let work = remote ? nil : job.location
            let jobUnit = SIMD3(columns.unit[3 * row], columns.unit[3 * row + 1], columns.unit[3 * row + 2])
            let jobDistrict = map.districts[job.district] ?? -1
            let row32 = Int32(row), rank = ranks[row]
            var nearby = 0, now = 0
            var suits = [Int](repeating: 0, count: variants.changes.count)
            let deltaRanges = variants.deltaRanges, deltaIndices = variants.deltaIndices, deltaValues = variants.deltaValues
            let changed = variants.columns
            map.members.withUnsafeBufferPointer { members in
            map.vectors.withUnsafeBufferPointer { vectors in
            map.listRows.withUnsafeBufferPointer { listRows in
            map.listScores.withUnsafeBufferPointer { listScores in
            map.topRows.withUnsafeBufferPointer { topRows in
            ranks.withUnsafeBufferPointer { rankOf in
                for range in candidates[column] {
                    let u = union.firstIndex { $0.contains(range.lowerBound) }!
                    let base = union[u].lowerBound
                    scores[u].withUnsafeBufferPointer { block in
                        for m in range {
                            let member = members[m]
                            guard member.isNearby(remote: remote, work: work, unit: jobUnit, district: jobDistrict) else { continue }
                            nearby += 1
                            guard open, !columns.breaksUnchangeableRule(member.profile, row) else { continue }
                            let top = Int(member.topOffset)..<Int(member.topOffset + member.topCount)
                            if top.contains(where: { topRows[$0] == row32 }) { now += 1 }
                            let lists = Int(member.offset)..<Int(member.offset + member.marketCount + member.welfareCount)
                            let listed = lists.first { listRows[$0] == row32 }
                            let score = Double(listed.map { listScores[$0] } ?? block[(m - base) * b + column])
                            let vector = vectors.baseAddress! + m * d
                            for v in suits.indices where changed.allowsAgeAndDisability(member.profile, v) {
                                var s = score
                                for e in deltaRanges[v] { s += Double(vector[deltaIndices[e]]) * Double(deltaValues[e]) }
                                let enters = listed == nil
                                    ? member.enters(rank: rank, score: Float(s), publicWelfare: pw, k: k, settings: settings)
                                    : member.entersListed(row: row32, rank: rank, score: Float(s), publicWelfare: pw, rows: listRows.baseAddress!,
                                                          scores: listScores.baseAddress!, ranks: rankOf.baseAddress!, k: k, settings: settings)
                                if enters { suits[v] += 1 }
                            }
                        }
                    }
                }
            } } } } } }
            return PostingCounterfactual(job: job, group: group, nearby: nearby, suitsNow: now,
                                         outcomes: zip(variants.changes, suits).map { PostingCounterfactual.Outcome(change: $0.0, suits: $0.1, base: now) })
        }
    }

    /// Sorted, disjoint ranges covering the given ones.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}

/// The candidate changes of one posting: each change, the sparse difference it makes to the posting's vector
/// (the model's features of the changed copy; change `v`'s entries at `deltaRanges[v]` of the flat arrays), and the
/// changed copies' rule facts (row `v` is change `v`).
struct PostingVariants {
    let changes: [PostingChange]
    let deltaRanges: [Range<Int>]
    let deltaIndices: [Int]
    let deltaValues: [Float]
    let columns: RuleColumns

    init(job: Job, base: [Float], extractor: FeatureExtractor) {
        changes = PostingChange.candidates(for: job)
        let changed = changes.map { $0.applied(to: job) }
        var columns = RuleColumns()
        for copy in changed { columns.append(copy) }
        self.columns = columns
        // The copies share the posting's text, so its text block is computed once for all of them.
        var ranges: [Range<Int>] = [], indices: [Int] = [], values: [Float] = []
        for vector in extractor.jobVectors(changed) {
            let start = indices.count
            for i in base.indices where vector[i] != base[i] {
                indices.append(i)
                values.append(vector[i] - base[i])
            }
            ranges.append(start..<indices.count)
        }
        deltaRanges = ranges
        deltaIndices = indices
        deltaValues = values
    }
}
