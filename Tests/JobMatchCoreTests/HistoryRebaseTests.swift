import Testing
@testable import JobMatchCore

/// The daemon refreshes a hybrid model's index and pool to a newer history without extracting every row
/// again; what it gets must be what a fresh build with that history gives.
@Suite struct HistoryRebaseTests {
    /// The scenario of ``HybridTrainingTests``, its interactions split at the as-of time less 20 days, and a
    /// trained hybrid model.
    static func setUp() -> (s: (applicants: [Applicant], jobs: [Job], interactions: [Interaction], asOf: Timestamp), model: MatchModel,
                            older: InteractionHistory, newer: InteractionHistory) {
        let s = HybridTrainingTests.scenario(future: false)
        let model = HybridTrainingTests.train(s)
        let early = s.asOf.adding(days: -20)
        var jobs = s.jobs
        // A posting edited in between: its past row (and so the rows of whoever acted on it) changes.
        let edited = s.interactions.first!.job
        let row = jobs.firstIndex { $0.id == edited }!
        jobs[row].skillsRequired = ["焊工"]
        // Two people act after the early cutoff; nobody else does.
        let before = s.interactions.filter { $0.at < early }
        let later = [Interaction(applicant: s.applicants[4].id, job: s.jobs[9].id, event: .hired, at: early.adding(days: 1)),
                     Interaction(applicant: s.applicants[8].id, job: s.jobs[2].id, event: .declined, at: early.adding(days: 2))]
        return (s, model, InteractionHistory(interactions: before, jobs: s.jobs, before: early),
                InteractionHistory(interactions: before + later, jobs: jobs, before: s.asOf))
    }

    @Test func aRebasedIndexEqualsOneBuiltWithTheNewerHistory() {
        let (s, model, older, newer) = Self.setUp()
        let old = JobIndex(model: model, jobs: s.jobs, history: older)
        let rebased = JobIndex(rebasing: old, history: newer)
        let fresh = JobIndex(model: model, jobs: s.jobs, history: newer)
        #expect(rebased.ids == fresh.ids)
        #expect(rebased.vectors == fresh.vectors)
        #expect(rebased.vectors != old.vectors)
    }

    @Test func aRebasedPoolReextractsExactlyThePeopleWhoseHistoryChanged() {
        let (s, model, older, newer) = Self.setUp()
        let asOf = s.asOf
        let oldExtractor = FeatureExtractor(model: model, history: older)
        let newExtractor = oldExtractor.withHistory(newer)
        let pool = ApplicantPool(extractor: oldExtractor, applicants: s.applicants, at: asOf)
        let changed = newer.applicantsChanged(since: older)
        let fresh = ApplicantPool(extractor: FeatureExtractor(model: model, history: newer), applicants: s.applicants, at: asOf)
        let actedOnEdited = Set(s.interactions.filter { $0.job == s.interactions.first!.job && $0.at < older.cutoff && $0.event != .recommended }.map(\.applicant))
        #expect(changed == actedOnEdited.union([s.applicants[4].id, s.applicants[8].id]))
        #expect(ApplicantPool(rebasing: pool, extractor: newExtractor, changed: changed).vectors == fresh.vectors)
        // Everyone left out has the same row under both histories.
        for a in s.applicants where !changed.contains(a.id) {
            #expect(oldExtractor.applicantVector(a, at: asOf) == fresh.extractor.applicantVector(a, at: asOf))
        }
    }

    @Test func reverseMatchingReadsTheHistoryBlocks() {
        let (s, model, _, newer) = Self.setUp()
        let job = s.jobs[3]
        let withHistory = Matcher(index: JobIndex(model: model, jobs: s.jobs, history: newer))
        let without = Matcher(index: JobIndex(model: model, jobs: s.jobs))
        let found = withHistory.candidates(for: job, among: s.applicants, k: 10, asOf: s.asOf)
        #expect(found.count == 10)
        // The score of a candidate is the dot product of the two rows the history-aware extractor gives.
        let extractor = FeatureExtractor(model: model, history: newer)
        for c in found {
            let a = extractor.applicantVector(s.applicants.first { $0.id == c.applicant }!, at: s.asOf), j = extractor.jobVector(job)
            var dot: Float = 0
            for i in a.indices { dot += a[i] * j[i] }
            #expect(abs(Double(dot) - Double(c.score)) < 1e-3)
        }
        #expect(found.map(\.score) != without.candidates(for: job, among: s.applicants, k: 10, asOf: s.asOf).map(\.score))
    }
}
