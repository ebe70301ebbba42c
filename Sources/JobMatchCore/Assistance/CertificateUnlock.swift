/// The certificate a person most lacks: the one required by the most postings that would otherwise fit,
/// what holding it adds, and the courses that give it.
public struct CertificateUnlock: Sendable, Hashable {
    public var certificate: String
    /// Allowed market postings that require it.
    public var postingsRequiring: Int
    /// What adding it alone to the profile adds (as for a course).
    public var unlock: CourseUnlock
    /// Courses the person can take that give it, best first (distance, then start).
    public var courses: [CourseUnlock]
}
