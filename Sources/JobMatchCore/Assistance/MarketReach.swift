/// How far the market reaches a person: the allowed market postings, the fitting ones (allowed and scoring at
/// least ``PlanRules/fittingScore``), and the matcher's weak-market rule on them.
public struct MarketReach: Sendable, Hashable {
    /// Market postings open at the time that no hard rule forbids.
    public var allowedPostings: Int
    /// Of those, the ones scoring at least the fitting score.
    public var fittingPostings: Int
    /// Openings of the fitting postings.
    public var fittingOpenings: Int
    /// The best allowed market score (nil without any).
    public var bestScore: Float?
    /// The matcher's weak-market rule (``MatcherConfiguration/weakMarketScore``, ``MatcherConfiguration/minimumMarketOptions``
    /// capped at the top list's size): the market does not reach, public-welfare posts are the fallback.
    public var isWeak: Bool

    public init(allowedPostings: Int, fittingPostings: Int, fittingOpenings: Int, bestScore: Float?, isWeak: Bool) {
        self.allowedPostings = allowedPostings
        self.fittingPostings = fittingPostings
        self.fittingOpenings = fittingOpenings
        self.bestScore = bestScore
        self.isWeak = isWeak
    }

    /// The weak-market rule exactly as ``Matcher`` ranks (same configuration, k = the top list's size).
    public static func isWeak(allowedMarket: Int, bestScore: Float?, configuration: MatcherConfiguration, k: Int) -> Bool {
        allowedMarket < min(k, configuration.minimumMarketOptions) || (bestScore ?? -.infinity) < configuration.weakMarketScore
    }
}
