import Foundation
import Testing
@testable import JobMatchCore

/// One line of a verdict table: a pair, the as-of time, and the rule numbers the spec says it breaks.
struct RuleVerdictCase: Sendable, CustomTestStringConvertible {
    let table: String
    let line: Int
    let name: String
    let asOf: Timestamp
    let applicant: Applicant
    let job: Job
    let violations: [Int]

    var testDescription: String { "\(table):\(line) \(name)" }

    /// Both tables: the hand-written one and the shared one (Fixtures/README.md).
    static let all: [RuleVerdictCase] = load("rule-verdicts.jsonl") + load("shared-rule-cases.jsonl")

    static func load(_ file: String) -> [RuleVerdictCase] {
        let url = Bundle.module.url(forResource: "Fixtures/\(file)", withExtension: nil)!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").enumerated().map { n, line in
            let value = try! Interchange.parse(Array(line.utf8)).get()
            guard case let .string(name)? = value["case"], case let .string(asOf)? = value["as_of"],
                  let a = value["applicant"], let j = value["job"], case let .array(rules)? = value["violations"]
            else { fatalError("\(file):\(n + 1): not a verdict case") }
            return RuleVerdictCase(
                table: file, line: n + 1, name: name, asOf: Timestamp(rfc3339: asOf)!,
                applicant: try! Interchange.decodeApplicant(Array(a.jsonText.utf8)).get(),
                job: try! Interchange.decodeJob(Array(j.jsonText.utf8)).get(),
                violations: rules.map { rule in
                    guard case let .number(number) = rule else { fatalError("\(file):\(n + 1): violations") }
                    return Int(number)
                }
            )
        }
    }
}

/// The hard rules against verdicts written from the spec's text, not taken from the code under test.
@Suite struct RuleVerdictTests {
    static func numbers(_ rules: [HardRule]) -> [Int] { rules.map { HardRule.allCases.firstIndex(of: $0)! + 1 } }

    @Test func tablesAreComplete() {
        #expect(RuleVerdictCase.load("shared-rule-cases.jsonl").count == 215)
        let hand = RuleVerdictCase.load("rule-verdicts.jsonl")
        #expect(hand.count >= 250)
        // Every rule is broken alone somewhere, and allowed somewhere.
        for rule in 1...7 { #expect(hand.contains { $0.violations == [rule] }, "rule \(rule) never broken alone") }
        #expect(hand.filter { $0.violations.isEmpty }.count > 100)
    }

    @Test(arguments: RuleVerdictCase.all)
    func scalarReference(_ c: RuleVerdictCase) {
        #expect(Self.numbers(HardRules.violations(applicant: c.applicant, job: c.job, at: c.asOf)) == c.violations)
    }

    @Test(arguments: RuleVerdictCase.all)
    func bulkMasks(_ c: RuleVerdictCase) {
        var columns = RuleColumns()
        columns.append(c.job)
        let profile = ApplicantRuleProfile(c.applicant, at: c.asOf)
        let t = c.asOf.secondsSince1970
        #expect(Self.numbers(columns.violations(profile, 0, at: t)) == c.violations)
        #expect((columns.isOpen(0, at: t) && columns.allows(profile, 0)) == c.violations.isEmpty)
    }

    /// The matcher's list (masks fused with the top-k scan, chunk skipping, the fallback) holds the job iff it is allowed.
    @Test func matcherListsHoldExactlyTheAllowedJobs() {
        let cases = RuleVerdictCase.all
        let model = MatchModel.build(from: cases.map(\.applicant), jobs: cases.map(\.job))
        var wrong: [String] = []
        for c in cases {
            let matcher = Matcher(index: JobIndex(model: model, jobs: [c.job]))
            let listed = matcher.recommend(applicant: c.applicant, k: 5, asOf: c.asOf).recommendations.map(\.job)
            if listed.contains(c.job.id) != c.violations.isEmpty { wrong.append(c.testDescription) }
        }
        #expect(wrong.isEmpty, "\(wrong.count) lists disagree: \(wrong.prefix(10))")
    }
}
