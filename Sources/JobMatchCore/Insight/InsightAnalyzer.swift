/// The supply-gap analysis (§5 of the notice, job development): every seeker is scored against every open posting
/// by the matcher, in blocks along the map on all cores, under every hard rule; a posting fits a group when it is in
/// a member's top `k` and fits the group (``InsightGroup``). Pure: no I/O.
public struct InsightAnalyzer: Sendable {
    public let matcher: Matcher
    public let configuration: InsightConfiguration

    /// `matcher` indexes the postings open at the as-of time.
    public init(matcher: Matcher, configuration: InsightConfiguration = InsightConfiguration()) {
        self.matcher = matcher
        self.configuration = configuration
    }

    /// The report key of every seeker: `all`, plus their groups' keys.
    static let allKey = "all"

    /// Gaps, occupation shortfalls and the outreach list for `seekers` (the people in scope) at `asOf`.
    /// `outreach` chooses the postings of the outreach list (levy payers' in scope); their counterfactuals
    /// count disabled members of `seekers`. `progress` hears (seekers scored, total); `phase` hears `lists` when every
    /// top list is scored and tallied, and `outreach` when the outreach list is done.
    public func analyze(seekers: [Applicant], asOf: Timestamp, outreach: (Job) -> Bool = { _ in false },
                        progress: (Int, Int) -> Void = { _, _ in }, phase: (String) -> Void = { _ in }) -> InsightResult {
        let jobs = matcher.index.jobs
        var tally = GapTally(rows: jobs.count)
        var disabled = OutreachCollector(analyzer: self, asOf: asOf)
        score(seekers, asOf: asOf, progress: progress) { member in
            let a = member.applicant
            let keys = [Self.allKey] + InsightGroup.allCases.filter { $0.includes(a) }.flatMap { $0.keys(for: a) }
            for key in keys {
                let fitting = key == Self.allKey ? member.top : member.top.filter { Self.group(of: key).fits(jobs[$0], for: a, nearbyKm: configuration.nearbyKm) }
                tally.add(district: a.district, key: key, fitting: fitting)
            }
            for occupation in Set(a.preferences.occupations) {
                tally.addOccupation(occupation, fitting: member.top.filter { jobs[$0].occupation == occupation })
            }
            if InsightGroup.disabled.includes(a) { disabled.add(member) }
        }
        phase("lists")
        let rows = jobs.indices.filter { outreach(jobs[$0]) }
        let list = counterfactuals(rows: rows, group: .disabled, members: disabled.map(), asOf: asOf)
            .filter { $0.nearby > 0 }
            .sorted { $0.gain > $1.gain || ($0.gain == $1.gain && $0.job < $1.job) }
        phase("outreach")
        return InsightResult(seekers: seekers.count, openPostings: jobs.count, gaps: tally.gaps(jobs: jobs),
                             occupations: Array(tally.occupationGaps(jobs: jobs).prefix(configuration.topOccupations)), outreach: list)
    }

    static func group(of key: String) -> InsightGroup {
        InsightGroup(rawValue: key.split(separator: ":").first.map(String.init) ?? key)!
    }

    /// Scores `seekers` in map-ordered chunks (each chunk one pass of the matcher's block loop) and hands each
    /// scored member to `visit`, in map order.
    public func score(_ seekers: [Applicant], asOf: Timestamp, progress: (Int, Int) -> Void = { _, _ in },
                      visit: (InsightMember) -> Void) {
        let ordered = SpatialOrder.applicants(seekers, at: asOf)
        let k = max(1, configuration.k)
        progress(0, ordered.count)
        for start in stride(from: 0, to: ordered.count, by: max(1, configuration.chunkSize)) {
            let chunk = Array(ordered[start..<min(start + max(1, configuration.chunkSize), ordered.count)])
            let vectors = matcher.applicantVectors(chunk, asOf: asOf)
            let collected = matcher.collect(applicants: chunk, vectors: vectors, capacity: k + 1, asOf: asOf, filter: .all)
            for (i, a) in chunk.enumerated() {
                let lists = collected[i]
                let top = matcher.rank(market: lists.market, publicWelfare: lists.publicWelfare, k: k,
                                       wishesPublicWelfare: a.preferences.jobTypes.contains(.publicWelfare)).map(\.row)
                visit(InsightMember(applicant: a, vector: vectors[i], market: lists.market, welfare: lists.publicWelfare, top: top))
            }
            progress(start + chunk.count, ordered.count)
        }
    }
}
