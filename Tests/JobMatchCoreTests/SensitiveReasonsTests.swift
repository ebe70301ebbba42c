import JobMatchCore
import Testing

/// The one sensitive list, against a verdict made by hand for every reason code the explainer has.
@Suite("Sensitive reasons")
struct SensitiveReasonsTests {
    /// By hand, from the reason texts in Explainer and the glossary: does the reason reveal a disability,
    /// an assistance group, capacity, the household or income?
    static let verdicts: [String: Bool] = [
        "skills_match": false, "occupation_wish": false, "job_type_wish": false, "distance": false, "remote": false,
        "wage_meets_wish": true, "wage_below_wish": true, "wage": false, "schedule_match": false, "hours_fit": true,
        "tag_age_friendly": true, "tag_disability_friendly": true, "accommodation": true, "doorstep": true, "flexible": true,
        "self_employment": false, "certificate_missing": false, "public_welfare_fallback": true, "public_welfare_wish": true,
    ]

    @Test("the list holds exactly the codes judged sensitive by hand, each with a reason")
    func list() {
        #expect(SensitiveReasons.codes == Set(Self.verdicts.filter(\.value).keys))
        #expect(SensitiveReasons.entries.allSatisfy { !$0.why.isEmpty })
        #expect(SensitiveReasons.entries.count == SensitiveReasons.codes.count, "one entry per code")
        #expect(SensitiveReasons.identifyingCodes == ["distance"])
    }

    @Test("withheld(from:) drops the sensitive reasons, and the identifying ones when asked")
    func withheld() {
        let reasons = Self.verdicts.keys.sorted().map { Reason(code: $0, text: $0) }
        #expect(SensitiveReasons.withheld(from: reasons).map(\.code) == reasons.map(\.code).filter { Self.verdicts[$0] == false })
        #expect(!SensitiveReasons.withheld(from: reasons, identifying: true).map(\.code).contains("distance"))
    }
}
