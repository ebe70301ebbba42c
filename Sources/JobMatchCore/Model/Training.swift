/// A training course on offer, as in `trainings.jsonl` (interchange 1.1): what a person holds after completing it
/// (skills and certificates) and when and where it runs.
public struct Training: Hashable, Sendable, Identifiable {
    public var id: String
    /// e.g. `家政服务员（育婴）培训`.
    public var title: String
    /// The training institution.
    public var provider: String?
    /// Six-digit district code.
    public var district: String
    public var location: GeoPoint?
    /// nil when the file does not say; treated as `in_person`.
    public var mode: TrainingMode?
    /// Skills a person holds after completing it.
    public var skills: [String]
    /// Certificates obtained on completion (`健康证`, `电工证`, `叉车证` …).
    public var certificates: [String]
    public var educationMin: Education?
    /// Total course hours.
    public var hours: Double?
    public var startsAt: Timestamp
    /// After ``startsAt``.
    public var endsAt: Timestamp
    /// At least 1 when given.
    public var seats: Int?
    /// A vocational training subsidy (职业培训补贴) applies.
    public var subsidized: Bool?

    public init(
        id: String, title: String, provider: String? = nil, district: String, location: GeoPoint? = nil, mode: TrainingMode? = nil,
        skills: [String] = [], certificates: [String] = [], educationMin: Education? = nil, hours: Double? = nil,
        startsAt: Timestamp, endsAt: Timestamp, seats: Int? = nil, subsidized: Bool? = nil
    ) {
        self.id = id
        self.title = title
        self.provider = provider
        self.district = district
        self.location = location
        self.mode = mode
        self.skills = skills
        self.certificates = certificates
        self.educationMin = educationMin
        self.hours = hours
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.seats = seats
        self.subsidized = subsidized
    }

    /// The mode in force: `in_person` unless the file says otherwise.
    public var effectiveMode: TrainingMode { mode ?? .inPerson }
}

/// How a course is given.
public enum TrainingMode: String, CaseIterable, Codable, Sendable {
    case inPerson = "in_person"
    case online
}
