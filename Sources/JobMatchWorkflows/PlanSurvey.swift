import Foundation
import JobMatchCore
import JobMatchStore

/// Plans many people and measures: the time per plan, the share of people per track (main track and any track),
/// and, per person, the plan's time against the time of that person's list (`recommend`, k = 10) on the same index.
public struct PlanSurvey: Sendable {
    public var people: Int
    public var seconds: Double
    public var perPlanMilliseconds: [Double]
    /// Share of people whose main (first) track is each track, and who have it at all.
    public var mainShare: [AssistanceTrack: Double]
    public var anyShare: [AssistanceTrack: Double]
    /// Plan time / list time, per person of the paired sample.
    public var ratios: [Double]

    /// People whose plan is timed against their list (the first ones planned).
    public static let pairedSample = 200

    public static func run(planner: AssistancePlanner, people: [Applicant], asOf: Timestamp) throws -> PlanSurvey {
        var main: [AssistanceTrack: Int] = [:], any: [AssistanceTrack: Int] = [:]
        var times: [Double] = [], ratios: [Double] = []
        let clock = ContinuousClock()
        let started = clock.now
        for (n, person) in people.enumerated() {
            let inputs = try planner.inputs(person, asOf: asOf)
            let t0 = clock.now
            let plan = planner.builder.plan(inputs)
            let planTime = Self.seconds(clock.now - t0)
            times.append(planTime * 1000)
            if let first = plan.mainTrack { main[first, default: 0] += 1 }
            for t in plan.tracks { any[t.track, default: 0] += 1 }
            if n < pairedSample {
                let t1 = clock.now
                _ = planner.builder.matcher.recommend(applicant: person, k: 10, asOf: asOf)
                ratios.append(planTime / max(1e-9, Self.seconds(clock.now - t1)))
            }
        }
        let total = Double(max(1, people.count))
        return PlanSurvey(people: people.count, seconds: Self.seconds(clock.now - started), perPlanMilliseconds: times,
                          mainShare: main.mapValues { Double($0) / total }, anyShare: any.mapValues { Double($0) / total }, ratios: ratios)
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

    static func quantile(_ xs: [Double], _ q: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        return s[min(s.count - 1, Int((Double(s.count - 1) * q).rounded()))]
    }

    /// For people: totals, quantiles and shares.
    public var summary: String {
        var lines = [String(format: "plans: %d people in %.1f s (with loading); plan only: mean %.1f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                            people, seconds, perPlanMilliseconds.reduce(0, +) / Double(max(1, people)), Self.quantile(perPlanMilliseconds, 0.5),
                            Self.quantile(perPlanMilliseconds, 0.95), perPlanMilliseconds.max() ?? 0)]
        lines.append(String(format: "plan time / list time (k=10, same index), %d people: p50 %.2f, p95 %.2f, max %.2f",
                            ratios.count, Self.quantile(ratios, 0.5), Self.quantile(ratios, 0.95), ratios.max() ?? 0))
        lines.append("track          main   any")
        for track in AssistanceTrack.allCases {
            lines.append(track.rawValue.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(format: "%5.1f%%  %5.1f%%", (mainShare[track] ?? 0) * 100, (anyShare[track] ?? 0) * 100))
        }
        return lines.joined(separator: "\n")
    }
}
