/// The occupations employment-assistance clients in Chongqing take, as data tables.
///
/// Rows are split by field of work over `OccupationCatalogue+*.swift`; codes are stable and distinct.
public enum OccupationCatalogue {
    /// Every occupation, in a fixed order (the generator's draws depend on it).
    public static let all: [Occupation] = services + industry + community

    /// The occupation with a code.
    public static func occupation(code: String) -> Occupation? { byCode[code] }

    /// Position of each code in ``all``.
    static let indexByCode: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.code, $0) })

    private static let byCode: [String: Occupation] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
}
