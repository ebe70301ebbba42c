import JobMatchCore

/// What the generator knows about an applicant beyond the written record: the truth the simulation uses.
struct Persona: Sendable {
    let archetype: Archetype
    /// Canonical skills (the record may spell some differently).
    let skills: Set<String>
    let certificates: Set<String>
    /// Years of experience per occupation index.
    let experienceYears: [Int: Double]
    /// Sectors of past jobs.
    let sectors: Set<Sector>
    let districtIndex: Int
    /// When the person registered with the employment service.
    let registeredAt: Timestamp
    /// How actively the person looks (1 = typical).
    let activity: Double
}
