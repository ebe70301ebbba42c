/// A recommended job: `{"job": ID, "rank": 1, "score": 0.93, "reasons": [...]}`.
public struct Recommendation: Codable, Sendable, Hashable {
    public var job: String
    public var rank: Int
    public var score: Double
    public var reasons: [Reason]

    public init(job: String, rank: Int, score: Double, reasons: [Reason]) {
        self.job = job
        self.rank = rank
        self.score = score
        self.reasons = reasons
    }

    /// Scores are reported to 4 decimals so the JSON is short and stable.
    public static func rounded(_ score: Float) -> Double { (Double(score) * 10_000).rounded() / 10_000 }
}

/// One applicant's recommendations: `{"applicant": ID, "recommendations": [...]}`.
public struct RecommendationList: Codable, Sendable, Hashable {
    public var applicant: String
    public var recommendations: [Recommendation]

    public init(applicant: String, recommendations: [Recommendation]) {
        self.applicant = applicant
        self.recommendations = recommendations
    }
}

/// An applicant found for a job by reverse matching: `{"applicant": ID, "rank": 1, "score": 0.9, "reasons": [...]}`.
public struct Candidate: Codable, Sendable, Hashable {
    public var applicant: String
    public var rank: Int
    public var score: Double
    public var reasons: [Reason]

    public init(applicant: String, rank: Int, score: Double, reasons: [Reason]) {
        self.applicant = applicant
        self.rank = rank
        self.score = score
        self.reasons = reasons
    }
}
