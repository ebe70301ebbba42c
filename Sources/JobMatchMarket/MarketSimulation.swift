import JobMatchCore

/// Simulates the market over the period: who sees, applies, is interviewed, hired, rejected, declines, stays or leaves.
///
/// Cost is O(applicants × candidates): each person draws a small sample of postings (home district,
/// neighbouring districts, wished occupations, a few anywhere), never all pairs.
struct MarketSimulation {
    let configuration: MarketConfiguration
    let applicants: [Applicant]
    let personas: [Persona]
    let drafts: [JobDraft]
    let geography: Geography
    let suitability: Suitability
    let latent: LatentMarket
    let jobsByDistrict: [[Int]]
    let jobsByOccupation: [[Int]]

    init(configuration: MarketConfiguration, applicants: [Applicant], personas: [Persona], drafts: [JobDraft], geography: Geography) {
        self.configuration = configuration
        self.applicants = applicants
        self.personas = personas
        self.drafts = drafts
        self.geography = geography
        suitability = Suitability(configuration: configuration)
        latent = LatentMarket(market: configuration, applicants: applicants, personas: personas, drafts: drafts)
        var byDistrict = Array(repeating: [Int](), count: geography.districts.count)
        var byOccupation = Array(repeating: [Int](), count: OccupationCatalogue.all.count)
        for (index, draft) in drafts.enumerated() {
            byDistrict[draft.districtIndex].append(index)
            byOccupation[draft.occupationIndex].append(index)
        }
        jobsByDistrict = byDistrict
        jobsByOccupation = byOccupation
    }

    /// How much person `index` wants posting `job`, before per-pair noise: the observable suitability model on
    /// the person's true wishes (travel tolerance, reservation wage, job types), scaled by its share, plus the hidden part.
    func interest(_ index: Int, _ job: Int) -> Double {
        configuration.latent.observableShare * suitability.interest(latent.truth[index], personas[index], drafts[job])
            + latent.interest(index, job)
    }

    /// How much posting `job`'s employer wants person `index` at `time`, before per-pair noise.
    func employerView(_ index: Int, _ job: Int, at time: Timestamp) -> Double {
        configuration.latent.observableShare * suitability.employerView(applicants[index], personas[index], drafts[job], at: time)
            + latent.employerView(index, job)
    }

    /// True when no hard rule forbids the pair at `time`, the posting counted as open (its window is checked separately).
    func pairAllowed(_ a: Applicant, _ d: JobDraft, at time: Timestamp) -> Bool {
        var job = d.job
        job.status = .open
        return HardRules.allows(applicant: a, job: job, at: time)
    }

    /// Rules 2–7 only (age, education, public welfare, commute, disability, capacity), for events after the posting closed.
    func pairAllowedIgnoringWindow(_ a: Applicant, _ d: JobDraft, at time: Timestamp) -> Bool {
        var job = d.job
        job.status = .open
        job.postedAt = min(job.postedAt, time)
        if job.expiresAt <= time { job.expiresAt = time.shifted(days: 1) }
        return HardRules.allows(applicant: a, job: job, at: time)
    }

    /// Candidate postings for one person: a small sample, mostly near home and in wished occupations.
    func candidates(for index: Int, count: Int, rng: inout SeededRandom) -> [Int] {
        let a = applicants[index], p = personas[index]
        let wished = a.preferences.occupations.compactMap { OccupationCatalogue.indexByCode[$0] }
        let pastJobs = p.experienceYears.keys.sorted()
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < count, attempts < count * 3, !drafts.isEmpty {
            attempts += 1
            let r = rng.unit()
            let pool: [Int]
            if r < 0.45 {
                pool = jobsByDistrict[p.districtIndex]
            } else if r < 0.65 {
                pool = jobsByDistrict[rng.pick(geography.neighbours[p.districtIndex])]
            } else if r < 0.92, !(wished.isEmpty && pastJobs.isEmpty) {
                let source = wished.isEmpty || (!pastJobs.isEmpty && rng.chance(0.3)) ? pastJobs : wished
                pool = jobsByOccupation[rng.pick(source)]
            } else {
                chosen.append(rng.index(drafts.count))
                continue
            }
            guard !pool.isEmpty else { continue }
            let job = rng.pick(pool)
            if !chosen.contains(job) { chosen.append(job) }
        }
        return chosen
    }

    /// Runs the whole period: draws every person's chains, then settles the market in time order.
    func run() -> MarketOutcome {
        var chains: [ApplicationChain] = []
        var inactive: [Bool] = []
        inactive.reserveCapacity(applicants.count)
        for index in applicants.indices {
            let (own, stops) = drawChains(for: index)
            chains.append(contentsOf: own)
            inactive.append(stops)
        }
        return settle(chains: chains, inactive: inactive)
    }
}
