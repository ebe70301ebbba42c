/// Converts a posted wage to CNY per month so it can be set against `min_monthly_wage`.
public enum WageNormalizer {
    /// Working days in a month (the usual 21.75) and weeks in a month.
    public static let daysPerMonth = 21.75
    public static let weeksPerMonth = 4.345

    /// The monthly equivalent of the middle of the posted range; nil for piece rates or no figures.
    public static func monthly(_ wage: Wage?, hoursPerWeek: Double?) -> Double? {
        guard let wage else { return nil }
        let amount: Double
        switch (wage.min, wage.max) {
        case let (low?, high?): amount = (low + high) / 2
        case let (low?, nil): amount = low
        case let (nil, high?): amount = high
        case (nil, nil): return nil
        }
        guard amount.isFinite, amount > 0 else { return nil }
        switch wage.unit {
        case .month: return amount
        case .day:
            let days = hoursPerWeek.map { min(daysPerMonth, $0 / 8 * weeksPerMonth) } ?? daysPerMonth
            return amount * max(days, 1)
        case .hour: return amount * (hoursPerWeek ?? 40) * weeksPerMonth
        case .piece: return nil
        }
    }
}
