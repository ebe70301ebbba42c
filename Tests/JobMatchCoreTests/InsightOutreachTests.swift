import Foundation
import Testing
@testable import JobMatchCore

/// The outreach counterfactual against brute-force rescoring: for each levy payer's posting and each change, the
/// change applied by hand (from its code), every disabled seeker nearby rescored over every posting with the
/// changed one in its place, under `HardRules`, top k.
@Suite("Outreach against brute-force rescoring")
struct InsightOutreachTests {
    /// The change written by hand from its code (docs/insight.md): `add:<accommodation>`, `lower:<demand>`, `drop_age_limit`.
    static func apply(_ code: String, to job: Job) -> Job {
        var j = job
        if code == "drop_age_limit" { j.age = nil }
        if code.hasPrefix("add:") { j.accommodations.append(Accommodation(rawValue: String(code.dropFirst(4)))!) }
        if code.hasPrefix("lower:") {
            let kind = Demands.Kind(rawValue: String(code.dropFirst(6)))!
            var d = j.demands ?? Demands()
            let lowered: [DemandLevel: DemandLevel] = [.high: .medium, .medium: .low, .low: .none, .none: .none]
            d[kind] = lowered[d[kind]]!
            j.demands = d
        }
        return j
    }

    @Test("suits now and with each change equal brute-force rescoring", arguments: [(UInt64(21), 3), (UInt64(22), 10)])
    func outreachMatchesBruteForce(seed: UInt64, k: Int) {
        let (m, people, jobs) = InsightBruteForceTests.market(seed: seed, applicants: 200, jobs: 120)
        let open = jobs.filter { $0.isOpen(at: m.asOf) }
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: people, jobs: jobs), jobs: open))
        let result = InsightAnalyzer(matcher: matcher, configuration: InsightConfiguration(k: k, chunkSize: 50))
            .analyze(seekers: people, asOf: m.asOf, outreach: { $0.employer.disabilityLevyPayer == true })
        let brute = InsightBruteForceTests.Brute(extractor: matcher.extractor, jobs: open, asOf: m.asOf, k: k)
        let disabled = people.filter { $0.disability != nil || $0.groups.contains(.disabled) }
        let levy = open.filter { $0.employer.disabilityLevyPayer == true }
        var checked = 0, gained = 0
        for job in levy {
            let near = disabled.filter { InsightBruteForceTests.nearby($0, job, km: 10) }
            guard let row = result.outreach.first(where: { $0.job == job.id }) else {
                #expect(near.isEmpty, "\(job.id) missing from the list")
                continue
            }
            #expect(row.nearby == near.count, "\(job.id)")
            let now = near.filter { brute.top($0).contains(job.id) }.count
            #expect(row.suitsNow == now, "\(job.id)")
            for outcome in row.outcomes {
                let changed = Self.apply(outcome.change.code, to: job)
                let suits = near.filter { brute.top($0, replacing: changed).contains(job.id) }.count
                #expect(outcome.suits == suits, "\(job.id) \(outcome.change.code)")
                #expect(outcome.gain == suits - now)
                checked += 1
                if suits > now { gained += 1 }
            }
        }
        #expect(result.outreach.map(\.gain) == result.outreach.map(\.gain).sorted(by: >))
        #expect(checked > 20)
        #expect(gained > 0, "no change gained anyone: the market does not exercise the counterfactual")
    }

    @Test("a single posting's counterfactual for older workers equals brute-force rescoring")
    func anyPostingForOlderWorkers() throws {
        let (m, people, jobs) = InsightBruteForceTests.market(seed: 23, applicants: 200, jobs: 100)
        let open = jobs.filter { $0.isOpen(at: m.asOf) }
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: people, jobs: jobs), jobs: open))
        let analyzer = InsightAnalyzer(matcher: matcher, configuration: InsightConfiguration(k: 5))
        let brute = InsightBruteForceTests.Brute(extractor: matcher.extractor, jobs: open, asOf: m.asOf, k: 5)
        let older = people.filter { $0.groups.contains(.olderWorker) }
        var limited = 0
        for job in open where job.age?.max != nil {
            let found = try #require(analyzer.counterfactual(posting: job.id, group: .olderWorker, seekers: people, asOf: m.asOf))
            let near = older.filter { InsightBruteForceTests.nearby($0, job, km: 10) }
            #expect(found.nearby == near.count)
            #expect(found.suitsNow == near.filter { brute.top($0).contains(job.id) }.count)
            let drop = try #require(found.outcomes.first { $0.change.code == "drop_age_limit" })
            #expect(drop.suits == near.filter { brute.top($0, replacing: Self.apply("drop_age_limit", to: job)).contains(job.id) }.count)
            limited += 1
        }
        #expect(limited > 3)
        #expect(analyzer.counterfactual(posting: "no-such-posting", group: .olderWorker, seekers: people, asOf: m.asOf) == nil)
    }
}
