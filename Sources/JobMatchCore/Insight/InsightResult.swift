/// What the analysis of one as-of time finds: supply gaps by district and group, the occupations with the largest
/// shortfall, and the outreach list (levy payers' postings with what one change would open them to).
public struct InsightResult: Sendable {
    public var seekers: Int
    public var openPostings: Int
    /// Rows for every district with members, and `district = "all"` for the whole scope; ordered by district, then group.
    public var gaps: [SupplyGap]
    /// Largest shortfall first (ties by occupation code).
    public var occupations: [OccupationGap]
    /// Largest gain first (ties by posting id).
    public var outreach: [PostingCounterfactual]

    public init(seekers: Int, openPostings: Int, gaps: [SupplyGap], occupations: [OccupationGap], outreach: [PostingCounterfactual]) {
        self.seekers = seekers
        self.openPostings = openPostings
        self.gaps = gaps
        self.occupations = occupations
        self.outreach = outreach
    }
}
