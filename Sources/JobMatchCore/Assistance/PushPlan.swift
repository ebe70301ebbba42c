/// What the plan changes in a person's nightly push: people whose main track is training or guidance get fewer
/// pushes (``PlanRules/reducedPushes``), each explained by the plan; everyone else is pushed as before.
///
/// The batch decides the track from what it has already scored (the person's candidates: allowed postings, best
/// first, up to the batch's depth), not from a full plan: the market reach is counted among the candidates, and
/// households and stuck searches are not read. A certified member of a zero-employment household is always on
/// the immediate-help track here (pushed in full, and first: ``PushPriority``).
public struct PushPlan: Sendable, Hashable {
    /// The main track as the batch sees it (nil for a person not seeking work).
    public var track: AssistanceTrack?
    /// At most this many pushes (nil: the batch's k).
    public var limit: Int?
    /// Put first among the reasons of each push (nil: none).
    public var reason: Reason?

    /// The push plan of `person` from their candidates; `isPublicWelfare(posting)` tells the posts apart.
    public static func decide(_ person: Applicant, candidates: [AllocationCandidate], isPublicWelfare: (Int32) -> Bool,
                              configuration: MatcherConfiguration = MatcherConfiguration(), rules: PlanRules = PlanRules(), k: Int) -> PushPlan {
        let market = candidates.filter { !isPublicWelfare($0.posting) }
        let fitting = market.filter { $0.score >= rules.fittingScore }
        let reach = MarketReach(allowedPostings: market.count, fittingPostings: fitting.count, fittingOpenings: fitting.count,
                                bestScore: market.first?.score,
                                isWeak: MarketReach.isWeak(allowedMarket: market.count, bestScore: market.first?.score, configuration: configuration, k: k))
        let household = HouseholdState(person: person, members: [])
        let main = TrackRules.decide(person, household: household, reach: reach, stuckSince: nil, rules: rules,
                                     weakMarketScore: configuration.weakMarketScore).first?.track
        let limit = min(k, rules.reducedPushes)
        switch main {
        case .training:
            return PushPlan(track: main, limit: limit, reason: Reason(
                code: "plan_training", text: "帮扶计划以技能培训为主：本期精选 \(limit) 个岗位，可向就业服务专员咨询能新增岗位的培训课程"))
        case .guidance:
            return PushPlan(track: main, limit: limit, reason: Reason(
                code: "plan_guidance", text: "帮扶计划以职业指导为主：本期精选 \(limit) 个岗位，可预约职业指导明确方向"))
        default:
            return PushPlan(track: main, limit: nil, reason: nil)
        }
    }
}
