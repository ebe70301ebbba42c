/// The thresholds of the supervision signals (docs/supervision.md lists them with their defaults).
public struct SupervisionConfiguration: Sendable, Hashable {
    /// Job types counted as a market job a public-welfare occupant should not also hold. Default: full- and part-time.
    public var marketJobTypes: Set<JobType>
    /// Roles whose tokens are compared with their peers for heavy reading. Default: `caseworker`, `evaluator`.
    public var peerComparedRoles: Set<String>
    /// A token is a heavy reader when it read more distinct people than this factor × its peers' median. Default 5.
    public var heavyReaderFactor: Double
    /// ... and at least this many distinct people (so small numbers are not flagged). Default 20.
    public var heavyReaderMinimum: Int
    /// Roles whose reads of people they never served are flagged. Default: `caseworker`.
    public var servedCheckRoles: Set<String>
    /// A token is flagged when it read at least this many distinct people outside what it serves. Default 3.
    public var unservedReadsMinimum: Int
    /// Working hours in local time (UTC offset ``localOffsetSeconds``): reads at `start ≤ hour < end` are in hours. Default 8…18.
    public var workingHoursStart: Int
    public var workingHoursEnd: Int
    /// Saturdays and Sundays count as outside working hours. Default true.
    public var weekendsOutsideHours: Bool
    /// The local time zone of the working hours, seconds east of UTC. Default +08:00 (Asia/Shanghai, no DST).
    public var localOffsetSeconds: Int
    /// A token is flagged when it made at least this many reads outside working hours. Default 1.
    public var offHoursMinimum: Int
    /// A burst: at least ``burstCount`` recommendation lists of one person by one token within ``burstWindowSeconds``. Defaults 10 in 600 s.
    public var burstCount: Int
    public var burstWindowSeconds: Double

    public init(
        marketJobTypes: Set<JobType> = [.fullTime, .partTime], peerComparedRoles: Set<String> = ["caseworker", "evaluator"],
        heavyReaderFactor: Double = 5, heavyReaderMinimum: Int = 20, servedCheckRoles: Set<String> = ["caseworker"],
        unservedReadsMinimum: Int = 3, workingHoursStart: Int = 8, workingHoursEnd: Int = 18, weekendsOutsideHours: Bool = true,
        localOffsetSeconds: Int = Timestamp.chinaOffsetSeconds, offHoursMinimum: Int = 1, burstCount: Int = 10,
        burstWindowSeconds: Double = 600
    ) {
        self.marketJobTypes = marketJobTypes
        self.peerComparedRoles = peerComparedRoles
        self.heavyReaderFactor = heavyReaderFactor
        self.heavyReaderMinimum = heavyReaderMinimum
        self.servedCheckRoles = servedCheckRoles
        self.unservedReadsMinimum = unservedReadsMinimum
        self.workingHoursStart = workingHoursStart
        self.workingHoursEnd = workingHoursEnd
        self.weekendsOutsideHours = weekendsOutsideHours
        self.localOffsetSeconds = localOffsetSeconds
        self.offHoursMinimum = offHoursMinimum
        self.burstCount = burstCount
        self.burstWindowSeconds = burstWindowSeconds
    }

    /// True when `time` falls inside working hours, in the configured local time.
    public func isWorkingTime(_ time: Timestamp) -> Bool {
        let local = Int((time.secondsSince1970 + Double(localOffsetSeconds)).rounded(.down))
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let hour = (local - day * 86_400) / 3600
        // 1970-01-01 was a Thursday: weekday 0 = Monday.
        let weekday = ((day + 3) % 7 + 7) % 7
        if weekendsOutsideHours, weekday >= 5 { return false }
        return hour >= workingHoursStart && hour < workingHoursEnd
    }
}
