/// The labelled comparisons outcome learning fits: "for this applicant, job `better` beat job `worse`",
/// each with a weight, built from the interactions before the as-of time.
///
/// - Positives: the strongest outcome of a pair, `retained_3m` (gain 3) > `hired` (2) > `interviewed` (1).
/// - Explicit negatives: `rejected` or `declined` with no positive (weight ``TrainingConfiguration/explicitNegativeWeight``);
///   `recommended`, `viewed` or `applied` with no response (``TrainingConfiguration/silentNegativeWeight``).
/// - Sampled negatives: jobs open when the applicant's positive happened that no hard rule forbids them and
///   they never interacted with (``TrainingConfiguration/sampledNegatives`` per positive, seeded) — what
///   ranking among all open jobs has to beat.
///
/// A pair's weight is the positive's gain times the negative's weight.
public struct TrainingPairs: Sendable {
    public struct Pair: Sendable, Hashable {
        public var applicant: Int
        public var better: Int
        public var worse: Int
        public var weight: Float
    }

    /// Indexes into the arrays the pairs were built from.
    public var pairs: [Pair]
    /// Applicants with at least one positive; and how many positives there were.
    public var applicantsWithPositives: Int
    public var positives: Int
    public var explicitNegatives: Int
    public var silentNegatives: Int

    public init(applicants: [Applicant], jobs: [Job], interactions: [Interaction], asOf: Timestamp,
                configuration: TrainingConfiguration = TrainingConfiguration())
    {
        let applicantRow = Dictionary(applicants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let jobRow = Dictionary(jobs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Per pair: strongest gain, whether it was refused, whether it was only seen, when it first happened.
        struct State { var gain = 0.0; var refused = false; var first: Timestamp }
        var states: [Int: [Int: State]] = [:]
        for i in interactions where i.at < asOf {
            guard let a = applicantRow[i.applicant], let j = jobRow[i.job] else { continue }
            var state = states[a]?[j] ?? State(first: i.at)
            state.gain = max(state.gain, OutcomeGain.gain(i.event))
            if i.event == .rejected || i.event == .declined { state.refused = true }
            if i.at < state.first { state.first = i.at }
            states[a, default: [:]][j] = state
        }
        var pairs: [Pair] = []
        var positives = 0, explicit = 0, silent = 0, withPositives = 0
        for a in states.keys.sorted() {
            let own = states[a]!
            let good = own.filter { $0.value.gain > 0 }.sorted { $0.key < $1.key }
            guard !good.isEmpty else { continue }
            withPositives += 1
            positives += good.count
            let bad = own.filter { $0.value.gain == 0 }.sorted { $0.key < $1.key }
            explicit += bad.filter { $0.value.refused }.count
            silent += bad.filter { !$0.value.refused }.count
            var generator = SeededGenerator(seed: StableHash.hash(applicants[a].id, seed: configuration.seed))
            for (p, state) in good {
                let gain = Float(state.gain)
                for (n, negative) in bad {
                    let weight = negative.refused ? configuration.explicitNegativeWeight : configuration.silentNegativeWeight
                    if weight > 0 { pairs.append(Pair(applicant: a, better: p, worse: n, weight: gain * weight)) }
                }
                var drawn = 0, attempts = 0
                while drawn < configuration.sampledNegatives, attempts < configuration.sampledNegatives * 20, !jobs.isEmpty {
                    attempts += 1
                    let n = Int(generator.next() % UInt64(jobs.count))
                    guard own[n] == nil, jobs[n].postedAt <= state.first, state.first < jobs[n].expiresAt else { continue }
                    let broken = HardRules.violations(applicant: applicants[a], job: jobs[n], at: state.first)
                    guard broken.allSatisfy({ $0 == .notOpen }) else { continue }
                    pairs.append(Pair(applicant: a, better: p, worse: n, weight: gain * configuration.sampledNegativeWeight))
                    drawn += 1
                }
            }
        }
        self.pairs = pairs
        applicantsWithPositives = withPositives
        self.positives = positives
        explicitNegatives = explicit
        silentNegatives = silent
    }
}
