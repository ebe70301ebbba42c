import JobMatchCore

/// What to generate: sizes, seed, the simulated period and the proportions that shape the market.
///
/// Proportions not taken from public figures are assumptions; `datasets/README.md` says which.
public struct MarketConfiguration: Sendable, Hashable {
    /// Number of applicants (援助对象).
    public var applicants: Int
    /// Number of job postings over the period.
    public var jobs: Int
    public var seed: UInt64
    /// Length of the simulated period, in days, ending at ``asOf``.
    public var days: Int
    /// The end of the simulated period: the as-of time of the data set.
    public var asOf: Timestamp

    /// Share of postings that are current at ``asOf`` (posted recently, expiring after it), before hires fill some.
    public var currentPostingShare: Double
    /// Share of applicants who are inactive at ``asOf`` (stopped looking without a job).
    public var inactiveShare: Double
    /// Share of applications the caseworker started with a recommendation.
    public var recommendedShare: Double
    /// How strongly the suitability model drives choices (1 = as documented; 0 = outcomes at random).
    public var suitabilityStrength: Double
    /// Standard deviation of the per-pair noise added to suitability (logit scale).
    public var noise: Double
    /// Mean number of job views per seeker over the period (scaled by intent and by days).
    public var viewsPerSeeker: Double
    /// Plant supervision anomalies after the simulation (``MarketGenerator/plantAnomalies(in:)``). Default off.
    public var plantAnomalies: Bool = false
    /// The hidden structure (posting attractiveness, employer selectiveness and taste, person taste, travel
    /// tolerance, noisy stated wishes); ``LatentConfiguration/off`` switches it off.
    public var latent: LatentConfiguration

    /// The default end of the period: 2026-11-30T09:00:00+08:00.
    public static let defaultAsOf = Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!

    public init(
        applicants: Int = 2000, jobs: Int = 1000, seed: UInt64 = 20_261_130, days: Int = 180,
        asOf: Timestamp = MarketConfiguration.defaultAsOf, currentPostingShare: Double = 0.75,
        inactiveShare: Double = 0.05, recommendedShare: Double = 0.35, suitabilityStrength: Double = 1,
        noise: Double = 0.8, viewsPerSeeker: Double = 10, latent: LatentConfiguration = LatentConfiguration()
    ) {
        self.latent = latent
        self.applicants = applicants
        self.jobs = jobs
        self.seed = seed
        self.days = days
        self.asOf = asOf
        self.currentPostingShare = currentPostingShare
        self.inactiveShare = inactiveShare
        self.recommendedShare = recommendedShare
        self.suitabilityStrength = suitabilityStrength
        self.noise = noise
        self.viewsPerSeeker = viewsPerSeeker
    }

    /// Checks sizes and shares; throws a ``JobMatchError`` naming the bad parameter.
    public func validate() throws(JobMatchError) {
        if applicants < 0 { throw JobMatchError(.malformedInput, "applicants must be 0 or more", field: "applicants") }
        if jobs < 0 { throw JobMatchError(.malformedInput, "jobs must be 0 or more", field: "jobs") }
        if days < 1 || days > 3650 { throw JobMatchError(.malformedInput, "days must be 1…3650", field: "days") }
        for (name, share) in [("current_posting_share", currentPostingShare), ("inactive_share", inactiveShare), ("recommended_share", recommendedShare)]
        where !(0...1).contains(share) {
            throw JobMatchError(.malformedInput, "\(name) must be within 0…1", field: name)
        }
        for (name, value) in latent.named where !(value >= 0 && value <= 5) {
            throw JobMatchError(.malformedInput, "\(name) must be within 0…5", field: name)
        }
    }

    /// The start of the simulated period.
    public var periodStart: Timestamp { asOf.adding(days: -Double(days)) }
}
