import Foundation
import Testing
@testable import JobMatchCore

/// The gap counts and the outreach counterfactual on a market that keeps its public-welfare posts, against a brute
/// force that ranks them as docs/matching.md says: below every market job, unless the market is weak (fewer than
/// `min(k, minimumMarketOptions)` allowed market jobs, or the best below `weakMarketScore`) or the person wishes for
/// public-welfare work; then every allowed posting by score. Everything else as in ``InsightBruteForceTests``.
@Suite("Insight with the public-welfare fallback against brute force")
struct InsightFallbackTests {
    static func market(seed: UInt64, applicants: Int, jobs: Int) -> (TestMarket, [Applicant], [Job]) {
        var m = TestMarket(seed: seed)
        var (people, postings) = m.market(applicants: applicants, jobs: jobs)
        let districts = ["500103", "500106", "500107"]
        for i in people.indices {
            people[i].district = districts[i % 3]
            if people[i].location != nil { people[i].location = m.point(near: people[i].district) }
            if i % 4 == 0 { people[i].groups.append(.olderWorker) }
            if i % 7 == 0 { people[i].preferences.jobTypes = [.publicWelfare] }
        }
        for j in postings.indices {
            postings[j].district = districts[j % 3]
            if postings[j].location != nil { postings[j].location = m.point(near: postings[j].district) }
            postings[j].openings = 1 + j % 3
            // Every fourth posting a public-welfare post, a third of them from levy payers.
            if j % 4 == 1 {
                postings[j].jobType = .publicWelfare
                if j % 3 == 0 { postings[j].employer.disabilityLevyPayer = true }
            }
        }
        return (m, people, postings)
    }

    /// The brute force with the fallback: every allowed posting's naive score, ranked as above, cut at k.
    struct Brute {
        let base: InsightBruteForceTests.Brute
        let settings: MatcherConfiguration

        func top(_ person: Applicant, replacing: Job? = nil) -> [String] {
            let v = base.extractor.applicantVector(person, at: base.asOf)
            var market: [(id: String, s: Double)] = [], welfare: [(id: String, s: Double)] = []
            for original in base.jobs {
                let j: Job = replacing?.id == original.id ? replacing! : original
                guard HardRules.allows(applicant: person, job: j, at: base.asOf) else { continue }
                let s = base.score(v, j == original ? base.vectors[j.id]! : base.extractor.jobVector(j))
                if j.jobType == .publicWelfare { welfare.append((j.id, s)) } else { market.append((j.id, s)) }
            }
            func order(_ a: (id: String, s: Double), _ b: (id: String, s: Double)) -> Bool { a.s > b.s || (a.s == b.s && a.id < b.id) }
            market.sort(by: order)
            welfare.sort(by: order)
            let weak = market.count < min(base.k, settings.minimumMarketOptions) || (market.first?.s ?? -.infinity) < Double(settings.weakMarketScore)
            let wishes = person.preferences.jobTypes.contains(.publicWelfare)
            let ranked = weak || wishes ? (market + welfare).sorted(by: order) : market + welfare
            return ranked.prefix(base.k).map(\.id)
        }
    }

    @Test("gap counts equal a brute-force count with the fallback", arguments: [(UInt64(31), 3), (UInt64(32), 10)])
    func gapsWithFallback(seed: UInt64, k: Int) {
        let (m, people, jobs) = Self.market(seed: seed, applicants: 160, jobs: 120)
        let open = jobs.filter { $0.isOpen(at: m.asOf) }
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: people, jobs: jobs), jobs: open))
        let result = InsightAnalyzer(matcher: matcher, configuration: InsightConfiguration(k: k, chunkSize: 41))
            .analyze(seekers: people, asOf: m.asOf)
        let brute = Brute(base: .init(extractor: matcher.extractor, jobs: open, asOf: m.asOf, k: k), settings: matcher.configuration)
        let byID = Dictionary(uniqueKeysWithValues: open.map { ($0.id, $0) })
        var expected: [String: (seekers: Int, with: Int, postings: Set<String>)] = [:]
        var welfareListed = 0
        for person in people {
            let top = brute.top(person).map { byID[$0]! }
            welfareListed += top.filter { $0.jobType == .publicWelfare }.count
            for (key, fits) in InsightBruteForceTests.keys(person) {
                let fitting = top.filter(fits).map(\.id)
                for district in [person.district, "all"] {
                    var cell = expected[district + "|" + key] ?? (0, 0, [])
                    cell.seekers += 1
                    cell.with += fitting.isEmpty ? 0 : 1
                    cell.postings.formUnion(fitting)
                    expected[district + "|" + key] = cell
                }
            }
        }
        #expect(welfareListed > 0, "no public-welfare post in any top list: the market does not exercise the fallback")
        #expect(result.gaps.count == expected.count)
        for gap in result.gaps {
            guard let cell = expected[gap.district + "|" + gap.group] else { Issue.record("unexpected row \(gap)"); continue }
            #expect(gap.seekers == cell.seekers, "\(gap.district) \(gap.group)")
            #expect(gap.withFitting == cell.with, "\(gap.district) \(gap.group)")
            #expect(gap.postings == cell.postings.count, "\(gap.district) \(gap.group)")
        }
    }

    @Test("outreach gains equal brute-force rescoring with the fallback, in blocks", arguments: [(UInt64(33), 3), (UInt64(34), 10)])
    func outreachWithFallback(seed: UInt64, k: Int) {
        let (m, people, jobs) = Self.market(seed: seed, applicants: 220, jobs: 160)
        let open = jobs.filter { $0.isOpen(at: m.asOf) }
        var settings = MatcherConfiguration()
        settings.blockThreads = 2
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: people, jobs: jobs), jobs: open), configuration: settings)
        let result = InsightAnalyzer(matcher: matcher, configuration: InsightConfiguration(k: k, chunkSize: 50, outreachBlock: 4))
            .analyze(seekers: people, asOf: m.asOf, outreach: { $0.employer.disabilityLevyPayer == true })
        let brute = Brute(base: .init(extractor: matcher.extractor, jobs: open, asOf: m.asOf, k: k), settings: matcher.configuration)
        let disabled = people.filter { $0.disability != nil || $0.groups.contains(.disabled) }
        let levy = open.filter { $0.employer.disabilityLevyPayer == true }
        #expect(levy.count > 8, "one block only: the market does not exercise the blocks")
        var checked = 0, welfareChecked = 0
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
                let changed = InsightOutreachTests.apply(outcome.change.code, to: job)
                let suits = near.filter { brute.top($0, replacing: changed).contains(job.id) }.count
                #expect(outcome.suits == suits, "\(job.id) \(outcome.change.code)")
                checked += 1
                if job.jobType == .publicWelfare { welfareChecked += 1 }
            }
        }
        #expect(checked > 40)
        #expect(welfareChecked > 5, "no public-welfare levy posting: the market does not exercise the fallback")
    }
}
