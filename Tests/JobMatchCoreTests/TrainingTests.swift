import Testing
@testable import JobMatchCore

@Suite struct TrainingTests {
    /// Pairs in which only the location block tells the better job from the worse; the others are noise.
    static func table(count: Int) -> BlockFeatureTable {
        var generator = SeededGenerator(seed: 9)
        let b = BlockFeatureTable.blockCount
        let location = FeatureBlock.allCases.firstIndex(of: .location)!
        var differences: [Float] = []
        for _ in 0..<count {
            for block in 0..<b {
                let noise = Float(generator.nextUnit() * 2 - 1)
                differences.append(block == location ? 0.3 + 0.2 * noise : noise)
            }
        }
        return BlockFeatureTable(differences: differences, weights: [Float](repeating: 1, count: count))
    }

    @Test func learnsTheBlockThatSeparatesOutcomes() {
        let result = BlockWeightTrainer().train(table: Self.table(count: 2000), start: .standard)
        #expect(result.finalLoss < result.initialLoss)
        #expect(result.finalAccuracy > result.initialAccuracy)
        #expect(result.weights[.location] > BlockWeights.standard[.location] + 0.05)
        // Rescaled to the start's sum.
        #expect(abs(result.weights.values.reduce(0, +) - BlockWeights.standard.values.reduce(0, +)) < 1e-4)
    }

    /// 1,800 pairs that only the location block separates, then 200 (the "group", rows 1800…) that only the
    /// occupation block separates while location points the wrong way a little: the plain fit serves the many, the
    /// worst-group term has to give the few's block more weight and order more of their pairs right.
    @Test func theWorstGroupTermServesTheGroupTheFitLeavesBehind() {
        var generator = SeededGenerator(seed: 5)
        let b = BlockFeatureTable.blockCount
        let location = FeatureBlock.allCases.firstIndex(of: .location)!, occupation = FeatureBlock.allCases.firstIndex(of: .occupation)!
        var differences: [Float] = []
        for i in 0..<2000 {
            for block in 0..<b {
                let noise = Float(generator.nextUnit() * 2 - 1)
                if i < 1800 {
                    differences.append(block == location ? 0.3 + 0.2 * noise : 0.2 * noise)
                } else {
                    differences.append(block == occupation ? 0.3 + 0.2 * noise : block == location ? -0.1 + 0.1 * noise : 0.2 * noise)
                }
            }
        }
        let table = BlockFeatureTable(differences: differences, weights: [Float](repeating: 1, count: 2000))
        let few = Array(1800..<2000), many = Array(0..<1800)
        let plain = BlockWeightTrainer().train(table: table, start: .standard)
        let robust = BlockWeightTrainer().train(table: table, start: .standard,
                                                groups: .init(fit: [many, few], validation: [[], []], weight: 2))
        func rightOfTheFew(_ w: BlockWeights) -> Int {
            few.filter { i in (0..<b).reduce(Float(0)) { $0 + differences[i * b + $1] * w.values[$1] } > 0 }.count
        }
        #expect(robust.weights[.occupation] > plain.weights[.occupation])
        #expect(rightOfTheFew(robust.weights) > rightOfTheFew(plain.weights))
        // Without groups, or with ρ = 0, the fit is the plain one.
        let off = BlockWeightTrainer().train(table: table, start: .standard, groups: .init(fit: [many, few], validation: [[], []], weight: 0))
        #expect(off.weights == plain.weights)
    }

    @Test func strongRegularisationStaysNearTheStart() {
        var strong = TrainingConfiguration()
        strong.regularization = 100
        let loose = BlockWeightTrainer().train(table: Self.table(count: 500), start: .standard).weights
        let tight = BlockWeightTrainer(configuration: strong).train(table: Self.table(count: 500), start: .standard).weights
        func distance(_ w: BlockWeights) -> Float { zip(w.values, BlockWeights.standard.values).reduce(0) { $0 + abs($1.0 - $1.1) } }
        #expect(distance(tight) < distance(loose) / 4)
    }

    @Test func withoutOutcomesTheModelStands() {
        var market = TestMarket(seed: 3)
        let (applicants, jobs) = market.market(applicants: 20, jobs: 40)
        let model = MatchModel.build(from: applicants, jobs: jobs)
        let viewed = [Interaction(applicant: applicants[0].id, job: jobs[0].id, event: .viewed, at: market.asOf.adding(days: -2))]
        let (trained, report) = OutcomeTrainer().train(model: model, applicants: applicants, jobs: jobs, interactions: viewed, asOf: market.asOf)
        #expect(!report.trained)
        #expect(trained == model)
    }

    @Test func pairsComeFromOutcomesBeforeTheAsOfTime() {
        var market = TestMarket(seed: 4)
        let (applicants, jobs) = market.market(applicants: 10, jobs: 60)
        let t = market.asOf.adding(days: -5)
        let a = applicants[0].id
        let interactions = [
            Interaction(applicant: a, job: jobs[0].id, event: .hired, at: t),
            Interaction(applicant: a, job: jobs[1].id, event: .rejected, at: t),
            Interaction(applicant: a, job: jobs[2].id, event: .viewed, at: t),
            Interaction(applicant: a, job: jobs[3].id, event: .hired, at: market.asOf),  // not before
        ]
        var configuration = TrainingConfiguration()
        configuration.sampledNegatives = 0
        let pairs = TrainingPairs(applicants: applicants, jobs: jobs, interactions: interactions, asOf: market.asOf, configuration: configuration)
        #expect(pairs.positives == 1)
        #expect(pairs.explicitNegatives == 1 && pairs.silentNegatives == 2 - 1)
        #expect(Set(pairs.pairs.map(\.worse)) == [1, 2])
        #expect(pairs.pairs.first { $0.worse == 1 }!.weight == 2 * configuration.explicitNegativeWeight)
        #expect(pairs.pairs.first { $0.worse == 2 }!.weight == 2 * configuration.silentNegativeWeight)
    }
}
