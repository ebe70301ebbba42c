/// When follow-up (跟踪服务) is due: revisits in the adaptation period (初入职适应期) and the stability period
/// (稳定期) after a hire, a reopened case after a separation, a stuck search, and a zero-employment household
/// every day until it is cleared. Configurable; the defaults are the notice's.
public struct FollowUpCalendar: Sendable, Hashable {
    /// Revisits in the adaptation period, in days after the hire.
    public var adaptationDays: [Double] = [30]
    /// Revisits in the stability period, in days after the hire.
    public var stabilityDays: [Double] = [90, 180]
    /// A revisit opens this many days before it is due: a `follow_up` recorded from then on closes it.
    public var earlyDays: Double = 7
    /// The stuck-search rule.
    public var stuck = StuckSearch()

    public init() {}

    /// The start of the day of `time` in China time (+08:00).
    public static func dayStart(_ time: Timestamp) -> Timestamp {
        let offset = Double(Timestamp.chinaOffsetSeconds)
        let day = ((time.secondsSince1970 + offset) / 86_400).rounded(.down)
        return Timestamp(secondsSince1970: day * 86_400 - offset)
    }

    /// The first instant of the month after the month of `time` (China time): "due this month" is before it.
    public static func nextMonthStart(_ time: Timestamp) -> Timestamp {
        let offset = Timestamp.chinaOffsetSeconds
        let civil = RFC3339.civil(fromSeconds: Int(time.secondsSince1970.rounded(.down)) + offset)
        let (year, month) = civil.month == 12 ? (civil.year + 1, 1) : (civil.year, civil.month + 1)
        let days = RFC3339.daysFromCivil(year: year, month: month, day: 1)
        return Timestamp(secondsSince1970: Double(days * 86_400 - offset))
    }
}
