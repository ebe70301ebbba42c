import JobMatchCore

/// One recommendation request: a person (stored or walk-in), how many jobs, at what time, which kinds.
struct RecommendationQuery: Sendable {
    var applicant: Applicant
    var k: Int
    var asOf: Timestamp
    var filter: JobFilter
}

/// What the recommendation routes need from the matching engine. ``MatcherEngine`` is the one
/// implementation (the matching core behind a batching queue); the routes see only this.
protocol RecommendationEngine: Sendable {
    /// True once the job index is built.
    var isReady: Bool { get }
    /// How many jobs the index holds and how many people reverse matching looks at.
    var sizes: (jobs: Int, applicants: Int) { get }
    /// The explained top-k list for one person (coalesced with concurrent requests).
    func recommend(_ query: RecommendationQuery) async throws -> RecommendationList
    /// The people a job suits best, under the same hard rules.
    func candidates(for job: Job, k: Int, asOf: Timestamp) async throws -> [Candidate]
    /// Keeps the index in step with the database: visible to the next request.
    func jobChanged(_ job: Job)
    func jobRemoved(id: String)
    func applicantChanged(_ applicant: Applicant)
    func applicantRemoved(id: String)
}
