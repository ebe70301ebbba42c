/// Splits Chinese and mixed text into the terms the text features count:
/// character n-grams of CJK runs and whole lower-cased words of Latin letters and digits.
public struct TextTokenizer: Sendable, Hashable, Codable {
    /// The n-gram lengths taken from runs of CJK characters (default 1…2).
    public var minGram: Int
    public var maxGram: Int

    public init(minGram: Int = 1, maxGram: Int = 2) {
        self.minGram = max(1, minGram)
        self.maxGram = max(self.minGram, maxGram)
    }

    /// The terms of `text`, in order, with repeats.
    public func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var cjk: [Character] = []
        var word = ""
        func flushCJK() {
            guard !cjk.isEmpty else { return }
            for n in minGram...maxGram where n <= cjk.count {
                for start in 0...(cjk.count - n) { terms.append(String(cjk[start..<(start + n)])) }
            }
            cjk.removeAll(keepingCapacity: true)
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            terms.append("w:" + word)
            word = ""
        }
        for character in text {
            if Self.isCJK(character) {
                flushWord()
                cjk.append(character)
            } else if character.isLetter || character.isNumber {
                flushCJK()
                word += character.lowercased()
            } else {
                flushCJK()
                flushWord()
            }
        }
        flushCJK()
        flushWord()
        return terms
    }

    /// CJK unified ideographs (basic block and extension A).
    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
