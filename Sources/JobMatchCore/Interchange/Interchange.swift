import Foundation

/// The interchange format, version 1.1 (`shared/spec/interchange.md`): decoding one JSON line
/// into a validated record, and encoding a record back to the same shape. Version 1.1 only adds optional
/// parts (an applicant's `household`, `trainings.jsonl`, `services.jsonl`): every version 1 data set is valid.
public enum Interchange {
    /// The format version this code reads and writes.
    public static let version = "1.1"

    /// The files of a data set, in the order they must be read: a file's references point to files before it.
    /// `applicants.jsonl` and `jobs.jsonl` are required; the others may be absent (read as empty).
    public enum File: String, CaseIterable, Sendable {
        case applicants = "applicants.jsonl"
        case jobs = "jobs.jsonl"
        case interactions = "interactions.jsonl"
        /// Version 1.1: the training courses on offer.
        case trainings = "trainings.jsonl"
        /// Version 1.1: the record of assistance; names applicants, jobs and trainings.
        case services = "services.jsonl"

        /// True for the files a data set may leave out.
        public var isOptional: Bool { self != .applicants && self != .jobs }
        /// True for the files version 1.1 added (absent from every version 1 data set).
        public var isVersion11: Bool { self == .trainings || self == .services }
    }

    /// One problem with one field of one record.
    public struct Issue: Error, Hashable, Sendable, CustomStringConvertible {
        /// Dotted path of the field (`preferences.max_commute_km`, `experience[2].years`); empty for the whole record.
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        public var description: String { field.isEmpty ? message : "\(field): \(message)" }
    }

    /// The outcome of decoding one record: the value when there were no errors, and every issue found.
    public struct Decoded<Record: Sendable>: Sendable {
        public var record: Record?
        public var errors: [Issue]
        /// Unknown fields, which are ignored (forward compatibility).
        public var warnings: [Issue]

        /// The record, or the first error as a ``JobMatchError`` naming its field.
        public func get() throws(JobMatchError) -> Record {
            if let record, errors.isEmpty { return record }
            let first = errors.first ?? Issue(field: "", message: "invalid record")
            let extra = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
            throw JobMatchError(.invalidRecord, first.message + extra, field: first.field.isEmpty ? nil : first.field)
        }
    }

    /// Decodes an applicant from one line of `applicants.jsonl` (or a request body of that shape).
    public static func decodeApplicant(_ json: some DataProtocol) -> Decoded<Applicant> {
        decode(json) { Applicant(interchange: $0) }
    }

    /// Decodes a job posting from one line of `jobs.jsonl` (or a request body of that shape).
    public static func decodeJob(_ json: some DataProtocol) -> Decoded<Job> {
        decode(json) { Job(interchange: $0) }
    }

    /// Decodes an interaction from one line of `interactions.jsonl` (or a request body of that shape).
    public static func decodeInteraction(_ json: some DataProtocol) -> Decoded<Interaction> {
        decode(json) { Interaction(interchange: $0) }
    }

    /// Decodes a training course from one line of `trainings.jsonl` (1.1; or a request body of that shape).
    public static func decodeTraining(_ json: some DataProtocol) -> Decoded<Training> {
        decode(json) { Training(interchange: $0) }
    }

    /// Decodes an entry of the record of assistance from one line of `services.jsonl` (1.1; or a request body).
    public static func decodeService(_ json: some DataProtocol) -> Decoded<ServiceRecord> {
        decode(json) { ServiceRecord(interchange: $0) }
    }

    /// Parses JSON text into a ``JSONValue``, or says why it is not JSON.
    public static func parse(_ json: some DataProtocol) -> Result<JSONValue, Issue> {
        do {
            return .success(try JSONParser.parse(json))
        } catch {
            return .failure(Issue(field: "", message: "not valid JSON: \(error)"))
        }
    }

    static func decode<Record>(_ json: some DataProtocol, _ build: (ObjectReader) -> Record?) -> Decoded<Record> {
        let value: JSONValue
        switch parse(json) {
        case let .success(parsed): value = parsed
        case let .failure(issue): return Decoded(record: nil, errors: [issue], warnings: [])
        }
        let log = IssueLog()
        guard let reader = ObjectReader(value, path: "", log: log) else {
            return Decoded(record: nil, errors: log.errors, warnings: log.warnings)
        }
        let record = build(reader)
        return Decoded(record: log.errors.isEmpty ? record : nil, errors: log.errors, warnings: log.warnings)
    }

    /// Six-digit administrative district codes (`500103`).
    public static func isDistrictCode(_ code: String) -> Bool {
        code.utf8.count == 6 && code.utf8.allSatisfy { (48...57).contains($0) }
    }
}
