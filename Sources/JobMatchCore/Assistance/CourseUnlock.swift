/// What one course (or one certificate) would open for a person: the fitting postings it adds under every
/// hard rule (``UnlockComputation``), and where and when it runs.
public struct CourseUnlock: Sendable, Hashable {
    /// The course; nil for a certificate on its own (``CertificateUnlock``).
    public var training: Training?
    /// Skills and certificates the person would gain (the course's, less what they hold).
    public var addsSkills: [String]
    public var addsCertificates: [String]
    /// Fitting postings it adds: required certificate supplied and now fitting, or entering the top list.
    public var unlockedPostings: [String]
    /// Openings of those postings.
    public var unlockedOpenings: Int
    /// Of the unlocked postings, those that enter the person's top list.
    public var enteringTopList: Int
    /// Of the unlocked postings, those whose required certificates it supplies.
    public var certificateUnlocked: Int
    /// From home to the course (0 for online courses; district centres when a place is missing).
    public var distanceKm: Double

    /// The gain the ranking reads: how many fitting postings it adds.
    public var gain: Int { unlockedPostings.count }
}
