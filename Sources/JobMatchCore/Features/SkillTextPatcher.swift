/// An applicant's text block for the same person with skills added (a course's), without tokenizing and hashing
/// the whole document again for every course: the document is the skills, then the rest (titles, wishes, free
/// text), joined by spaces, so its terms are the skills' terms followed by the rest's, and the added skills'
/// terms come between. Each distinct term is hashed and weighted once; the block is then summed in the order the
/// terms first occur, with the same products as ``FeatureExtractor/writeText(_:block:into:)`` (the same floats).
struct SkillTextPatcher {
    let range: Range<Int>
    private var ids: [String: Int] = [:]
    private var entries: [(index: Int, sign: Float, weight: Float)] = []
    private var head: [Int] = []
    private var tail: [Int] = []
    private let extractor: FeatureExtractor

    init(extractor: FeatureExtractor, applicant a: Applicant) {
        self.extractor = extractor
        range = extractor.layout[.text]
        head = ids(of: a.skills)
        tail = ids(of: a.experience.map(\.title) + a.preferences.occupations + [a.profileText ?? ""])
    }

    /// Ids of the terms of `parts` joined by spaces, in order, with repeats.
    private mutating func ids(of parts: [String]) -> [Int] {
        extractor.tokenizer.terms(parts.joined(separator: " ")).map { term in
            if let id = ids[term] { return id }
            let (index, sign) = StableHash.bucket(term, seed: extractor.configuration.seed &+ 1, count: range.count)
            ids[term] = entries.count
            entries.append((index, sign, extractor.model.vocabulary.weight(term)))
            return entries.count - 1
        }
    }

    /// The text block (zero before) of the person with `skills` added after their own.
    mutating func write(adding skills: [String], into v: inout [Float]) {
        guard !range.isEmpty else { return }
        let middle = skills.isEmpty ? [] : ids(of: skills)
        var counts = [Float](repeating: 0, count: entries.count)
        var order: [Int] = []
        for part in [head, middle, tail] {
            for id in part {
                if counts[id] == 0 { order.append(id) }
                counts[id] += 1
            }
        }
        for id in order {
            let e = entries[id]
            v[range.lowerBound + e.index] += e.sign * counts[id] * e.weight
        }
        FeatureExtractor.normalize(range, &v)
    }
}
