/// A posting as the allocator sees it: its id and how many people it hires.
public struct AllocationPosting: Sendable, Hashable {
    public var id: String
    public var openings: Int

    public init(id: String, openings: Int) {
        self.id = id
        self.openings = openings
    }
}

/// One allowed candidate of a person: a posting (its position in the postings array) and the score.
public struct AllocationCandidate: Sendable, Hashable {
    public var posting: Int32
    public var score: Float
    /// A public-welfare post offered as the fallback (kept for the explanation).
    public var isFallback: Bool

    public init(posting: Int32, score: Float, isFallback: Bool = false) {
        self.posting = posting
        self.score = score
        self.isFallback = isFallback
    }
}

/// A person to serve: id, priority class, certified groups (for the fairness report only) and their
/// allowed candidates, best first, already cleared of suppressed postings.
public struct AllocationSeeker: Sendable, Hashable {
    public var id: String
    public var priority: PushPriority
    public var groups: [AssistanceGroup]
    public var candidates: [AllocationCandidate]
    /// At most this many items for this person (the plan's fewer pushes, ``PushPlan``); nil: the run's k.
    public var limit: Int?

    public init(id: String, priority: PushPriority, groups: [AssistanceGroup] = [], candidates: [AllocationCandidate], limit: Int? = nil) {
        self.id = id
        self.priority = priority
        self.groups = groups
        self.candidates = candidates
        self.limit = limit
    }

    public init(id: String, groups: [AssistanceGroup], candidates: [AllocationCandidate], limit: Int? = nil) {
        self.init(id: id, priority: PushPriority(groups: groups), groups: groups, candidates: candidates, limit: limit)
    }

    /// The best candidate score, −∞ without candidates.
    public var bestScore: Float { candidates.first?.score ?? -.infinity }
}
