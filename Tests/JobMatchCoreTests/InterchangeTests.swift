import JobMatchCore
import Testing

@Suite("Interchange records")
struct InterchangeTests {
    static let minimalApplicant = #"{"id":"A1","gender":"F","birth_year":1980,"district":"500103","education":"primary","status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#

    @Test("a minimal applicant decodes with the spec's defaults")
    func minimalApplicant() throws {
        let a = try Interchange.decodeApplicant(Array(Self.minimalApplicant.utf8)).get()
        #expect(a.effectiveIntent == .active)
        #expect(a.effectiveCapacity == .full)
        #expect(a.groups.isEmpty && a.disability == nil && a.location == nil)
        #expect(a.interchangeJSON.jsonText == Self.minimalApplicant)
    }

    @Test("each error names its field; all of them are reported")
    func errorsNameFields() {
        let text = #"{"id":"A1","gender":"X","birth_year":1980.5,"district":"5001","education":"primary","groups":["older_worker",3],"preferences":{"max_commute_km":-1},"status":"seeking"}"#
        let decoded = Interchange.decodeApplicant(Array(text.utf8))
        #expect(decoded.record == nil)
        #expect(decoded.errors.map(\.field).sorted() == [
            "birth_year", "district", "gender", "groups[1]", "preferences.max_commute_km", "updated_at",
        ])
        #expect(decoded.errors.first { $0.field == "gender" }?.message == "unknown value \"X\"; expected one of F, M")
    }

    @Test("null counts as absent for optional fields and as missing for required ones")
    func nulls() {
        let text = #"{"id":"A1","gender":"F","birth_year":1980,"district":"500103","education":null,"disability":null,"status":"seeking","updated_at":"2026-11-01T08:00:00+08:00"}"#
        let decoded = Interchange.decodeApplicant(Array(text.utf8))
        #expect(decoded.errors == [.init(field: "education", message: "is required")])
    }

    @Test("a job's demands keep what was stated; missing levels read as low")
    func demands() throws {
        let text = #"{"id":"J1","employer":{"id":"E","name":"n"},"title":"t","district":"500103","job_type":"gig","demands":{"vision":"high"},"openings":1,"posted_at":"2026-11-01T08:00:00+08:00","expires_at":"2026-12-01T08:00:00+08:00","status":"open"}"#
        let job = try Interchange.decodeJob(Array(text.utf8)).get()
        #expect(job.effectiveDemands[.vision] == .high)
        #expect(job.effectiveDemands[.lifting] == .low)
        #expect(job.interchangeJSON.jsonText == text)
    }

    @Test("text that is not JSON is one error for the whole record")
    func notJSON() {
        let decoded = Interchange.decodeJob(Array("{not json".utf8))
        #expect(decoded.errors.count == 1)
        #expect(decoded.errors[0].field == "")
    }
}
