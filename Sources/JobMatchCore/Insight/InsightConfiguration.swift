/// How the supply-gap and outreach analysis runs (docs/insight.md).
public struct InsightConfiguration: Sendable, Hashable {
    /// The length of the top list a posting must enter to count as fitting (the matcher's k).
    public var k: Int = 10
    /// "Nearby" for people who state no `max_commute_km`: a posting at most this far from home (remote work is
    /// always nearby). People who state a limit use it (hard rule 5).
    public var nearbyKm: Double = 10
    /// Seekers scored per block of the matcher (in map order).
    public var chunkSize: Int = 4096
    /// OpenBLAS threads and block workers (all cores by default in the workflows).
    public var threads: Int = 1
    /// How many occupations the report lists, largest shortfall first.
    public var topOccupations: Int = 20
    /// Outreach postings scored together against the members nearby them (one sgemm per block).
    public var outreachBlock: Int = 64

    public init(k: Int = 10, nearbyKm: Double = 10, chunkSize: Int = 4096, threads: Int = 1, topOccupations: Int = 20, outreachBlock: Int = 64) {
        self.k = k
        self.nearbyKm = nearbyKm
        self.chunkSize = chunkSize
        self.threads = threads
        self.topOccupations = topOccupations
        self.outreachBlock = outreachBlock
    }
}
