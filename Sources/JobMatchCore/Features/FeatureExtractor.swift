/// Turns applicants and jobs into dense `Float` rows such that `score = applicant · job`.
///
/// Job rows carry the block weights; applicant rows are unweighted, so the per-block dot products
/// (``blockScores(applicant:job:at:)``) are what outcome learning fits the weights on.
public struct FeatureExtractor: Sendable {
    public let model: MatchModel
    public let layout: FeatureLayout
    let tokenizer: TextTokenizer
    let configuration: FeatureConfiguration
    /// The interactions before the as-of time, for the history blocks; nil leaves them at zero.
    public let history: InteractionHistory?
    /// Past-block values (``FeatureBlock/pastOccupation`` … ``FeatureBlock/pastJobType``) of each posting in the history.
    private(set) var pastRows: [String: [Float]]

    /// `history`: what happened before the as-of time the vectors are for (history blocks of hybrid models).
    public init(model: MatchModel, history: InteractionHistory? = nil) {
        self.init(model: model, history: history, reusing: nil)
    }

    /// The same model with another history; the past rows of postings unchanged since `previous`'s history
    /// are taken from it instead of being extracted again.
    public func withHistory(_ history: InteractionHistory) -> FeatureExtractor {
        FeatureExtractor(model: model, history: history, reusing: self)
    }

    private init(model: MatchModel, history: InteractionHistory?, reusing previous: FeatureExtractor?) {
        self.model = model
        self.layout = model.layout
        self.configuration = model.configuration
        self.tokenizer = TextTokenizer(minGram: model.configuration.minGram, maxGram: model.configuration.maxGram)
        self.history = model.configuration.historyBlocks ? history : nil
        pastRows = [:]
        if let history = self.history {
            let extractor = self
            let known = previous?.history?.jobs ?? [:]
            let jobs = history.jobs.values.filter { known[$0.id] != $0 || previous?.pastRows[$0.id] == nil }.sorted { $0.id < $1.id }
            let rows = jobs.concurrentMap { extractor.pastValues(extractor.contentJobVector($0)) }
            pastRows = Dictionary(uniqueKeysWithValues: zip(jobs.map(\.id), rows))
            if let previous {
                for id in history.jobs.keys where pastRows[id] == nil { pastRows[id] = previous.pastRows[id] }
            }
        }
    }

    /// The weighted evidence entries of a job's row under this extractor's history: (index in the row, value).
    /// Empty for a content-only model. The other entries of a job's row do not depend on the history.
    public func evidenceEntries(_ job: Job) -> [(index: Int, value: Float)] {
        guard configuration.historyBlocks else { return [] }
        let values = history?.evidence(for: job) ?? [Float](repeating: 0, count: FeatureBlock.evidence.count)
        return zip(FeatureBlock.evidence, values).map { block, value in (layout[block].lowerBound, value * model.weights[block]) }
    }

    /// The past blocks and the content blocks they mirror (the place block without its remote entry).
    var pastPairs: [(past: FeatureBlock, content: FeatureBlock)] {
        [(.pastOccupation, .occupation), (.pastSkills, .skills), (.pastPlace, .location), (.pastPay, .wage), (.pastJobType, .jobType)]
    }

    /// The past-block values of a job's content row, concatenated in ``pastPairs`` order.
    func pastValues(_ content: [Float]) -> [Float] {
        var values: [Float] = []
        for (past, source) in pastPairs { values += content[layout[source].lowerBound..<(layout[source].lowerBound + layout[past].count)] }
        return values
    }

    public var dimension: Int { layout.dimension }

    /// The applicant's row at `time` (age-dependent traits are taken at that time).
    public func applicantVector(_ applicant: Applicant, at time: Timestamp) -> [Float] {
        var v = [Float](repeating: 0, count: dimension)
        let profile = ApplicantProfile(applicant, vocabulary: model.skills)
        writeSkillAndCertificateBlocks(applicant, profile: profile, into: &v)
        writeHashed(profile.occupationWishes, block: .occupation, normalize: .none, into: &v)
        // Location: encoding of home, and a constant that meets the job's remote nearness.
        let location = layout[.location]
        if let home = applicant.location ?? District.chongqing(code: applicant.district)?.centre {
            model.location.encode(home, into: &v, at: location.lowerBound)
        }
        v[location.upperBound - 1] = 1
        // Job types: wished types, or neutral 0.5 when no wish; entrepreneurial intent wants self-employment.
        let types = layout[.jobType]
        for (i, type) in JobType.allCases.enumerated() {
            let wished = applicant.preferences.jobTypes
            var value: Float = wished.isEmpty ? 0.5 : (wished.contains(type) ? 1 : 0)
            if type == .selfEmployment, applicant.effectiveIntent == .entrepreneurial { value = 1 }
            v[types.lowerBound + i] = value
        }
        let schedules = layout[.schedule]
        for (i, schedule) in Schedule.allCases.enumerated() {
            let wished = applicant.preferences.schedule
            v[schedules.lowerBound + i] = wished.isEmpty ? 0.5 : (wished.contains(schedule) ? 1 : 0)
        }
        let wage = layout[.wage]
        v[wage.lowerBound + Self.wageStep(applicant.preferences.minMonthlyWage)] = 1
        let hours = layout[.hours]
        let hoursRow: [Float] = switch applicant.effectiveCapacity {
        case .full: [0.6, 1, 0.8]
        case .partial: [1, 0.8, 0.2]
        case .limited: [1, 0.2, 0]
        }
        for i in 0..<3 { v[hours.lowerBound + i] = hoursRow[i] }
        let education = layout[.education]
        let rank = applicant.education.rank
        for r in 0...rank { v[education.lowerBound + r] = max(0.1, 1 - 0.15 * Float(rank - r)) }
        let suitability = layout[.suitability]
        let traits = ApplicantTrait.traits(of: applicant, at: time, configuration: configuration)
        for (i, flag) in JobSuitabilityFlag.allCases.enumerated() {
            v[suitability.lowerBound + i] = ApplicantTrait.allCases.reduce(0) { sum, trait in
                traits.contains(trait) ? sum + model.suitability.affinity(trait, flag) : sum
            }
        }
        writeApplicantHistory(applicant, into: &v)
        return v
    }

    /// The blocks of an applicant row that read the person's skills or certificates (the text reads the skills
    /// too); no other block of the row reads either.
    public static let skillAndCertificateBlocks: [FeatureBlock] = [.text, .skills, .certificates]

    /// `applicant`'s row at `time` when `base` is the row of the same person with other skills or certificates
    /// only (a course's): ``skillAndCertificateBlocks`` are written again, the rest is copied from `base`.
    /// The same floats as ``applicantVector(_:at:)`` (the same code writes the blocks, from zero).
    public func applicantVector(_ applicant: Applicant, at time: Timestamp, patching base: [Float]) -> [Float] {
        applicantVector(applicant, patching: base, profile: ApplicantProfile(applicant, vocabulary: model.skills))
    }

    /// The same with `applicant`'s profile given (``ApplicantProfile/adding(skills:certificates:vocabulary:)``); with
    /// `text`, the text block is written by it (``SkillTextPatcher``) instead of from the document.
    func applicantVector(_ applicant: Applicant, patching base: [Float], profile: ApplicantProfile,
                         text: ((inout [Float]) -> Void)? = nil) -> [Float] {
        var v = base
        for block in Self.skillAndCertificateBlocks {
            for i in layout[block] { v[i] = 0 }
        }
        writeSkillAndCertificateBlocks(applicant, profile: profile, into: &v, text: text)
        return v
    }

    /// The text, skills and certificate blocks of an applicant row (zero before).
    func writeSkillAndCertificateBlocks(_ applicant: Applicant, profile: ApplicantProfile, into v: inout [Float],
                                        text: ((inout [Float]) -> Void)? = nil) {
        if let text { text(&v) } else { writeText(Self.document(of: applicant), block: .text, into: &v) }
        writeHashed(profile.skills, block: .skills, normalize: .none, into: &v)
        let certificates = layout[.certificates]
        guard !certificates.isEmpty else { return }
        v[certificates.lowerBound] = 1
        writeHashed(Dictionary(profile.certificates.map { ($0, Float(1)) }, uniquingKeysWith: max),
                    range: certificates.dropFirst(), into: &v, normalize: .none)
    }

    /// The history blocks of the applicant row: the event-weighted mean of the past blocks of the postings the
    /// person acted on (shrunk toward zero for little history), 1 on the evidence blocks, and the person's factor.
    func writeApplicantHistory(_ applicant: Applicant, into v: inout [Float]) {
        if configuration.historyBlocks {
            for block in FeatureBlock.evidence { v[layout[block].lowerBound] = 1 }
        }
        if let history, let acted = history.behaviour[applicant.id] {
            var sum = [Float](repeating: 0, count: pastPairs.reduce(0) { $0 + layout[$1.past].count })
            var total: Float = 1
            for (job, weight) in acted {
                guard let row = pastRows[job] else { continue }
                total += abs(weight)
                for k in sum.indices { sum[k] += weight * row[k] }
            }
            var offset = 0
            for (past, _) in pastPairs {
                for i in layout[past] { v[i] = sum[offset] / total; offset += 1 }
            }
        }
        let factors = layout[.factors]
        if let collaborative = model.collaborative, collaborative.dimensions == factors.count {
            let f = collaborative.factor(of: CollaborativeFactors.tokens(of: applicant))
            for (k, i) in factors.enumerated() { v[i] = f[k] }
        }
    }

    /// Per-block dot products before weights: what each block says about the pair.
    public func blockScores(applicant: Applicant, job: Job, at time: Timestamp) -> [FeatureBlock: Float] {
        let a = applicantVector(applicant, at: time)
        let j = unweightedJobVector(job)
        var scores: [FeatureBlock: Float] = [:]
        for block in FeatureBlock.allCases {
            scores[block] = layout[block].reduce(0) { $0 + a[$1] * j[$1] }
        }
        return scores
    }

    /// The wage step an applicant's reservation wage falls on (0 when there is none).
    static func wageStep(_ wish: Double?) -> Int {
        guard let wish else { return 0 }
        return FeatureConfiguration.wageThresholds.lastIndex { $0 <= wish } ?? 0
    }

    enum Normalization { case none, l1 }

    func writeHashed(_ weights: [String: Float], block: FeatureBlock, normalize: Normalization, into v: inout [Float]) {
        writeHashed(weights, range: layout[block], into: &v, normalize: normalize)
    }

    func writeHashed(_ weights: [String: Float], range: Range<Int>, into v: inout [Float], normalize: Normalization) {
        guard !range.isEmpty, !weights.isEmpty else { return }
        // Sorted, so the float sums are the same on every run (dictionary order is seeded per process).
        let sorted = weights.sorted(by: { $0.key < $1.key })
        let total = sorted.reduce(Float(0)) { $0 + $1.value }
        let scale: Float = normalize == .l1 && total > 0 ? 1 / total : 1
        for (term, weight) in sorted {
            let (index, sign) = StableHash.bucket(term, seed: configuration.seed, count: range.count)
            v[range.lowerBound + index] += sign * weight * scale
        }
    }

    /// TF-IDF of the document's terms, hashed with signs into the text block and L2-normalised.
    func writeText(_ document: String, block: FeatureBlock, into v: inout [Float]) {
        let range = layout[block]
        guard !range.isEmpty else { return }
        // Terms in the order they first occur (a fixed summation order without sorting strings).
        var counts: [String: Float] = [:]
        var order: [String] = []
        for term in tokenizer.terms(document) {
            if let count = counts[term] {
                counts[term] = count + 1
            } else {
                counts[term] = 1
                order.append(term)
            }
        }
        for term in order {
            let (index, sign) = StableHash.bucket(term, seed: configuration.seed &+ 1, count: range.count)
            v[range.lowerBound + index] += sign * counts[term]! * model.vocabulary.weight(term)
        }
        Self.normalize(range, &v)
    }

    /// L2-normalises `v[range]` (left as it is when zero).
    static func normalize(_ range: Range<Int>, _ v: inout [Float]) {
        var norm: Float = 0
        for i in range { norm += v[i] * v[i] }
        guard norm > 0 else { return }
        let inverse = 1 / norm.squareRoot()
        for i in range { v[i] *= inverse }
    }
}
