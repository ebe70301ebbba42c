@testable import JobMatchCore
import Testing

@Suite("batch parts: suppression, gates, candidate files, scoring")
struct BatchPartsTests {
    let asOf = Timestamp(rfc3339: "2026-11-30T09:00:00+08:00")!

    @Test("pushes suppress within the window, outcomes for good, nothing at or after as-of")
    func suppression() {
        let t = asOf.secondsSince1970
        let interactions = [
            Interaction(applicant: "A1", job: "J1", event: .applied, at: asOf.adding(days: -300)),
            Interaction(applicant: "A1", job: "J2", event: .viewed, at: asOf.adding(days: -3)),
            Interaction(applicant: "A1", job: "J3", event: .recommended, at: asOf.adding(days: -8)),
            Interaction(applicant: "A1", job: "J4", event: .declined, at: asOf.adding(days: 1)),
            Interaction(applicant: "A2", job: "J1", event: .hired, at: asOf.adding(days: -1)),
        ]
        let pushes = [(applicant: "A3", job: "J1", at: t - 6 * 86_400), (applicant: "A3", job: "J2", at: t - 7.5 * 86_400), (applicant: "A3", job: "J3", at: t)]
        let s = PushSuppression(pushes: pushes, interactions: interactions, asOf: asOf, windowDays: 7)
        #expect(s.isSuppressed(applicant: "A1", job: "J1"))
        #expect(s.isSuppressed(applicant: "A1", job: "J2"))
        #expect(!s.isSuppressed(applicant: "A1", job: "J3"))
        #expect(!s.isSuppressed(applicant: "A1", job: "J4"))
        #expect(s.isSuppressed(applicant: "A2", job: "J1"))
        #expect(s.isSuppressed(applicant: "A3", job: "J1"))
        #expect(!s.isSuppressed(applicant: "A3", job: "J2"))
        #expect(!s.isSuppressed(applicant: "A3", job: "J3"))
        #expect(s.pairCount == 4)
    }

    func report(coverage pushed: Int, groupServed: Int, members: Int = 100) -> BatchReport {
        BatchReport(people: members, openPostings: 100, postingsPushed: pushed, itemsPushed: 0, fewerThanK: 0, withNone: 0,
                    largestExposurePerOpening: 0, largestExposure: 0, capExceeded: 0,
                    groups: ["group:disabled": .init(members: members, served: groupServed)])
    }

    @Test("the gate refuses sharp falls of coverage or of a group's share served, not small ones or small groups")
    func gate() {
        let gate = QualityGate(maximumRelativeDrop: 0.25, minimumGroupSize: 20)
        #expect(gate.failures(current: report(coverage: 50, groupServed: 90), previous: nil).isEmpty)
        #expect(gate.failures(current: report(coverage: 80, groupServed: 90), previous: report(coverage: 90, groupServed: 95)).isEmpty)
        #expect(gate.failures(current: report(coverage: 60, groupServed: 90), previous: report(coverage: 90, groupServed: 90)).count == 1)
        #expect(gate.failures(current: report(coverage: 90, groupServed: 50), previous: report(coverage: 90, groupServed: 90)).count == 1)
        #expect(gate.failures(current: report(coverage: 90, groupServed: 5, members: 10), previous: report(coverage: 90, groupServed: 10, members: 10)).isEmpty)
    }

    @Test("candidate files keep exact score bits and refuse a cut file")
    func candidateFile() throws {
        let records = [
            BatchCandidates(applicant: "A1", candidates: [AllocationCandidate(posting: 3, score: 0.1 + 0.2, isFallback: false),
                                                          AllocationCandidate(posting: 7, score: -.leastNonzeroMagnitude, isFallback: true)]),
            BatchCandidates(applicant: "甲2\n", candidates: []),
        ]
        let bytes = CandidateFile.encode(header: "{\"x\":1}", records: records)
        let decoded = try CandidateFile.decode(bytes)
        #expect(decoded.header == "{\"x\":1}")
        #expect(decoded.records == records)
        #expect(throws: JobMatchError.self) { try CandidateFile.decode(Array(bytes.dropLast(3))) }
    }

    @Test("shards split by id only, every id in exactly one shard")
    func shards() {
        let ids = (0..<500).map { "A\($0)" }
        let shards = (0..<3).map { BatchShard(index: $0, count: 3) }
        for id in ids { #expect(shards.filter { $0.contains(id) }.count == 1) }
        #expect(shards.allSatisfy { s in ids.filter(s.contains).count > 100 })
        #expect(BatchShard("2/3") == shards[2])
        #expect(BatchShard("3/3") == nil)
    }

    @Test("scored candidates pass every hard rule, skip suppressed postings, and do not depend on the chunking")
    func scoring() {
        var market = TestMarket(seed: 41)
        let (applicants, jobs) = market.market(applicants: 120, jobs: 300)
        let asOf = market.asOf
        let model = MatchModel.build(from: applicants, jobs: jobs)
        let open = jobs.filter { $0.isOpen(at: asOf) }.sorted { $0.id < $1.id }
        let index = JobIndex(model: model, jobs: open)
        var suppression = PushSuppression()
        let whole = BatchScorer(matcher: Matcher(index: index), depth: 20).candidates(for: applicants, asOf: asOf, suppression: suppression)
        for (a, list) in zip(applicants, whole) where list.candidates.count > 2 {
            suppression.add(a.id, open[Int(list.candidates[0].posting)].id)
            suppression.add(a.id, open[Int(list.candidates[2].posting)].id)
        }
        let scorer = BatchScorer(matcher: Matcher(index: index), depth: 20)
        let all = scorer.candidates(for: applicants, asOf: asOf, suppression: suppression)
        let chunked = stride(from: 0, to: applicants.count, by: 7).flatMap {
            scorer.candidates(for: Array(applicants[$0..<min($0 + 7, applicants.count)]), asOf: asOf, suppression: suppression)
        }
        #expect(all == chunked)
        var checked = 0
        for (a, list) in zip(applicants, all) {
            #expect(list.candidates.count <= 20)
            for c in list.candidates {
                let job = open[Int(c.posting)]
                #expect(HardRules.violations(applicant: a, job: job, at: asOf).isEmpty)
                #expect(!suppression.isSuppressed(applicant: a.id, job: job.id))
                checked += 1
            }
        }
        #expect(checked > 500)
    }
}
