import Testing
@testable import JobMatchCore

/// The hybrid model: history blocks and collaborative factors, trained with nothing from after the as-of time.
@Suite struct HybridTrainingTests {
    /// 60 people, 120 postings open over the whole period, each person acting on six postings in the 60 days
    /// before the as-of time; `future` adds as many events after it.
    static func scenario(future: Bool) -> (applicants: [Applicant], jobs: [Job], interactions: [Interaction], asOf: Timestamp) {
        var market = TestMarket(seed: 11)
        var (applicants, jobs) = market.market(applicants: 60, jobs: 120)
        let asOf = market.asOf
        for i in jobs.indices {
            jobs[i].postedAt = asOf.adding(days: -90)
            jobs[i].expiresAt = asOf.adding(days: 30)
            jobs[i].status = .open
        }
        for i in applicants.indices { applicants[i].preferences.maxCommuteKm = nil }
        var interactions: [Interaction] = []
        for (i, a) in applicants.enumerated() {
            for r in 0..<6 {
                let job = jobs[(i * 7 + r * 13) % jobs.count].id
                let t = asOf.adding(days: -1 - Double((i * 11 + r * 17) % 58))
                interactions.append(Interaction(applicant: a.id, job: job, event: .viewed, at: t))
                if r % 2 == 0 { interactions.append(Interaction(applicant: a.id, job: job, event: .applied, at: t.adding(days: 0.1))) }
                if r % 4 == 0 { interactions.append(Interaction(applicant: a.id, job: job, event: .interviewed, at: t.adding(days: 0.5))) }
                if r == 0, i % 3 == 0 { interactions.append(Interaction(applicant: a.id, job: job, event: .hired, at: t.adding(days: 0.8))) }
                if r == 1 { interactions.append(Interaction(applicant: a.id, job: job, event: .declined, at: t.adding(days: 0.3))) }
                if future {
                    let later = jobs[(i * 5 + r * 3 + 1) % jobs.count].id
                    let u = asOf.adding(days: Double(r))  // at the as-of time itself and after it
                    interactions.append(Interaction(applicant: a.id, job: later, event: .applied, at: u))
                    interactions.append(Interaction(applicant: a.id, job: later, event: .hired, at: u.adding(days: 1)))
                }
            }
        }
        return (applicants, jobs, interactions.sorted { $0.at < $1.at }, asOf)
    }

    static var trainer: HybridTrainer {
        var trainer = HybridTrainer()
        trainer.collaborative.maximumEpochs = 4
        trainer.content.iterations = 60
        return trainer
    }

    static func train(_ s: (applicants: [Applicant], jobs: [Job], interactions: [Interaction], asOf: Timestamp), trainer: HybridTrainer = trainer) -> MatchModel {
        let base = MatchModel.build(from: s.applicants, jobs: s.jobs)
        return trainer.train(model: base, applicants: s.applicants, jobs: s.jobs, interactions: s.interactions, asOf: s.asOf).model
    }

    @Test func eventsAtOrAfterTheAsOfTimeChangeNoScoreAtIt() {
        let past = Self.scenario(future: false), all = Self.scenario(future: true)
        #expect(all.interactions.count > past.interactions.count)
        let model = Self.train(past)
        #expect(Self.train(all) == model)
        #expect(model.configuration.historyBlocks && model.collaborative != nil)
        let before = FeatureExtractor(model: model, history: InteractionHistory(interactions: past.interactions, jobs: past.jobs, before: past.asOf))
        let after = FeatureExtractor(model: model, history: InteractionHistory(interactions: all.interactions, jobs: all.jobs, before: all.asOf))
        for a in past.applicants { #expect(before.applicantVector(a, at: past.asOf) == after.applicantVector(a, at: past.asOf)) }
        for j in past.jobs { #expect(before.jobVector(j) == after.jobVector(j)) }
        let ranked = { (history: InteractionHistory) in
            Matcher(index: JobIndex(model: model, jobs: past.jobs, history: history))
                .topCandidates(applicants: past.applicants, m: 10, asOf: past.asOf).map { $0.map(\.job) }
        }
        #expect(ranked(before.history!) == ranked(after.history!))
    }

    /// With the worst-group term on (every group with a pair counted), training still reads nothing at or after
    /// the as-of time and gives the same model for the same seed.
    @Test func worstGroupTrainingIsDeterministicAndReadsNoFuture() {
        var trainer = Self.trainer
        trainer.worstGroupWeight = 1
        trainer.minimumGroupPairs = 1
        let past = Self.scenario(future: false), all = Self.scenario(future: true)
        let model = Self.train(past, trainer: trainer)
        #expect(Self.train(past, trainer: trainer) == model)
        #expect(Self.train(all, trainer: trainer) == model)
        #expect(model.configuration.historyBlocks)
    }

    /// Person 0 has pairs of weight 1, 1, 2 (sum 4), person 1 one of weight 1: the mean sum is 2.5, so person 0's
    /// become 0.625, 0.625, 1.25 and person 1's 2.5 (by hand); the total, 5, stays.
    @Test func balancedWeightsGiveEveryPersonTheSameTotal() {
        let w = HybridTrainer.balanced([1, 1, 2, 1], people: [0, 0, 0, 1])
        #expect(w == [0.625, 0.625, 1.25, 2.5])
        var trainer = Self.trainer
        trainer.balancePeople = true
        let past = Self.scenario(future: false), all = Self.scenario(future: true)
        let model = Self.train(past, trainer: trainer)
        #expect(Self.train(past, trainer: trainer) == model && Self.train(all, trainer: trainer) == model)
    }

    @Test func trainingIsDeterministicForASeed() {
        let s = Self.scenario(future: false)
        let first = Self.train(s)
        #expect(Self.train(s) == first)
        var other = Self.trainer
        other.content.seed = 99
        other.collaborative.seed = 99
        #expect(Self.train(s, trainer: other).collaborative != first.collaborative)
    }

    @Test func historyBlocksReadWhatThePersonDid() {
        // One person hired into a cleaning job, who declined a security job: the past-occupation block
        // scores another cleaning posting above zero and another security posting below it.
        var market = TestMarket(seed: 12)
        let (applicants, jobs) = market.market(applicants: 1, jobs: 4)
        var clean = jobs[0], guardJob = jobs[1]
        clean.occupation = "4-10-01"
        guardJob.occupation = "4-07-02"
        var otherClean = jobs[2], otherGuard = jobs[3]
        otherClean.occupation = "4-10-01"
        otherGuard.occupation = "4-07-02"
        clean.title = "商场保洁员"; otherClean.title = "商场保洁员"
        guardJob.title = "小区保安"; otherGuard.title = "小区保安"
        let a = applicants[0]
        let t = market.asOf.adding(days: -3)
        let events = [
            Interaction(applicant: a.id, job: clean.id, event: .hired, at: t),
            Interaction(applicant: a.id, job: guardJob.id, event: .declined, at: t),
        ]
        var model = MatchModel.build(from: applicants, jobs: [clean, guardJob, otherClean, otherGuard])
        model.manifest.parameters = model.configuration.widenedForHistory
        let history = InteractionHistory(interactions: events, jobs: [clean, guardJob, otherClean, otherGuard], before: market.asOf)
        let extractor = FeatureExtractor(model: model, history: history)
        let scores = { (job: Job) in extractor.blockScores(applicant: a, job: job, at: market.asOf)[.pastOccupation]! }
        #expect(scores(otherClean) > 0)
        #expect(scores(otherGuard) < 0)
        // Widening keeps the text block as long as before: 256 + past blocks (16 + 40 + 32 + 12 + 5) + 7 evidence + factors.
        let plain = MatchModel.build(from: applicants, jobs: jobs)
        #expect(model.layout[.text].count == plain.layout[.text].count)
        #expect(model.dimension == 256 + 105 + 7 + 16)
        let wider = FeatureLayout(configuration: plain.configuration.widened(factorDimensions: 32))
        #expect(wider.dimension == 256 + 105 + 7 + 32 && wider[.text].count == plain.layout[.text].count)
    }

    @Test func evidenceIsSmoothedAndCentred() {
        var market = TestMarket(seed: 13)
        let (applicants, jobs) = market.market(applicants: 4, jobs: 2)
        let t = market.asOf.adding(days: -2)
        // Job 0: four views, four applications; job 1: four views, none. The market: 8 views, 4 applications.
        var events: [Interaction] = []
        for a in applicants {
            events.append(Interaction(applicant: a.id, job: jobs[0].id, event: .viewed, at: t))
            events.append(Interaction(applicant: a.id, job: jobs[0].id, event: .applied, at: t))
            events.append(Interaction(applicant: a.id, job: jobs[1].id, event: .viewed, at: t))
        }
        let history = InteractionHistory(interactions: events, jobs: jobs, before: market.asOf)
        // Prior (4 + 1) / (8 + 4) = 5/12; job 0: (4 + 4 × 5/12) / (4 + 4) − 5/12 = 7/24; job 1: (0 + 5/3) / 8 − 5/12 = −5/24.
        #expect(abs(history.evidence(for: jobs[0])[0] - 7.0 / 24) < 1e-5)
        #expect(abs(history.evidence(for: jobs[1])[0] + 5.0 / 24) < 1e-5)
    }
}
