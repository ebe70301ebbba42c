/// The one public error type of JobMatch: a stable code, a message for people,
/// and where it happened (file and line, or a field).
///
/// Only the server maps codes to HTTP statuses; the core and the store just say what went wrong.
public struct JobMatchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable, machine-readable error codes.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A record or request failed validation.
        public static let invalidRecord = Code(rawValue: "invalid_record")
        /// Input that is not parseable at all (bad JSON, bad time).
        public static let malformedInput = Code(rawValue: "malformed_input")
        /// A referenced applicant, job or model does not exist.
        public static let notFound = Code(rawValue: "not_found")
        /// A file or folder could not be read or written.
        public static let io = Code(rawValue: "io")
        /// The caller is not known (no or bad credentials).
        public static let unauthenticated = Code(rawValue: "unauthenticated")
        /// The caller is known but may not do this.
        public static let forbidden = Code(rawValue: "forbidden")
        /// The request conflicts with the current state.
        public static let conflict = Code(rawValue: "conflict")
        /// A quality gate or precondition refused the operation.
        public static let refused = Code(rawValue: "refused")
        /// An invariant broke inside JobMatch.
        public static let `internal` = Code(rawValue: "internal")
    }

    public var code: Code
    public var message: String
    /// The field the error is about, as a dotted path (`preferences.max_commute_km`).
    public var field: String?
    /// The file the error is about.
    public var file: String?
    /// The 1-based line in `file`.
    public var line: Int?

    public init(_ code: Code, _ message: String, field: String? = nil, file: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.file = file
        self.line = line
    }

    /// `file:line: field: message`, leaving out the parts that are not known.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(line.map { "\(file):\($0)" } ?? file) }
        if let field { parts.append(field) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
