/// Gathers the scored members the outreach counterfactual counts while they stream by, keeping each as a compact
/// ``OutreachMember``, their vector and their lists in flat arrays (not their record), then lays them out as an
/// ``InsightMemberMap``.
struct OutreachCollector {
    let asOf: Timestamp
    let nearbyKm: Double
    let k: Int
    let settings: MatcherConfiguration
    let dimension: Int
    /// Each row's place in the order of posting ids (the matcher's tie-break), so ties compare integers.
    let ranks: [Int32]
    private var members: [OutreachMember] = []
    private var vectors: [Float] = []
    private var listRows: [Int32] = [], listScores: [Float] = [], topRows: [Int32] = []
    private var districts: [String: Int32] = [:]

    init(analyzer: InsightAnalyzer, asOf: Timestamp) {
        self.asOf = asOf
        nearbyKm = analyzer.configuration.nearbyKm
        k = max(1, analyzer.configuration.k)
        settings = analyzer.matcher.configuration
        dimension = analyzer.matcher.index.dimension
        let ids = analyzer.matcher.index.ids
        var ranks = [Int32](repeating: 0, count: ids.count)
        for (rank, row) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { ranks[row] = Int32(rank) }
        self.ranks = ranks
    }

    mutating func add(_ member: InsightMember) {
        let district = districts[member.applicant.district] ?? {
            let code = Int32(districts.count)
            districts[member.applicant.district] = code
            return code
        }()
        members.append(OutreachMember(member, asOf: asOf, nearbyKm: nearbyKm, district: district, offset: listRows.count,
                                      topOffset: topRows.count, ranks: ranks, k: k, settings: settings))
        for (row, score) in member.market + member.welfare {
            listRows.append(Int32(row))
            listScores.append(score)
        }
        topRows += member.top.map { Int32($0) }
        vectors += member.vector
    }

    func map() -> InsightMemberMap {
        InsightMemberMap(members, vectors: vectors, dimension: dimension, listRows: listRows, listScores: listScores, topRows: topRows,
                         districts: districts, ranks: ranks, nearbyKm: nearbyKm)
    }
}
