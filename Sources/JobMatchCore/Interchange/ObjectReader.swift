/// Errors and warnings collected while one record is decoded.
final class IssueLog {
    var errors: [Interchange.Issue] = []
    var warnings: [Interchange.Issue] = []

    func error(_ field: String, _ message: String) { errors.append(.init(field: field, message: message)) }
    func warning(_ field: String, _ message: String) { warnings.append(.init(field: field, message: message)) }
}

/// Reads typed fields from one JSON object, logging an issue that names the field for each problem.
///
/// `null` counts as absent: an optional field may be null, a required one may not.
struct ObjectReader {
    let path: String
    let fields: [String: JSONValue]
    let log: IssueLog

    init?(_ value: JSONValue, path: String, log: IssueLog) {
        guard case let .object(pairs) = value else {
            log.error(path, "expected an object, found \(value.typeName)")
            return nil
        }
        self.path = path
        self.fields = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        self.log = log
        if fields.count < pairs.count { logDuplicates(pairs) }
    }

    /// A key given twice is an error naming it: JSON leaves the meaning open, and keeping either value silently
    /// would import something the sender did not see.
    private func logDuplicates(_ pairs: [(key: String, value: JSONValue)]) {
        var seen = Set<String>(), reported = Set<String>()
        for (key, _) in pairs where !seen.insert(key).inserted && reported.insert(key).inserted {
            log.error(name(key), "duplicate key \"\(key)\"")
        }
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Warns about every key not in `known`: unknown fields are ignored.
    func warnUnknown(known: Set<String>) {
        for key in fields.keys.sorted() where !known.contains(key) {
            log.warning(name(key), "unknown field, ignored")
        }
    }

    /// The value of `key`, or nil when absent or null; logs "required" when it must be there.
    func value(_ key: String, required: Bool) -> JSONValue? {
        switch fields[key] {
        case nil, .null?:
            if required { log.error(name(key), "is required") }
            return nil
        case let value?:
            return value
        }
    }

    func string(_ key: String, required: Bool = false, nonEmpty: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case let .string(text) = value else {
            log.error(name(key), "expected a string, found \(value.typeName)")
            return nil
        }
        // Blank means every scalar is Unicode White_Space (the `pattern` docs/openapi.json states).
        if nonEmpty && text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            log.error(name(key), "must not be empty")
            return nil
        }
        return text
    }

    func double(_ key: String, required: Bool = false, in range: ClosedRange<Double>? = nil) -> Double? {
        guard let value = value(key, required: required) else { return nil }
        guard case let .number(number) = value else {
            log.error(name(key), "expected a number, found \(value.typeName)")
            return nil
        }
        if let range, !range.contains(number) {
            log.error(name(key), "\(JSONValue.numberText(number)) is outside \(JSONValue.numberText(range.lowerBound))…\(JSONValue.numberText(range.upperBound))")
            return nil
        }
        return number
    }

    func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        guard case let .number(number) = value, number == number.rounded(), abs(number) < 1e15 else {
            log.error(name(key), "expected an integer, found \(value.jsonText)")
            return nil
        }
        let integer = Int(number)
        if let range, !range.contains(integer) {
            log.error(name(key), "\(integer) is outside \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return integer
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key, required: false) else { return nil }
        guard case let .bool(flag) = value else {
            log.error(name(key), "expected true or false, found \(value.typeName)")
            return nil
        }
        return flag
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false) -> E? where E.RawValue == String {
        guard let value = value(key, required: required) else { return nil }
        return ObjectReader.enumCase(value, field: name(key), log: log)
    }

    static func enumCase<E: RawRepresentable & CaseIterable>(_ value: JSONValue, field: String, log: IssueLog) -> E? where E.RawValue == String {
        guard case let .string(text) = value else {
            log.error(field, "expected a string, found \(value.typeName)")
            return nil
        }
        guard let parsed = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            log.error(field, "unknown value \"\(text)\"; expected one of \(allowed)")
            return nil
        }
        return parsed
    }

    /// The elements of an array field, each with its indexed field name; empty when absent.
    func elements(_ key: String) -> [(field: String, value: JSONValue)] {
        guard let value = value(key, required: false) else { return [] }
        guard case let .array(items) = value else {
            log.error(name(key), "expected an array, found \(value.typeName)")
            return []
        }
        return items.enumerated().map { ("\(name(key))[\($0.offset)]", $0.element) }
    }

    func enumArray<E: RawRepresentable & CaseIterable>(_ key: String) -> [E] where E.RawValue == String {
        elements(key).compactMap { ObjectReader.enumCase($0.value, field: $0.field, log: log) }
    }

    func stringArray(_ key: String) -> [String] {
        elements(key).compactMap { field, value in
            guard case let .string(text) = value else {
                log.error(field, "expected a string, found \(value.typeName)")
                return nil
            }
            return text
        }
    }

    func time(_ key: String, required: Bool = false) -> Timestamp? {
        guard let text = string(key, required: required) else { return nil }
        guard let time = Timestamp(rfc3339: text) else {
            log.error(name(key), "\"\(text)\" is not an RFC 3339 time with offset (2026-11-01T08:00:00+08:00)")
            return nil
        }
        return time
    }

    func object(_ key: String, required: Bool = false) -> ObjectReader? {
        guard let value = value(key, required: required) else { return nil }
        return ObjectReader(value, path: name(key), log: log)
    }

    func objects(_ key: String) -> [ObjectReader] {
        elements(key).compactMap { ObjectReader($0.value, path: $0.field, log: log) }
    }

    func district(_ key: String) -> String? {
        guard let code = string(key, required: true) else { return nil }
        guard Interchange.isDistrictCode(code) else {
            log.error(name(key), "\"\(code)\" is not a six-digit district code")
            return nil
        }
        return code
    }

    func location(_ key: String) -> GeoPoint? {
        guard let point = object(key) else { return nil }
        point.warnUnknown(known: ["lat", "lng"])
        let lat = point.double("lat", required: true, in: -90...90)
        let lng = point.double("lng", required: true, in: -180...180)
        guard let lat, let lng else { return nil }
        return GeoPoint(lat: lat, lng: lng)
    }
}
