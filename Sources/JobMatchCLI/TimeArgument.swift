import ArgumentParser
import JobMatchCore

/// Parses time arguments (`--as-of`, `--shift-to`): `now` or an RFC 3339 time with offset.
enum TimeArgument {
    static func parse(_ text: String, option: String) throws -> Timestamp {
        if text == "now" { return Timestamp.now() }
        guard let time = Timestamp(rfc3339: text) else {
            throw ValidationError("\(option): \"\(text)\" is not 'now' or an RFC 3339 time such as 2026-11-30T09:00:00+08:00")
        }
        return time
    }
}
