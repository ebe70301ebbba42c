/// The one list of reason codes that say something about a person they may not want told: each code
/// with what it reveals and why. The API (for callers who do not serve the person) and the nightly push
/// file both leave these out, so nothing outside the person's own caseworker reveals a disability, an
/// assistance group (就业困难人员 categories), reduced work capacity or income.
///
/// A second, smaller list (``identifyingCodes``) holds reasons that are harmless to the person's
/// caseworker and to the person but help an evaluator re-identify someone (a home distance to 0.1 km).
public enum SensitiveReasons {
    /// What a sensitive reason reveals.
    public enum Reveals: String, Sendable, CaseIterable {
        case disability, assistanceGroup = "assistance_group", capacity, income, household, location
    }

    /// One sensitive code: what it reveals and why (from the reason's text and when the explainer emits it).
    public struct Entry: Sendable, Hashable {
        public var code: String
        public var reveals: Reveals
        public var why: String
    }

    /// Reasons never written to a push file and never shown to a caller who does not serve the person.
    public static let entries: [Entry] = [
        Entry(code: Reason.Code.publicWelfareFallback, reveals: .assistanceGroup,
              why: "公益性岗位托底安置 is only offered to people certified in an assistance group (就业困难人员)"),
        Entry(code: Reason.Code.publicWelfareWish, reveals: .assistanceGroup,
              why: "public-welfare posts are open only to certified people, so 本人愿意从事 implies the certification"),
        Entry(code: Reason.Code.tagDisabilityFriendly, reveals: .disability,
              why: "emitted only when the person has a disability (残疾人友好岗位)"),
        Entry(code: Reason.Code.accommodation, reveals: .disability,
              why: "names the accommodations that help the person's disability categories (提供便利)"),
        Entry(code: Reason.Code.tagAgeFriendly, reveals: .assistanceGroup,
              why: "emitted only for older workers (大龄, the 4050 assistance group)"),
        Entry(code: Reason.Code.doorstep, reveals: .assistanceGroup,
              why: "家门口就业 is emitted only for a parent at home, an older worker or a disabled person"),
        Entry(code: Reason.Code.flexible, reveals: .household,
              why: "emitted only for a parent at home or reduced capacity; 便于兼顾家庭 says there is a child or carer at home"),
        Entry(code: Reason.Code.hoursFit, reveals: .capacity,
              why: "符合工作能力 is emitted only when the person's work capacity is partial or limited"),
        Entry(code: Reason.Code.wageMeetsWish, reveals: .income,
              why: "states the person's own expected monthly wage (期望 N 元), an income detail"),
        Entry(code: Reason.Code.wageBelowWish, reveals: .income,
              why: "states the person's own expected monthly wage (期望 N 元), an income detail"),
    ]

    /// Reasons also withheld from evaluators, who judge lists under pseudonyms and must not re-identify anyone.
    public static let identifyingEntries: [Entry] = [
        Entry(code: Reason.Code.distance, reveals: .location,
              why: "the distance from home to a known workplace to 0.1 km narrows down where the person lives"),
    ]

    /// The codes of ``entries``.
    public static let codes: Set<String> = Set(entries.map(\.code))

    /// The codes of ``identifyingEntries``.
    public static let identifyingCodes: Set<String> = Set(identifyingEntries.map(\.code))

    /// `reasons` without the sensitive ones (and without the identifying ones when `identifying` is true).
    public static func withheld(from reasons: [Reason], identifying: Bool = false) -> [Reason] {
        reasons.filter { !codes.contains($0.code) && !(identifying && identifyingCodes.contains($0.code)) }
    }
}
