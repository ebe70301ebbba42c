/// The thresholds of the plan's track rules and of the unlock computation, each with its reason
/// (docs/assistance.md has the same table). One definition, used by the planner, the batch and the tests.
public struct PlanRules: Sendable, Hashable {
    /// A posting "fits" a person when it is allowed by every hard rule and scores at least this. 0.40 is
    /// above the matcher's weak-market score (0.30, "the market does not reach") by a third: a posting a
    /// caseworker would put in front of the person, not merely the best of a poor lot.
    public var fittingScore: Float = 0.40
    /// Referral needs at least this many fitting market postings: with fewer, a referral round would run out
    /// after one or two calls and the person is better served by training first.
    public var enoughFittingPostings: Int = 5
    /// Little education (文化程度低): this rank or below (`primary`: 小学及以下). Junior high is the
    /// compulsory level most market postings ask at most.
    public var littleEducationRank: Int = Education.primary.rank
    /// The person's top list (the list a referral or a push shows): a posting entering it counts as unlocked.
    public var topListSize: Int = 10
    /// Postings shown per track (referral list, immediate help, public-welfare posts, stalls).
    public var postingsShown: Int = 5
    /// Courses shown on the training track, best gain first.
    public var coursesShown: Int = 5
    /// Occupations shown on the guidance track.
    public var occupationsShown: Int = 3
    /// How deep the market reach looks (fitting postings counted beyond this are not needed by any rule).
    public var reachDepth: Int = 200
    /// Employers within this distance of home are invited to the person's targeted small job fair.
    public var jobFairRadiusKm: Double = 15
    /// An in-person course is within reach when it is no farther from home than the person's own commute limit,
    /// or than this when they state none (about an hour by bus across a central district and its neighbour):
    /// a course the person cannot attend unlocks nothing. Online courses are always within reach.
    public var courseReachKm: Double = 50

    /// How far an in-person course may be for `person`: their commute limit, else ``courseReachKm``.
    public func courseReach(for person: Applicant) -> Double { person.preferences.maxCommuteKm ?? courseReachKm }

    /// Pushes per night for a person whose first track is training or guidance (instead of the batch's k):
    /// fewer, each explained by the plan, so the course or the guidance talk comes first.
    public var reducedPushes: Int = 3

    public init() {}
}
