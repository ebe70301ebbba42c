import JobMatchCore

extension MarketGenerator {
    /// The `manifest.json` of a generated data set: the spec's fields plus `as_of`, every parameter and the counts.
    ///
    /// `created_at` is the as-of time, not the wall clock, so the same seed gives the same bytes.
    public func manifest(name: String, market: Market, notes: String? = nil) -> JSONValue {
        let c = configuration
        let counted: [(String, Int)] = [
            ("applicants", market.applicants.count), ("jobs", market.jobs.count), ("interactions", market.interactions.count),
            ("trainings", market.trainings.count), ("services", market.services.count),
        ]
        let counts = JSONValue.object(counted.map { ($0.0, JSONValue.number(Double($0.1))) })
        let seed: JSONValue = c.seed < (1 << 53) ? .number(Double(c.seed)) : .string(String(c.seed))
        return .object([
            ("name", .string(name)),
            ("created_at", .string(c.asOf.text)),
            ("generator", .string("\(Self.name) \(Self.version)")),
            ("seed", seed),
            ("notes", .string(notes ?? "Synthetic Chongqing employment-assistance market; no real person. See datasets/README.md.")),
            ("as_of", .string(c.asOf.text)),
            ("parameters", .object([
                ("applicants", .number(Double(c.applicants))),
                ("jobs", .number(Double(c.jobs))),
                ("days", .number(Double(c.days))),
                ("period_start", .string(c.periodStart.text)),
                ("current_posting_share", .number(c.currentPostingShare)),
                ("inactive_share", .number(c.inactiveShare)),
                ("recommended_share", .number(c.recommendedShare)),
                ("suitability_strength", .number(c.suitabilityStrength)),
                ("noise", .number(c.noise)),
                ("views_per_seeker", .number(c.viewsPerSeeker)),
                ("hidden", .object(c.latent.named.map { ($0.name, .number($0.value)) })),
            ])),
            ("counts", counts),
        ])
    }
}
