import Foundation
import JobMatchCore
import JobMatchStore

/// Plans many people and measures: the time per plan, the share of people per track (main track and any track),
/// and, per person, the plan's time against the time of that person's list (`recommend`, k = 10, what
/// `GET /v1/applicants/{id}/recommendations` returns) on the same index, in the same run.
public struct PlanSurvey: Sendable {
    public var people: Int
    public var seconds: Double
    public var perPlanMilliseconds: [Double]
    /// The list's time, per person of the paired sample.
    public var perListMilliseconds: [Double]
    /// Share of people whose main (first) track is each track, and who have it at all.
    public var mainShare: [AssistanceTrack: Double]
    public var anyShare: [AssistanceTrack: Double]
    /// Plan time / list time, per person of the paired sample.
    public var ratios: [Double]

    /// `paired`: how many of the people (the first ones planned) also get their list timed; the list and the plan
    /// take turns going first, so neither always finds the other's rows in the cache. One person is planned and
    /// listed untimed first (lazy set-up).
    public static func run(planner: AssistancePlanner, people: [Applicant], asOf: Timestamp, paired: Int = 200) throws -> PlanSurvey {
        var main: [AssistanceTrack: Int] = [:], any: [AssistanceTrack: Int] = [:]
        var times: [Double] = [], lists: [Double] = [], ratios: [Double] = []
        let clock = ContinuousClock()
        let matcher = planner.builder.matcher
        if let first = people.first {
            _ = planner.builder.plan(try planner.inputs(first, asOf: asOf))
            _ = matcher.recommend(applicant: first, k: 10, asOf: asOf)
        }
        let started = clock.now
        for (n, person) in people.enumerated() {
            let inputs = try planner.inputs(person, asOf: asOf)
            func list() -> Double {
                let t = clock.now
                _ = matcher.recommend(applicant: person, k: 10, asOf: asOf)
                return Self.seconds(clock.now - t)
            }
            let listFirst = n < paired && n % 2 == 0
            let before = listFirst ? list() : 0
            let t0 = clock.now
            let plan = planner.builder.plan(inputs)
            let planTime = Self.seconds(clock.now - t0)
            times.append(planTime * 1000)
            if let first = plan.mainTrack { main[first, default: 0] += 1 }
            for t in plan.tracks { any[t.track, default: 0] += 1 }
            if n < paired {
                let listTime = listFirst ? before : list()
                lists.append(listTime * 1000)
                ratios.append(planTime / max(1e-9, listTime))
            }
        }
        let total = Double(max(1, people.count))
        return PlanSurvey(people: people.count, seconds: Self.seconds(clock.now - started), perPlanMilliseconds: times,
                          perListMilliseconds: lists, mainShare: main.mapValues { Double($0) / total },
                          anyShare: any.mapValues { Double($0) / total }, ratios: ratios)
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

    static func quantile(_ xs: [Double], _ q: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        return s[min(s.count - 1, Int((Double(s.count - 1) * q).rounded()))]
    }

    /// For people: totals, quantiles and shares.
    public var summary: String {
        func q(_ xs: [Double]) -> String {
            String(format: "p50 %.2f, p90 %.2f, p99 %.2f, max %.2f", Self.quantile(xs, 0.5), Self.quantile(xs, 0.9), Self.quantile(xs, 0.99), xs.max() ?? 0)
        }
        let paired = Array(perPlanMilliseconds.prefix(ratios.count))
        var lines = [String(format: "plans: %d people in %.1f s (with loading and the paired lists); plan only: mean %.2f ms, ",
                            people, seconds, perPlanMilliseconds.reduce(0, +) / Double(max(1, people))) + q(perPlanMilliseconds) + " ms"]
        lines.append("paired sample, \(ratios.count) people: list (recommend k=10) " + q(perListMilliseconds) + " ms; plan " + q(paired) + " ms")
        lines.append("plan time / list time per person: " + q(ratios))
        lines.append("track          main   any")
        for track in AssistanceTrack.allCases {
            lines.append(track.rawValue.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(format: "%5.1f%%  %5.1f%%", (mainShare[track] ?? 0) * 100, (anyShare[track] ?? 0) * 100))
        }
        return lines.joined(separator: "\n")
    }
}
