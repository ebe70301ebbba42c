/// A job posting (岗位), as in `jobs.jsonl`.
///
/// Optional lists are empty when absent; export omits empty lists, so a round trip keeps the data.
public struct Job: Hashable, Sendable, Identifiable {
    public var id: String
    public var employer: Employer
    public var title: String
    public var description: String?
    /// An occupation code; codes the service knows carry their meaning, others are opaque labels.
    public var occupation: String?
    public var district: String
    public var location: GeoPoint?
    /// nil when the file does not say; treated as not remote.
    public var remote: Bool?
    public var jobType: JobType
    public var schedule: [Schedule]
    public var hoursPerWeek: Double?
    public var wage: Wage?
    public var educationMin: Education?
    public var age: AgeRange?
    public var skillsRequired: [String]
    public var skillsPreferred: [String]
    public var certificatesRequired: [String]
    public var demands: Demands?
    public var accommodations: [Accommodation]
    public var tags: [JobTag]
    public var openings: Int
    public var postedAt: Timestamp
    public var expiresAt: Timestamp
    public var status: JobStatus

    public init(
        id: String, employer: Employer, title: String, description: String? = nil, occupation: String? = nil,
        district: String, location: GeoPoint? = nil, remote: Bool? = nil, jobType: JobType,
        schedule: [Schedule] = [], hoursPerWeek: Double? = nil, wage: Wage? = nil, educationMin: Education? = nil,
        age: AgeRange? = nil, skillsRequired: [String] = [], skillsPreferred: [String] = [],
        certificatesRequired: [String] = [], demands: Demands? = nil, accommodations: [Accommodation] = [],
        tags: [JobTag] = [], openings: Int, postedAt: Timestamp, expiresAt: Timestamp, status: JobStatus
    ) {
        self.id = id
        self.employer = employer
        self.title = title
        self.description = description
        self.occupation = occupation
        self.district = district
        self.location = location
        self.remote = remote
        self.jobType = jobType
        self.schedule = schedule
        self.hoursPerWeek = hoursPerWeek
        self.wage = wage
        self.educationMin = educationMin
        self.age = age
        self.skillsRequired = skillsRequired
        self.skillsPreferred = skillsPreferred
        self.certificatesRequired = certificatesRequired
        self.demands = demands
        self.accommodations = accommodations
        self.tags = tags
        self.openings = openings
        self.postedAt = postedAt
        self.expiresAt = expiresAt
        self.status = status
    }

    public var isRemote: Bool { remote ?? false }

    /// The demand levels in force: missing levels are `low`.
    public var effectiveDemands: Demands { demands ?? Demands() }

    /// Open at `time`: status `open`, posted at or before it, and not yet expired (hard rule 1).
    public func isOpen(at time: Timestamp) -> Bool {
        status == .open && postedAt <= time && time < expiresAt
    }

    public func has(_ tag: JobTag) -> Bool { tags.contains(tag) }
    public func offers(_ accommodation: Accommodation) -> Bool { accommodations.contains(accommodation) }
}

/// The employer behind a posting.
public struct Employer: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Pays a large 残保金 (disability employment levy); nil when not stated.
    public var disabilityLevyPayer: Bool?

    public init(id: String, name: String, disabilityLevyPayer: Bool? = nil) {
        self.id = id
        self.name = name
        self.disabilityLevyPayer = disabilityLevyPayer
    }
}

/// A wage range and the unit it is quoted in.
public struct Wage: Hashable, Sendable {
    public var min: Double?
    public var max: Double?
    public var unit: WageUnit

    public init(min: Double?, max: Double?, unit: WageUnit) {
        self.min = min
        self.max = max
        self.unit = unit
    }
}

/// Age limits stated in a posting.
public struct AgeRange: Hashable, Sendable {
    public var min: Int?
    public var max: Int?

    public init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }

    public func contains(_ age: Int) -> Bool {
        if let min, age < min { return false }
        if let max, age > max { return false }
        return true
    }
}

/// Physical and mental demands of a posting; a missing level is `low`.
public struct Demands: Hashable, Sendable {
    /// The nine demand names, in the spec's order.
    public enum Kind: String, CaseIterable, Sendable {
        case vision, hearing, speech, lifting, standing, walking
        case fineMotor = "fine_motor"
        case cognitive, stress
    }

    /// Levels as written; absent kinds are not stored, so export writes back what was read.
    public var stated: [Kind: DemandLevel]

    public init(_ stated: [Kind: DemandLevel] = [:]) { self.stated = stated }

    /// The level in force for a kind: `low` when not stated.
    public subscript(kind: Kind) -> DemandLevel {
        get { stated[kind] ?? .low }
        set { stated[kind] = newValue }
    }
}
