import Foundation

/// What people and employers did before a cutoff time: the evidence the history blocks and the
/// collaborative factors read. Built only from interactions strictly before ``cutoff``; anything at or after
/// it is ignored, so events after the as-of time change no score at it.
public struct InteractionHistory: Sendable {
    public let cutoff: Timestamp
    /// Per applicant id, the postings they acted on with the weight of what they did (``behaviourWeight(_:)``), by job id.
    public let behaviour: [String: [(job: String, weight: Float)]]
    /// The postings named in the history, by id.
    public let jobs: [String: Job]
    /// Counts per posting id and per employer id.
    public let postings: [String: Counts]
    public let employers: [String: Counts]
    /// The market's rates before the cutoff (the priors of the smoothed rates).
    public let market: Counts

    /// Views, applications, interviews and hires.
    public struct Counts: Sendable, Hashable {
        public var views: Float = 0
        public var applications: Float = 0
        public var interviews: Float = 0
        public var hires: Float = 0

        mutating func add(_ event: InteractionEvent) {
            switch event {
            case .viewed: views += 1
            case .applied: applications += 1
            case .interviewed: interviews += 1
            case .hired: hires += 1
            default: break
            }
        }

        static func + (x: Counts, y: Counts) -> Counts {
            Counts(views: x.views + y.views, applications: x.applications + y.applications, interviews: x.interviews + y.interviews,
                   hires: x.hires + y.hires)
        }
    }

    /// An empty history (every history block is zero).
    public static func empty(at cutoff: Timestamp) -> InteractionHistory {
        InteractionHistory(interactions: [], jobs: [], before: cutoff)
    }

    public init(interactions: [Interaction], jobs: [Job], before cutoff: Timestamp) {
        self.cutoff = cutoff
        let byID = Dictionary(jobs.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        var stages: [String: [String: (stage: Float, refused: Bool, declined: Bool)]] = [:]
        var postings: [String: Counts] = [:]
        var named: [String: Job] = [:]
        var market = Counts()
        for i in interactions where i.at < cutoff {
            guard let job = byID[i.job] else { continue }
            named[job.id] = job
            postings[job.id, default: Counts()].add(i.event)
            market.add(i.event)
            guard i.event != .recommended else { continue }
            var state = stages[i.applicant]?[i.job] ?? (stage: 0, refused: false, declined: false)
            state.stage = max(state.stage, Self.behaviourWeight(i.event))
            if i.event == .rejected { state.refused = true }
            if i.event == .declined { state.declined = true }
            stages[i.applicant, default: [:]][i.job] = state
        }
        behaviour = stages.mapValues { own in
            own.map { job, state -> (job: String, weight: Float) in
                (job: job, weight: state.declined ? -1 : (state.refused ? 0.7 * state.stage : state.stage))
            }
                .sorted { $0.job < $1.job }
        }
        var employers: [String: Counts] = [:]
        for (id, counts) in postings { employers[named[id]!.employer.id, default: Counts()] = (employers[named[id]!.employer.id] ?? Counts()) + counts }
        self.jobs = named
        self.postings = postings
        self.employers = employers
        self.market = market
    }

    /// How much an event says the person wanted the posting: viewed 0.3, applied 1, interviewed 1.5,
    /// hired 2, retained 2.5, separated 0.5 (a pair takes its strongest; a rejection keeps 0.7 of it, a decline makes it −1).
    public static func behaviourWeight(_ event: InteractionEvent) -> Float {
        switch event {
        case .viewed: 0.3
        case .applied, .rejected, .declined: 1
        case .interviewed: 1.5
        case .hired: 2
        case .retained3m: 2.5
        case .separated: 0.5
        case .recommended: 0
        }
    }

    /// The job-side evidence values, in ``FeatureBlock/evidence`` order, centred so that a posting with no
    /// history gets (about) zero: smoothed rates less the market's, log views, freshness at the cutoff.
    public func evidence(for job: Job) -> [Float] {
        let own = postings[job.id] ?? Counts()
        let employer = employers[job.employer.id] ?? Counts()
        let applyRate = (market.applications + 1) / (market.views + 4)
        let interviewRate = (market.interviews + 1) / (market.applications + 4)
        let hireRate = (market.hires + 1) / (market.interviews + 4)
        func smoothed(_ hits: Float, _ trials: Float, _ prior: Float, _ strength: Float = 4) -> Float {
            (hits + strength * prior) / (trials + strength) - prior
        }
        let age = Float(max(0, (cutoff.secondsSince1970 - job.postedAt.secondsSince1970) / 86_400))
        return [
            smoothed(own.applications, own.views, applyRate),
            smoothed(own.interviews, own.applications, interviewRate),
            log1p(own.views) / 3,
            smoothed(employer.applications, employer.views, applyRate),
            smoothed(employer.interviews, employer.applications, interviewRate),
            smoothed(employer.hires, employer.interviews, hireRate),
            exp2(-age / 30),
        ]
    }
}
