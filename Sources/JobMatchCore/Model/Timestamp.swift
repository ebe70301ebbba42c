import Foundation

/// An RFC 3339 time with its UTC offset, as the interchange format writes it
/// (`2026-11-01T08:00:00+08:00`).
///
/// The original text is kept so that export writes back exactly what was imported;
/// ordering and equality of instants use ``secondsSince1970``.
public struct Timestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The RFC 3339 text.
    public let text: String
    /// The instant, in seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Double
    /// The offset from UTC, in seconds, that the text was written with.
    public let utcOffsetSeconds: Int

    /// China Standard Time, the offset that Chongqing writes its times in.
    public static let chinaOffsetSeconds = 8 * 3600

    /// Parses RFC 3339 (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`); nil when malformed.
    public init?(rfc3339 text: String) {
        guard let parsed = RFC3339.parse(text) else { return nil }
        self.text = text
        self.secondsSince1970 = parsed.seconds
        self.utcOffsetSeconds = parsed.offset
    }

    /// Formats an instant at a UTC offset (whole seconds, or milliseconds when fractional).
    public init(secondsSince1970: Double, utcOffsetSeconds: Int = Timestamp.chinaOffsetSeconds) {
        self.secondsSince1970 = secondsSince1970
        self.utcOffsetSeconds = utcOffsetSeconds
        self.text = RFC3339.format(seconds: secondsSince1970, offset: utcOffsetSeconds)
    }

    /// Formats a `Date` at a UTC offset.
    public init(_ date: Date, utcOffsetSeconds: Int = Timestamp.chinaOffsetSeconds) {
        self.init(secondsSince1970: date.timeIntervalSince1970, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The current time in China Standard Time, to the second.
    public static func now() -> Timestamp {
        Timestamp(secondsSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    public var date: Date { Date(timeIntervalSince1970: secondsSince1970) }

    /// The calendar year at the timestamp's own offset: "the year of T" in the age rule.
    public var year: Int { RFC3339.civil(fromSeconds: Int(floor(secondsSince1970)) + utcOffsetSeconds).year }

    /// A timestamp `seconds` later, written at the same offset.
    public func adding(seconds: Double) -> Timestamp {
        Timestamp(secondsSince1970: secondsSince1970 + seconds, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// A timestamp `days` later, written at the same offset.
    public func adding(days: Double) -> Timestamp { adding(seconds: days * 86_400) }

    public var description: String { text }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// Two timestamps are equal when they name the same instant with the same text.
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 time with offset: \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// RFC 3339 parsing and formatting without Foundation's date formatters (fast, locale-free).
enum RFC3339 {
    static func parse(_ text: String) -> (seconds: Double, offset: Int)? {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for i in start..<(start + count) {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == UInt8(ascii: "-"),
              let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
              let day = digits(8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              let hour = digits(11, 2), b[13] == UInt8(ascii: ":"),
              let minute = digits(14, 2), b[16] == UInt8(ascii: ":"),
              let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day),
              hour < 24, minute < 60, second < 61
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, (48...57).contains(b[i]) {
                fraction += Double(Int(b[i]) - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let oh = digits(i + 1, 2), b.count > i + 3, b[i + 3] == UInt8(ascii: ":"),
                  let om = digits(i + 4, 2), oh < 24, om < 60
            else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        return (Double(local - offset) + fraction, offset)
    }

    static func format(seconds: Double, offset: Int) -> String {
        let whole = Int(floor(seconds))
        let millis = Int(((seconds - Double(whole)) * 1000).rounded())
        let local = whole + offset
        let (year, month, day) = civil(fromSeconds: local)
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var text = "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
        if millis > 0 && millis < 1000 {
            text += "." + String(String(millis + 1000).dropFirst())
        }
        if offset == 0 { return text + "Z" }
        let sign = offset < 0 ? "-" : "+"
        return text + "\(sign)\(two(abs(offset) / 3600)):\(two(abs(offset) / 60 % 60))"
    }

    static func civil(fromSeconds seconds: Int) -> (year: Int, month: Int, day: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return civilFromDays(days)
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
