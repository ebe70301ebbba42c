import JobMatchCore

/// Times in query strings (`as_of`, `since`, `due_before`): RFC 3339 with an offset. A bare `+` in a query
/// string may arrive as a space; it is read back as the offset's sign. One definition for every route.
enum QueryTime {
    /// The time in `text`, nil when absent; a `400` naming `field` when it is not an RFC 3339 time.
    static func parse(_ text: String?, field: String) throws -> Timestamp? {
        guard let text else { return nil }
        guard let time = Timestamp(rfc3339: text) ?? Timestamp(rfc3339: text.replacingOccurrences(of: " ", with: "+")) else {
            throw Problem.badRequest("\(field) must be an RFC 3339 time with offset", field: field)
        }
        return time
    }
}
