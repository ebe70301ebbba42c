import JobMatchCore
import Testing

@Suite("RFC 3339 timestamps")
struct TimestampTests {
    @Test("parses offsets, Z and fractions to the right instant")
    func parses() throws {
        let china = try #require(Timestamp(rfc3339: "2026-11-01T08:00:00+08:00"))
        let utc = try #require(Timestamp(rfc3339: "2026-11-01T00:00:00Z"))
        #expect(china.secondsSince1970 == utc.secondsSince1970)
        #expect(china.secondsSince1970 == 1_793_491_200)
        #expect(Timestamp(rfc3339: "2026-11-01T00:00:00.250-05:00")?.secondsSince1970 == 1_793_509_200.25)
        #expect(Timestamp(rfc3339: "1970-01-01T00:00:00Z")?.secondsSince1970 == 0)
        #expect(Timestamp(rfc3339: "2024-02-29T12:00:00+08:00") != nil)
    }

    @Test("rejects what is not RFC 3339 with offset", arguments: [
        "2026-11-01", "2026-11-01T08:00:00", "2026-13-01T08:00:00Z", "2026-02-30T08:00:00Z",
        "2025-02-29T08:00:00Z", "2026-11-01T25:00:00Z", "2026-11-01T08:00:00+0800", "2026-11-01T08:00:00Zjunk", "",
    ])
    func rejects(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("keeps the text it was given and formats new times in China Standard Time")
    func formats() throws {
        #expect(Timestamp(rfc3339: "2026-11-01T00:00:00.250-05:00")?.text == "2026-11-01T00:00:00.250-05:00")
        #expect(Timestamp(secondsSince1970: 1_793_491_200).text == "2026-11-01T08:00:00+08:00")
        #expect(Timestamp(secondsSince1970: 1_793_491_200.5, utcOffsetSeconds: 0).text == "2026-11-01T00:00:00.500Z")
        let t = try #require(Timestamp(rfc3339: "2026-12-31T20:00:00-05:00"))
        #expect(t.adding(days: 1).text == "2027-01-01T20:00:00-05:00")
    }

    @Test("the year of T is read at T's own offset")
    func yearAtOffset() throws {
        #expect(try #require(Timestamp(rfc3339: "2026-12-31T20:00:00-05:00")).year == 2026)
        #expect(try #require(Timestamp(rfc3339: "2027-01-01T01:00:00+08:00")).year == 2027)
        let sameInstantInUTC = try #require(Timestamp(rfc3339: "2026-12-31T17:00:00Z"))
        #expect(sameInstantInUTC.year == 2026)
    }
}
