/// Collaborative factors, LightFM-style: every side feature (a token such as `occ:4-01-02` or `emp:E0012`)
/// and every person or posting with history (`a:ID`, `j:ID`) has a factor; an entity's factor is the sum
/// of its tokens' factors, so people and postings with little or no history borrow from similar ones.
///
/// Learned by ``CollaborativeTrainer``; stored as `factors.json` in the model folder.
public struct CollaborativeFactors: Codable, Sendable, Hashable {
    public var dimensions: Int
    /// Token names, sorted; row `i` of ``values`` is `tokens[i]`'s factor.
    public var tokens: [String]
    /// Row-major `tokens.count × dimensions`.
    public var values: [Float]
    private var row: [String: Int]

    public init(dimensions: Int, tokens: [String], values: [Float]) {
        precondition(values.count == tokens.count * dimensions, "one factor per token")
        self.dimensions = dimensions
        self.tokens = tokens
        self.values = values
        row = Dictionary(tokens.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    enum CodingKeys: String, CodingKey { case dimensions, tokens, values }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let dimensions = try c.decode(Int.self, forKey: .dimensions)
        let tokens = try c.decode([String].self, forKey: .tokens)
        let values = try c.decode([Float].self, forKey: .values)
        guard values.count == tokens.count * dimensions else {
            throw DecodingError.dataCorruptedError(forKey: .values, in: c, debugDescription: "expected \(tokens.count * dimensions) values")
        }
        self.init(dimensions: dimensions, tokens: tokens, values: values)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dimensions, forKey: .dimensions)
        try c.encode(tokens, forKey: .tokens)
        try c.encode(values, forKey: .values)
    }

    /// The row of a token, if it has a factor.
    public func index(of token: String) -> Int? { row[token] }

    /// The sum of the factors of the known tokens among `tokens` (zero when none is known).
    public func factor(of tokens: [String]) -> [Float] {
        var sum = [Float](repeating: 0, count: dimensions)
        for token in tokens {
            guard let r = row[token] else { continue }
            for k in 0..<dimensions { sum[k] += values[r * dimensions + k] }
        }
        return sum
    }

    /// A person's tokens: their id, wished and past occupations, district, education, groups, wished job types, and a bias.
    public static func tokens(of applicant: Applicant) -> [String] {
        var t = ["a:" + applicant.id, "a-bias", "a-dist:" + applicant.district, "a-edu:" + applicant.education.rawValue]
        t += applicant.preferences.occupations.map { "a-occ:" + $0 }
        t += applicant.experience.compactMap(\.occupation).map { "a-exp:" + $0 }
        t += applicant.groups.map { "a-grp:" + $0.rawValue }
        t += applicant.preferences.jobTypes.map { "a-type:" + $0.rawValue }
        return t
    }

    /// A posting's tokens: its id, occupation, employer, district, job type, tags, pay step, and a bias.
    public static func tokens(of job: Job) -> [String] {
        var t = ["j:" + job.id, "j-bias", "j-emp:" + job.employer.id, "j-dist:" + job.district, "j-type:" + job.jobType.rawValue]
        if let occupation = job.occupation { t.append("j-occ:" + occupation) }
        t += job.tags.map { "j-tag:" + $0.rawValue }
        if let monthly = WageNormalizer.monthly(job.wage, hoursPerWeek: job.hoursPerWeek) {
            t.append("j-pay:\(FeatureExtractor.wageStep(monthly))")
        }
        return t
    }
}
