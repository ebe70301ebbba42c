/// The one policy for showing a person's record of assistance (`services.jsonl` entries) to a caller who does not
/// serve the person (an evaluator): which kinds are withheld because the kind itself reveals something the sensitive
/// reasons withhold (``SensitiveReasons``), and which fields go.
public enum SensitiveServices {
    /// The kinds never shown outside the person's own caseworkers, each with what it reveals and why.
    public static let withheldKinds: [(kind: ServiceKind, reveals: SensitiveReasons.Reveals, why: String)] = [
        (.immediateHelp, .assistanceGroup, "即时岗位援助 is given only to zero-employment households (零就业家庭)"),
        (.publicWelfarePlacement, .assistanceGroup, "公益性岗位安置 is open only to people certified in an assistance group"),
        (.counseling, .disability, "心理疏导 points to the person's mental health"),
    ]

    /// The entries as such a caller sees them: withheld kinds left out, and no `by` (a staff name) and no `note`
    /// (free text, which may say anything); the posting or course an entry names stays (both are public).
    public static func shown(_ entries: [ServiceRecord]) -> [ServiceRecord] {
        let withheld = Set(withheldKinds.map(\.kind))
        return entries.filter { !withheld.contains($0.kind) }.map { entry in
            var copy = entry
            copy.by = nil
            copy.note = nil
            return copy
        }
    }
}
