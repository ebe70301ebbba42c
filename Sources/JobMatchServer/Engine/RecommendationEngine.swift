import JobMatchCore

/// One recommendation request: a person (stored or walk-in), how many jobs, at what time, which kinds.
struct RecommendationQuery: Sendable {
    var applicant: Applicant
    var k: Int
    var asOf: Timestamp
    var filter: JobFilter
    /// True once the client has gone: the request is dropped before it is scored.
    var isCancelled: @Sendable () -> Bool = { false }
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
    /// The people a job suits best among those `including` accepts, under the same hard rules; stops when
    /// `isCancelled` says the client left.
    func candidates(for job: Job, k: Int, asOf: Timestamp, including: @escaping @Sendable (Applicant) -> Bool,
                    isCancelled: @escaping @Sendable () -> Bool) async throws -> [Candidate]
    /// Brings the index up to the database's last commit (lists and candidate lists do this themselves;
    /// writers call it so that the change is applied before their response).
    func catchUp() async throws
}
