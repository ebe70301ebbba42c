/// The unlock computation without rescoring every profile over every posting.
///
/// A course (or a lacked certificate) changes only the blocks of the person's row that read skills and
/// certificates (``FeatureExtractor/skillAndCertificateBlocks``) and no hard-rule verdict, so a variant's score on
/// a posting is the person's own plus `Δ·row` with `Δ` zero outside those blocks, and
/// `|Δ·row| ≤ Σ_b ‖Δ_b‖·‖row_b‖` over the blocks where `Δ_b` and the row share a nonzero entry
/// (``SkillBlockSummary``). The person is scored once over their reach (bounds from the compact matrix, or exact
/// scores); a posting can enter a variant's top list only if its bound reaches the variant's 10th best score
/// among the person's own top 10, and its certificate can open it only if the variant supplies every certificate
/// it lacks and its bound reaches the fitting score. Only those few postings are scored exactly, every variant
/// in one sgemm. The result is the one ``computeByFullRescoring(applicant:courses:asOf:)`` gives.
extension UnlockComputation {
    /// Added to every bound: room for the float arithmetic of an exact score (256 products) and of the bound itself.
    static let boundSlack: Float = 1e-4

    /// Nil when the index has no block summary or a variant's row differs outside the summarised blocks (the
    /// caller then rescores in full).
    func bounded(applicant person: Applicant, courses: [Training], asOf: Timestamp,
                 coursesWanted: (MarketReach) -> Bool = { _ in true }) -> Result? {
        let index = matcher.index, extractor = matcher.extractor, summary = index.skillBlocks
        guard summary.count == index.count else { return nil }
        let k = rules.topListSize
        let x0 = extractor.applicantVector(person, at: asOf)
        let scan = matcher.allowedScan(vector: x0, profile: ApplicantRuleProfile(person, at: asOf), asOf: asOf)
        let held = Set(person.certificates)
        // The person's exact scores where they matter: the top k of each kind, and the fitting postings.
        func scored(_ rows: [Int32], _ upper: [Float], _ lower: [Float], atLeast: Float, k: Int = k) -> [(row: Int, score: Float)] {
            var heap = BoundHeap(capacity: k)
            for x in lower { heap.insert(x) }
            let floor = min(heap.threshold, atLeast)
            let picked = rows.indices.filter { upper[$0] >= floor }
            let scores = scan.exact ? picked.map { upper[$0] } : matcher.exactScores(x0, rows: picked.map { rows[$0] })
            return zip(picked, scores).map { (Int(rows[$0]), $1) }
        }
        func top(_ items: [(row: Int, score: Float)], k: Int = k) -> [(row: Int, score: Float)] {
            var collector = TopKCollector(capacity: k)
            for (row, score) in items { collector.offer(score: score, row: Int32(row), ids: index.ids) }
            return collector.sorted(ids: index.ids)
        }
        let market = scored(scan.market, scan.marketUpper, scan.marketLower, atLeast: rules.fittingScore)
        let topMarket = top(market)
        let topWelfare = top(scored(scan.welfare, scan.welfareUpper, scan.welfareLower, atLeast: .infinity))
        // The stalls, as the matcher ranks them under the filter job_types=self_employment (no public-welfare post passes it).
        let stallType = UInt8(JobType.allCases.firstIndex(of: .selfEmployment)!)
        let stallAt = scan.market.indices.filter { index.columns.jobType[Int(scan.market[$0])] == stallType }
        let stallTop = top(scored(stallAt.map { scan.market[$0] }, stallAt.map { scan.marketUpper[$0] }, stallAt.map { scan.marketLower[$0] },
                                  atLeast: .infinity, k: rules.postingsShown), k: rules.postingsShown)
        let stalls = matcher.rank(market: stallTop, publicWelfare: [], k: rules.postingsShown)
        let fitting = market.filter { $0.score >= rules.fittingScore }.sorted(by: order)
        let reach = reachOf(allowed: scan.market.count, fitting: fitting, best: topMarket.first?.score)
        let topList = matcher.rank(market: topMarket, publicWelfare: topWelfare, k: k,
                                   wishesPublicWelfare: person.preferences.jobTypes.contains(.publicWelfare))
        // Certificates required and not held, per allowed market posting (most postings require none).
        let wanted = coursesWanted(reach)
        var requiring: [String: Int] = [:]
        var lacking: [(at: Int, missing: Set<String>)] = []
        for (i, r) in scan.market.enumerated() where wanted {
            let required = index.jobs[Int(r)].certificatesRequired
            guard !required.isEmpty else { continue }
            let missing = Set(required).subtracting(held)
            guard !missing.isEmpty else { continue }
            for c in missing { requiring[c, default: 0] += 1 }
            lacking.append((i, missing))
        }
        let setup = Setup(unlock: self, person: person, courses: wanted ? courses : [], asOf: asOf, requiring: requiring)
        guard let gains = boundedGains(setup: setup, person: person, asOf: asOf, x0: x0, scan: scan, topMarket: topMarket, lacking: lacking) else {
            return nil
        }
        return finish(person: person, setup: setup, gains: gains, reach: reach, fitting: fitting, topList: topList, publicWelfare: topWelfare,
                      selfEmployment: stalls)
    }

    /// Each variant's gain, scoring exactly only the postings its bound does not rule out.
    func boundedGains(setup: Setup, person: Applicant, asOf: Timestamp, x0: [Float], scan: Matcher.AllowedScan, topMarket: [(row: Int, score: Float)],
                      lacking: [(at: Int, missing: Set<String>)]) -> [Gain]? {
        let n = setup.all.count
        guard n > 0 else { return [] }
        let index = matcher.index, summary = index.skillBlocks, w = summary.ranges.count, k = rules.topListSize
        let vectors = variantVectors(setup.all, person: person, x0: x0, asOf: asOf)
        // ‖Δ_b‖ and Δ_b's nonzero bits per variant and block; nil when Δ leaks out of the summarised blocks.
        var deltaNorms = [Float](repeating: 0, count: n * w), deltaMasks = [UInt64](repeating: 0, count: n * w)
        let inside = Set(summary.ranges.flatMap { Array($0) })
        for v in 0..<n {
            for i in x0.indices where !inside.contains(i) && vectors[v][i] != x0[i] { return nil }
            for (b, range) in summary.ranges.enumerated() {
                var sum: Double = 0, mask: UInt64 = 0
                for (o, i) in range.enumerated() where vectors[v][i] != x0[i] {
                    let d = Double(vectors[v][i]) - Double(x0[i])
                    sum += d * d
                    mask |= 1 << UInt64(o % 64)
                }
                deltaNorms[v * w + b] = SkillBlockSummary.roundedUp(sum.squareRoot())
                deltaMasks[v * w + b] = mask
            }
        }
        let norms = summary.norms, masks = summary.masks
        @inline(__always) func bound(_ v: Int, _ r: Int) -> Float {
            var b = Self.boundSlack
            for q in 0..<w where masks[r * w + q] & deltaMasks[v * w + q] != 0 { b += deltaNorms[v * w + q] * norms[r * w + q] }
            return b
        }
        // Each variant's k-th best score among the person's own top k: a floor under its true k-th best.
        var floors = [Float](repeating: -.infinity, count: n)
        if topMarket.count == k, k > 0 {
            let seeds = matcher.kernelScores(vectors, rows: topMarket.map { Int32($0.row) })
            for v in 0..<n { floors[v] = seeds[(v * k)..<((v + 1) * k)].min()! }
        }
        // The largest bound of each variant over the allowed market postings, for a first cut by the person's bound alone.
        var largest = [Float](repeating: 0, count: w)
        for r in scan.market { for q in 0..<w { largest[q] = max(largest[q], norms[Int(r) * w + q]) } }
        let cut = (0..<n).map { v in floors[v] - (0..<w).reduce(Self.boundSlack) { $0 + deltaNorms[v * w + $1] * largest[$1] } }
        let lowest = cut.min()!
        var entering = [[Int32]](repeating: [], count: n), opening = [[Int32]](repeating: [], count: n)
        for (i, r) in scan.market.enumerated() where scan.marketUpper[i] >= lowest {
            for v in 0..<n where scan.marketUpper[i] >= cut[v] && scan.marketUpper[i] + bound(v, Int(r)) >= floors[v] { entering[v].append(r) }
        }
        let supplies = setup.all.map { Set($0.certificates) }
        for (i, missing) in lacking {
            let r = scan.market[i]
            for v in 0..<n where missing.isSubset(of: supplies[v]) && scan.marketUpper[i] + bound(v, Int(r)) >= rules.fittingScore {
                opening[v].append(r)
            }
        }
        // Every candidate of every variant scored exactly, all variants in one sgemm over the rows gathered.
        var union: [Int32] = [], column: [Int32: Int] = [:]
        for r in entering.joined() where column[r] == nil { column[r] = union.count; union.append(r) }
        for r in opening.joined() where column[r] == nil { column[r] = union.count; union.append(r) }
        let exact = matcher.kernelScores(vectors, rows: union)
        let m = union.count
        let baseTop = Set(topMarket.map(\.row))
        return (0..<n).map { v in
            var collector = TopKCollector(capacity: k)
            for r in entering[v] { collector.offer(score: exact[v * m + column[r]!], row: r, ids: index.ids) }
            let byCertificate = opening[v].filter { exact[v * m + column[$0]!] >= rules.fittingScore }.map { Int($0) }
            return gain(byCertificate: byCertificate, entering: collector.sorted(ids: index.ids).map(\.row).filter { !baseTop.contains($0) })
        }
    }

    /// The variants' rows: the person's row with the blocks that read skills and certificates written again.
    func variantVectors(_ effects: [Effect], person: Applicant, x0: [Float], asOf: Timestamp) -> [[Float]] {
        let extractor = matcher.extractor
        let profile = ApplicantProfile(person, vocabulary: extractor.model.skills)
        var text = SkillTextPatcher(extractor: extractor, applicant: person)
        return effects.map { effect in
            extractor.applicantVector(effect.applied(to: person), patching: x0,
                                      profile: profile.adding(skills: effect.skills, certificates: effect.certificates, vocabulary: extractor.model.skills),
                                      text: { text.write(adding: effect.skills, into: &$0) })
        }
    }
}
