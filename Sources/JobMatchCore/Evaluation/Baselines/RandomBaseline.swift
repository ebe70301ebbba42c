/// Baseline: `k` allowed jobs drawn at random (seeded per applicant id, so the same seed gives the same lists).
public struct RandomBaseline: Sendable {
    public var seed: UInt64

    public init(seed: UInt64 = 7) { self.seed = seed }

    public func recommend(queries: [EvaluationQuery], pool: CandidatePool, k: Int) -> [[String]] {
        pool.allowed.indices.map { q in
            var generator = SeededGenerator(seed: StableHash.hash(queries[q].applicant.id, seed: seed))
            var allowed = pool.allowed[q]
            allowed.shuffle(using: &generator)
            return allowed.prefix(k).map { pool.candidates[$0].id }
        }
    }
}
