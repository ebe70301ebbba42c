import Testing
@testable import JobMatchCore

/// Hand-computed fixtures: ranked [a, b, c, d], gains b = 3, d = 1, e = 2 (e never ranked).
@Suite struct RankingMetricsTests {
    let ranked = ["a", "b", "c", "d"]
    let gains: [String: Double] = ["b": 3, "d": 1, "e": 2]

    @Test func ndcgAtThreeMatchesHandComputation() {
        // DCG@3 = 3 / log2(3); IDCG@3 = 3 + 2 / log2(3) + 1 / log2(4).
        #expect(abs(RankingMetrics.ndcg(ranked: ranked, gains: gains, k: 3) - 0.397489522291688) < 1e-12)
    }

    @Test func ndcgAtFourAddsTheFourthRank() {
        // DCG@4 adds 1 / log2(5); the ideal list is still three long.
        #expect(abs(RankingMetrics.ndcg(ranked: ranked, gains: gains, k: 4) - 0.487932459011549) < 1e-12)
    }

    @Test func recallHitAndReciprocalRank() {
        #expect(RankingMetrics.recall(ranked: ranked, gains: gains, k: 3) == 1.0 / 3)
        #expect(RankingMetrics.recall(ranked: ranked, gains: gains, k: 4) == 2.0 / 3)
        #expect(RankingMetrics.hit(ranked: ranked, gains: gains, k: 1) == 0)
        #expect(RankingMetrics.hit(ranked: ranked, gains: gains, k: 2) == 1)
        #expect(RankingMetrics.reciprocalRank(ranked: ranked, gains: gains, k: 4) == 0.5)
        #expect(RankingMetrics.reciprocalRank(ranked: ranked, gains: gains, k: 1) == 0)
    }

    @Test func aPerfectListScoresOne() {
        #expect(abs(RankingMetrics.ndcg(ranked: ["b", "e", "d"], gains: gains, k: 3) - 1) < 1e-12)
        #expect(RankingMetrics.recall(ranked: ["b", "e", "d"], gains: gains, k: 3) == 1)
    }

    @Test func nothingRelevantScoresZero() {
        #expect(RankingMetrics.ndcg(ranked: ranked, gains: [:], k: 3) == 0)
        #expect(RankingMetrics.recall(ranked: ranked, gains: ["x": 0], k: 3) == 0)
    }

    @Test func aRepeatedJobCountsOnce() {
        #expect(RankingMetrics.hits(ranked: ["b", "b", "b"], gains: gains, k: 3) == 1)
    }

    @Test func gainsAreGradedByOutcome() {
        #expect(OutcomeGain.gain(.retained3m) > OutcomeGain.gain(.hired))
        #expect(OutcomeGain.gain(.hired) > OutcomeGain.gain(.interviewed))
        #expect(OutcomeGain.gain(.interviewed) > 0)
        #expect(OutcomeGain.gain(.applied) == 0 && OutcomeGain.gain(.rejected) == 0)
    }
}
