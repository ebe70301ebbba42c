/// Normalises skill, certificate and occupation tags to canonical terms (保洁员, 清洁 → 保洁),
/// and finds known terms inside free text such as job titles.
public struct SkillVocabulary: Codable, Sendable, Hashable {
    /// Variant (lower-cased, trimmed) → canonical term.
    public private(set) var canonicalByVariant: [String: String]

    public init(canonicalByVariant: [String: String]) {
        self.canonicalByVariant = canonicalByVariant
        var lengths: [Character: Set<Int>] = [:]
        for variant in canonicalByVariant.keys where variant.count >= 2 {
            lengths[variant.first!, default: []].insert(variant.count)
        }
        variantLengthsByFirst = lengths.mapValues { $0.sorted(by: >) }
    }

    /// The curated synonyms alone.
    public static var curated: SkillVocabulary {
        var map: [String: String] = [:]
        for (canonical, variants) in curatedSynonyms {
            map[fold(canonical)] = canonical
            for variant in variants { map[fold(variant)] = canonical }
        }
        return SkillVocabulary(canonicalByVariant: map)
    }

    /// Suffixes that name the person doing the work (保洁员, 焊工, 厨师); stripped when the stem is a known term.
    static let agentSuffixes = ["人员", "员", "工", "师", "手"]

    /// The canonical form of a tag: the synonym it belongs to, or its stem without an agent suffix
    /// when that stem is known, or else the folded tag itself (an opaque label still matches itself).
    public func canonical(_ tag: String) -> String {
        let folded = Self.fold(tag)
        if let known = canonicalByVariant[folded] { return known }
        for suffix in Self.agentSuffixes where folded.hasSuffix(suffix) && folded.count > suffix.count {
            let stem = String(folded.dropLast(suffix.count))
            if let known = canonicalByVariant[stem] { return known }
        }
        return folded
    }

    /// Canonical terms of every known variant that occurs in `text` (longest match first at each position).
    public func terms(in text: String) -> [String] {
        let characters = Array(Self.fold(text))
        guard !characters.isEmpty, !variantLengthsByFirst.isEmpty else { return [] }
        var found: [String] = []
        var seen: Set<String> = []
        var start = 0
        while start < characters.count {
            var matched = 0
            // Only the lengths of variants that start with this character (most characters start none).
            for length in variantLengthsByFirst[characters[start]] ?? [] where length <= characters.count - start {
                let piece = String(characters[start..<(start + length)])
                if let canonical = canonicalByVariant[piece] {
                    if seen.insert(canonical).inserted { found.append(canonical) }
                    matched = length
                    break
                }
            }
            start += max(1, matched)
        }
        return found
    }

    /// Adds data tags whose stem (without an agent suffix) is a known or another data tag,
    /// so 保洁员 learned from the data maps to 保洁. Returns the extended vocabulary.
    public func learning(tags: some Sequence<String>) -> SkillVocabulary {
        var map = canonicalByVariant
        let folded = Set(tags.map(Self.fold))
        for tag in folded.sorted() where map[tag] == nil {
            for suffix in Self.agentSuffixes where tag.hasSuffix(suffix) && tag.count > suffix.count {
                let stem = String(tag.dropLast(suffix.count))
                if let known = map[stem] {
                    map[tag] = known
                    break
                }
                if folded.contains(stem) {
                    map[tag] = stem
                    map[stem] = map[stem] ?? stem
                    break
                }
            }
        }
        return SkillVocabulary(canonicalByVariant: map)
    }

    /// Trimmed and lower-cased; full-width spaces count as spaces.
    public static func fold(_ tag: String) -> String {
        tag.lowercased().trimmingSpaces
    }

    /// For each first character, the lengths (≥ 2, longest first) of the variants that start with it.
    private var variantLengthsByFirst: [Character: [Int]]

    private enum CodingKeys: String, CodingKey { case variants, canonicals }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let sorted = canonicalByVariant.sorted { $0.key < $1.key }
        try container.encode(sorted.map(\.key), forKey: .variants)
        try container.encode(sorted.map(\.value), forKey: .canonicals)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let variants = try container.decode([String].self, forKey: .variants)
        let canonicals = try container.decode([String].self, forKey: .canonicals)
        self.init(canonicalByVariant: Dictionary(zip(variants, canonicals), uniquingKeysWith: { first, _ in first }))
    }
}

extension String {
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
