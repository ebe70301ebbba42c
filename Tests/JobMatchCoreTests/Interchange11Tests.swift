import JobMatchCore
import Testing

/// The version 1.1 additions of `shared/spec/interchange.md`: an applicant's `household`, `trainings.jsonl` and
/// `services.jsonl`. Lines are written by hand from the spec's tables.
@Suite("Interchange 1.1 records")
struct Interchange11Tests {
    static let training = #"{"id":"T1","title":"家政服务员（育婴）培训","provider":"渝中区职业培训学校","district":"500103","location":{"lat":29.55,"lng":106.57},"mode":"in_person","skills":["育婴"],"certificates":["健康证"],"education_min":"primary","hours":96,"starts_at":"2026-12-07T09:00:00+08:00","ends_at":"2027-01-15T17:00:00+08:00","seats":30,"subsidized":true}"#

    @Test("a full course decodes field by field and encodes back to the same text")
    func trainingRoundTrip() throws {
        let t = try Interchange.decodeTraining(Array(Self.training.utf8)).get()
        #expect(t.id == "T1" && t.title == "家政服务员（育婴）培训" && t.provider == "渝中区职业培训学校")
        #expect(t.district == "500103" && t.location == GeoPoint(lat: 29.55, lng: 106.57))
        #expect(t.effectiveMode == .inPerson && t.skills == ["育婴"] && t.certificates == ["健康证"])
        #expect(t.educationMin == .primary && t.hours == 96 && t.seats == 30 && t.subsidized == true)
        #expect(t.interchangeJSON.jsonText == Self.training)
    }

    @Test("a minimal course: mode defaults to in person")
    func minimalTraining() throws {
        let text = #"{"id":"T2","title":"叉车司机培训","district":"500112","starts_at":"2026-12-01T09:00:00+08:00","ends_at":"2026-12-20T17:00:00+08:00"}"#
        let t = try Interchange.decodeTraining(Array(text.utf8)).get()
        #expect(t.effectiveMode == .inPerson && t.mode == nil && t.skills.isEmpty && t.seats == nil)
        #expect(t.interchangeJSON.jsonText == text)
    }

    @Test("course errors name their fields: ends_at not after starts_at, seats below 1, unknown mode, missing title")
    func trainingErrors() {
        let text = #"{"id":"T3","district":"500103","mode":"tv","seats":0,"starts_at":"2026-12-01T09:00:00+08:00","ends_at":"2026-12-01T09:00:00+08:00"}"#
        let decoded = Interchange.decodeTraining(Array(text.utf8))
        #expect(decoded.record == nil)
        #expect(decoded.errors.map(\.field).sorted() == ["ends_at", "mode", "seats", "title"])
    }

    @Test("service entries: every kind of the spec's table is known; the optional fields round-trip")
    func services() throws {
        let kinds = ["referral", "job_fair", "guidance", "training_enrolled", "training_completed", "entrepreneurship",
                     "immediate_help", "public_welfare_placement", "follow_up", "policy", "counseling"]
        #expect(ServiceKind.allCases.map(\.rawValue).sorted() == kinds.sorted())
        let text = #"{"applicant":"A1","kind":"referral","at":"2026-11-20T10:00:00+08:00","by":"王敏","note":"电话推介","job":"J7"}"#
        let s = try Interchange.decodeService(Array(text.utf8)).get()
        #expect(s.applicant == "A1" && s.kind == .referral && s.by == "王敏" && s.note == "电话推介" && s.job == "J7" && s.training == nil)
        #expect(s.interchangeJSON.jsonText == text)
        let minimal = #"{"applicant":"A1","kind":"follow_up","at":"2026-12-20T10:00:00+08:00"}"#
        #expect(try Interchange.decodeService(Array(minimal.utf8)).get().interchangeJSON.jsonText == minimal)
    }

    @Test("a training entry must name its course, a placement its post; unknown kinds are errors")
    func serviceErrors() {
        func fields(_ text: String) -> [String] { Interchange.decodeService(Array(text.utf8)).errors.map(\.field) }
        #expect(fields(#"{"applicant":"A1","kind":"training_completed","at":"2026-11-20T10:00:00+08:00"}"#) == ["training"])
        #expect(fields(#"{"applicant":"A1","kind":"training_enrolled","at":"2026-11-20T10:00:00+08:00"}"#) == ["training"])
        #expect(fields(#"{"applicant":"A1","kind":"public_welfare_placement","at":"2026-11-20T10:00:00+08:00"}"#) == ["job"])
        #expect(fields(#"{"applicant":"A1","kind":"visit","at":"2026-11-20T10:00:00+08:00"}"#) == ["kind"])
        #expect(fields(#"{"kind":"referral","at":"yesterday"}"#).sorted() == ["applicant", "at"])
    }

    @Test("an applicant's household is read and written back; a version 1 line stays valid and unchanged")
    func household() throws {
        let v1 = InterchangeTests.minimalApplicant
        #expect(try Interchange.decodeApplicant(Array(v1.utf8)).get().household == nil)
        let v11 = String(v1.dropLast()) + #","household":"H-500103-0042"}"#
        let a = try Interchange.decodeApplicant(Array(v11.utf8)).get()
        #expect(a.household == "H-500103-0042")
        #expect(a.interchangeJSON.jsonText == v11)
        #expect(Interchange.decodeApplicant(Array((String(v1.dropLast()) + #","household":""}"#).utf8)).errors.map(\.field) == ["household"])
    }
}
