import Foundation
import JobMatchCore

/// The ceiling of a split: each person's postings ranked by the generator's own utilities, without the
/// per-pair noise, among the postings open at the split that no hard rule forbids at it.
///
/// The score is the chance of getting to an interview, `σ(interest − 0.2) × σ(employer view + 0.2)`, the
/// same formulas the simulation draws applications and interviews with. Only people with an event at or
/// after the split are ranked (the only ones a held-out query can be about).
public struct OracleRanking: Sendable {
    /// One person's ranking, best first.
    public struct List: Sendable, Hashable {
        public var applicant: String
        public var splitAt: Timestamp
        public var jobs: [String]

        /// The `oracle.jsonl` line: `{"applicant", "split_at", "jobs"}`.
        public var json: JSONValue {
            .object([("applicant", .string(applicant)), ("split_at", .string(splitAt.text)), ("jobs", .array(jobs.map { .string($0) }))])
        }
    }

    let simulation: MarketSimulation

    init(simulation: MarketSimulation) { self.simulation = simulation }

    func rank(market: Market, split: Timestamp, depth: Int) -> [List] {
        let open = market.jobs.indices.filter { market.jobs[$0].isOpen(at: split) }
        let active = Set(market.interactions.lazy.filter { $0.at >= split }.map(\.applicant))
        let people = market.applicants.indices.filter { active.contains(market.applicants[$0].id) }
        return people.concurrentMap { i -> List in
            let a = market.applicants[i]
            var scored: [(job: Int, score: Double)] = []
            for j in open where HardRules.allows(applicant: a, job: market.jobs[j], at: split) {
                let u = simulation.interest(i, j), q = simulation.employerView(i, j, at: split)
                scored.append((j, Suitability.logistic(u - 0.2) * Suitability.logistic(q + 0.2)))
            }
            scored.sort { $0.score != $1.score ? $0.score > $1.score : market.jobs[$0.job].id < market.jobs[$1.job].id }
            return List(applicant: a.id, splitAt: split, jobs: scored.prefix(depth).map { market.jobs[$0.job].id })
        }
    }
}
