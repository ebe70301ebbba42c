import Foundation
import Testing
@testable import JobMatchCore

@Suite struct MatcherTests {
    static let market: (applicants: [Applicant], jobs: [Job], asOf: Timestamp) = {
        var m = TestMarket(seed: 42)
        let (a, j) = m.market(applicants: 250, jobs: 1500)
        return (a, j, m.asOf)
    }()
    static let model = MatchModel.build(from: market.applicants, jobs: market.jobs)
    static let matcher = Matcher(index: JobIndex(model: model, jobs: market.jobs))

    @Test func noRecommendationBreaksAHardRule() {
        let (applicants, jobs, asOf) = Self.market
        let byID = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, $0) })
        let lists = Self.matcher.recommend(applicants: applicants, k: 20, asOf: asOf)
        var total = 0
        for (a, list) in zip(applicants, lists) {
            #expect(list.applicant == a.id)
            for r in list.recommendations {
                #expect(HardRules.violations(applicant: a, job: byID[r.job]!, at: asOf).isEmpty, "\(a.id) → \(r.job)")
                total += 1
            }
        }
        #expect(total > 1000)
    }

    @Test func listsAreCompleteAgainstBruteForce() {
        // Every allowed job scoring above the k-th is in the list: the masked top-k misses nothing.
        let (applicants, jobs, asOf) = Self.market
        let extractor = Self.matcher.extractor
        let jobVectors = jobs.map(extractor.jobVector)
        for a in applicants.prefix(40) {
            let v = extractor.applicantVector(a, at: asOf)
            let allowed = jobs.indices.filter { HardRules.allows(applicant: a, job: jobs[$0], at: asOf) && jobs[$0].jobType != .publicWelfare }
            var scored: [(id: String, score: Float)] = []
            for i in allowed {
                var sum: Float = 0
                for d in 0..<v.count { sum += v[d] * jobVectors[i][d] }
                scored.append((jobs[i].id, sum))
            }
            scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id) }
            let got = Self.matcher.collect(applicants: [a], capacity: 10, asOf: asOf, filter: .all)[0].market
            #expect(got.count == min(10, scored.count))
            for (position, entry) in got.enumerated() { #expect(abs(entry.score - scored[position].score) < 1e-4) }
        }
    }

    @Test func rankedListsEqualBruteForceWithTheFallback() {
        // The whole list, public-welfare posts included, equals ranking every allowed job by brute force
        // under the same fallback policy (the scan drops welfare posts below a full market list's worst).
        let (applicants, jobs, asOf) = Self.market
        let matcher = Self.matcher
        for m in [3, 12] {
            let got = matcher.topCandidates(applicants: applicants, m: m, asOf: asOf)
            for (a, list) in zip(applicants, got) {
                let v = matcher.extractor.applicantVector(a, at: asOf)
                var market: [(row: Int, score: Float)] = [], welfare: [(row: Int, score: Float)] = []
                for row in 0..<matcher.index.count where HardRules.allows(applicant: a, job: matcher.index.jobs[row], at: asOf) {
                    var sum: Float = 0
                    for k in 0..<v.count { sum += v[k] * matcher.index.vectors[row * v.count + k] }
                    if matcher.index.jobs[row].jobType == .publicWelfare { welfare.append((row, sum)) } else { market.append((row, sum)) }
                }
                let order: ((row: Int, score: Float), (row: Int, score: Float)) -> Bool = {
                    $0.score > $1.score || ($0.score == $1.score && matcher.index.ids[$0.row] < matcher.index.ids[$1.row])
                }
                let expected = matcher.rank(market: Array(market.sorted(by: order).prefix(m)), publicWelfare: Array(welfare.sorted(by: order).prefix(m)),
                                            k: m, wishesPublicWelfare: a.preferences.jobTypes.contains(.publicWelfare))
                #expect(list.count == expected.count)
                #expect(list.map(\.job) == expected.map(\.job) || zip(list, expected).allSatisfy { abs($0.score - $1.score) < 1e-5 }, "\(a.id), m = \(m)")
                #expect(list.map(\.isFallback) == expected.map(\.isFallback) || list.map(\.job) != expected.map(\.job), "\(a.id)")
            }
        }
    }

    @Test func sameInputsGiveSameBytes() throws {
        let (applicants, _, asOf) = Self.market
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(Self.matcher.recommend(applicants: Array(applicants.prefix(30)), k: 10, asOf: asOf))
        let rebuilt = Matcher(index: JobIndex(model: MatchModel.build(from: Self.market.applicants, jobs: Self.market.jobs), jobs: Self.market.jobs))
        let second = try encoder.encode(rebuilt.recommend(applicants: Array(applicants.prefix(30)), k: 10, asOf: asOf))
        #expect(first == second)
    }

    @Test func publicWelfareIsTheFallback() {
        let (applicants, jobs, asOf) = Self.market
        let byID = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, $0) })
        let config = Self.matcher.configuration
        var buried = 0, raised = 0
        for (a, list) in zip(applicants, Self.matcher.topCandidates(applicants: applicants, m: 10, asOf: asOf)) {
            let isWelfare = list.map { byID[$0.job]!.jobType == .publicWelfare }
            let wishes = a.preferences.jobTypes.contains(.publicWelfare)
            for (entry, welfare) in zip(list, isWelfare) { #expect(entry.isFallback == (welfare && !wishes)) }
            let market = list.filter { byID[$0.job]!.jobType != .publicWelfare }
            let strong = market.count >= min(10, config.minimumMarketOptions) && (market.first?.score ?? 0) >= config.weakMarketScore
            if strong, !wishes {
                // Below every market job.
                if let first = isWelfare.firstIndex(of: true) {
                    #expect(isWelfare[first...].allSatisfy { $0 }, "\(a.id)")
                    buried += 1
                }
            } else if isWelfare.contains(true) {
                // Weak options or an explicit wish: ranked by score with the market jobs.
                #expect(zip(list, list.dropFirst()).allSatisfy { $0.score >= $1.score }, "\(a.id)")
                raised += 1
            }
        }
        #expect(buried + raised > 0)
    }

    @Test func filterRestrictsJobTypesAndTags() {
        let (applicants, jobs, asOf) = Self.market
        let byID = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, $0) })
        let filter = JobFilter(jobTypes: [.partTime, .gig], tags: [.flexible])
        let lists = Self.matcher.recommend(applicants: Array(applicants.prefix(50)), k: 10, asOf: asOf, filter: filter)
        var seen = 0
        for list in lists {
            for r in list.recommendations {
                let job = byID[r.job]!
                #expect([JobType.partTime, .gig].contains(job.jobType) && job.has(.flexible))
                seen += 1
            }
        }
        #expect(seen > 0)
    }

    @Test func reverseMatchingObeysRulesAndOrder() {
        let (applicants, jobs, asOf) = Self.market
        var checked = 0
        for job in jobs.prefix(60) {
            let candidates = Self.matcher.candidates(for: job, among: applicants, k: 15, asOf: asOf)
            if !job.isOpen(at: asOf) { #expect(candidates.isEmpty) }
            let byID = Dictionary(uniqueKeysWithValues: applicants.map { ($0.id, $0) })
            for c in candidates { #expect(HardRules.allows(applicant: byID[c.applicant]!, job: job, at: asOf)) }
            #expect(zip(candidates, candidates.dropFirst()).allSatisfy { $0.score >= $1.score })
            checked += candidates.count
        }
        #expect(checked > 0)
    }

    @Test func jsonShape() throws {
        let list = RecommendationList(applicant: "A1", recommendations: [
            Recommendation(job: "J1", rank: 1, score: 0.93, reasons: [Reason(code: "distance", text: "距离约 3.2 公里", value: 3.2)]),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(list), as: UTF8.self)
        #expect(text == #"{"applicant":"A1","recommendations":[{"job":"J1","rank":1,"reasons":[{"code":"distance","text":"距离约 3.2 公里","value":3.2}],"score":0.93}]}"#)
    }

    @Test func indexPatchingEqualsRebuilding() {
        let (_, jobs, _) = Self.market
        var patched = JobIndex(model: Self.model, jobs: Array(jobs.prefix(100)))
        var changed = jobs[5]
        changed.title = "超市收银员"
        patched.upsert(changed)
        patched.remove(id: jobs[7].id)
        patched.upsert(jobs[200])
        var expectedJobs = Array(jobs.prefix(100))
        expectedJobs[5] = changed
        expectedJobs.remove(at: 7)
        expectedJobs.append(jobs[200])
        let rebuilt = JobIndex(model: Self.model, jobs: expectedJobs)
        #expect(patched.count == rebuilt.count)
        for job in expectedJobs {
            let p = patched.row(of: job.id)!, r = rebuilt.row(of: job.id)!
            let d = patched.dimension
            #expect(Array(patched.vectors[p * d..<(p + 1) * d]) == Array(rebuilt.vectors[r * d..<(r + 1) * d]))
            #expect(patched.jobs[p] == job)
            #expect(patched.ids[p] == job.id)
        }
        #expect(patched.row(of: jobs[7].id) == nil)
    }
}

extension MatcherTests {
    @Test func orderedJSONText() {
        let list = RecommendationList(applicant: "A1", recommendations: [
            Recommendation(job: "J1", rank: 1, score: 0.93, reasons: [Reason(code: "distance", text: "距离约 3.2 公里", value: 3.2),
                                                                   Reason(code: "doorstep", text: "家门口就业")]),
        ])
        #expect(list.jsonText == #"{"applicant":"A1","recommendations":[{"job":"J1","rank":1,"score":0.93,"reasons":[{"code":"distance","text":"距离约 3.2 公里","value":3.2},{"code":"doorstep","text":"家门口就业"}]}]}"#)
    }
}
