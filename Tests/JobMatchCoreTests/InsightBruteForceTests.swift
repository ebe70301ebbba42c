import Foundation
import Testing
@testable import JobMatchCore

/// The supply gaps and the outreach counterfactual against a brute force written here from docs/insight.md: per
/// person, per posting, `HardRules` and a naive full score (the dot product of the extracted vectors, in Double),
/// sorted, top k. The market has no public-welfare posts, so the fallback ranking does not enter.
@Suite("Insight against brute force")
struct InsightBruteForceTests {
    /// A small market in three neighbouring central districts, so that "nearby" holds for many pairs.
    static func market(seed: UInt64, applicants: Int, jobs: Int) -> (TestMarket, [Applicant], [Job]) {
        var m = TestMarket(seed: seed)
        var (people, postings) = m.market(applicants: applicants, jobs: jobs)
        let districts = ["500103", "500106", "500107"]
        for i in people.indices {
            people[i].district = districts[i % 3]
            if people[i].location != nil { people[i].location = m.point(near: people[i].district) }
            if i % 4 == 0 { people[i].groups.append(.olderWorker) }
            if i % 5 == 0 { people[i].groups.append(.stayAtHomeParent) }
            if i % 6 == 0 { people[i].groups.append(.zeroEmploymentHousehold) }
        }
        postings = postings.filter { $0.jobType != .publicWelfare }
        for j in postings.indices {
            postings[j].district = districts[j % 3]
            if postings[j].location != nil { postings[j].location = m.point(near: postings[j].district) }
            postings[j].openings = 1 + j % 3
        }
        return (m, people, postings)
    }

    /// The brute force: every allowed posting's naive score, best first (ties by id), cut at k.
    struct Brute {
        let extractor: FeatureExtractor
        let jobs: [Job]
        let asOf: Timestamp
        let k: Int
        let vectors: [String: [Float]]

        init(extractor: FeatureExtractor, jobs: [Job], asOf: Timestamp, k: Int) {
            self.extractor = extractor
            self.jobs = jobs
            self.asOf = asOf
            self.k = k
            vectors = Dictionary(uniqueKeysWithValues: jobs.map { ($0.id, extractor.jobVector($0)) })
        }

        func score(_ a: [Float], _ j: [Float]) -> Double { zip(a, j).reduce(0) { $0 + Double($1.0) * Double($1.1) } }

        func top(_ person: Applicant, replacing: Job? = nil) -> [String] {
            let v = extractor.applicantVector(person, at: asOf)
            var scored: [(id: String, s: Double)] = []
            for original in jobs {
                let j: Job = replacing?.id == original.id ? replacing! : original
                guard HardRules.allows(applicant: person, job: j, at: asOf) else { continue }
                scored.append((j.id, score(v, j == original ? vectors[j.id]! : extractor.jobVector(j))))
            }
            scored.sort { $0.s > $1.s || ($0.s == $1.s && $0.id < $1.id) }
            return scored.prefix(k).map(\.id)
        }
    }

    static func nearby(_ a: Applicant, _ j: Job, km: Double) -> Bool {
        if j.remote == true { return true }
        guard let home = a.location, let work = j.location else { return a.district == j.district }
        return home.distanceKm(to: work) <= (a.preferences.maxCommuteKm ?? km)
    }

    /// Group keys and fitting tests by hand from the table in docs/insight.md.
    static func keys(_ a: Applicant) -> [(String, (Job) -> Bool)] {
        var out: [(String, (Job) -> Bool)] = [("all", { _ in true })]
        if a.groups.contains(.olderWorker) { out.append(("older_worker", { $0.tags.contains(.ageFriendly) })) }
        if a.disability != nil || a.groups.contains(.disabled) {
            out.append(("disabled", { _ in true }))
            let categories = a.disability?.categories.map(\.rawValue) ?? []
            for c in categories.isEmpty ? ["unspecified"] : categories { out.append(("disabled:" + c, { _ in true })) }
        }
        if a.groups.contains(.stayAtHomeParent) {
            out.append(("stay_at_home_parent", { ($0.tags.contains(.doorstep) || $0.tags.contains(.flexible)) && nearby(a, $0, km: 10) }))
        }
        if a.groups.contains(.zeroEmploymentHousehold) { out.append(("zero_employment_household", { nearby(a, $0, km: 10) })) }
        return out
    }

    @Test("gap counts equal a brute-force count", arguments: [(UInt64(11), 3), (UInt64(12), 10)])
    func gapsMatchBruteForce(seed: UInt64, k: Int) {
        let (m, people, jobs) = Self.market(seed: seed, applicants: 160, jobs: 120)
        let open = jobs.filter { $0.isOpen(at: m.asOf) }
        var configuration = MatcherConfiguration()
        configuration.blockThreads = 2
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: people, jobs: jobs), jobs: open), configuration: configuration)
        let result = InsightAnalyzer(matcher: matcher, configuration: InsightConfiguration(k: k, chunkSize: 37))
            .analyze(seekers: people, asOf: m.asOf)
        let brute = Brute(extractor: matcher.extractor, jobs: open, asOf: m.asOf, k: k)
        let byID = Dictionary(uniqueKeysWithValues: open.map { ($0.id, $0) })
        var expected: [String: (seekers: Int, with: Int, postings: Set<String>)] = [:]
        for person in people {
            let top = brute.top(person).map { byID[$0]! }
            for (key, fits) in Self.keys(person) {
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
        #expect(result.gaps.count == expected.count)
        for gap in result.gaps {
            guard let cell = expected[gap.district + "|" + gap.group] else { Issue.record("unexpected row \(gap)"); continue }
            #expect(gap.seekers == cell.seekers, "\(gap.district) \(gap.group)")
            #expect(gap.withFitting == cell.with, "\(gap.district) \(gap.group)")
            #expect(gap.postings == cell.postings.count, "\(gap.district) \(gap.group)")
            #expect(gap.places == cell.postings.reduce(0) { $0 + byID[$1]!.openings }, "\(gap.district) \(gap.group)")
        }
        #expect(result.gaps.contains { $0.group == "older_worker" && $0.postings > 0 })
    }
}
