import Foundation

/// Inverse document frequencies of text terms, learned from a corpus of applicant and job texts.
///
/// Terms seen in fewer than `minimumDocumentFrequency` documents are not stored; they get ``unseenWeight``.
public struct TextVocabulary: Sendable, Hashable {
    /// How many documents the frequencies were counted over.
    public var documentCount: Int
    /// Smoothed IDF, `ln((1 + N) / (1 + df)) + 1`, per stored term.
    public var idf: [String: Float]

    public init(documentCount: Int, idf: [String: Float]) {
        self.documentCount = documentCount
        self.idf = idf
    }

    /// The weight of a term that the corpus did not show often enough to store.
    public var unseenWeight: Float { Float(Self.smoothedIDF(documentCount: documentCount, frequency: 0)) }

    /// The IDF weight of a term.
    public func weight(_ term: String) -> Float { idf[term] ?? unseenWeight }

    public static func smoothedIDF(documentCount: Int, frequency: Int) -> Double {
        log(Double(1 + documentCount) / Double(1 + frequency)) + 1
    }

    /// Counts document frequencies over `documents` (each a list of terms, repeats allowed).
    public static func learn(documents: [[String]], minimumDocumentFrequency: Int) -> TextVocabulary {
        var frequency: [String: Int] = [:]
        for document in documents {
            for term in Set(document) { frequency[term, default: 0] += 1 }
        }
        var idf: [String: Float] = [:]
        for (term, count) in frequency where count >= minimumDocumentFrequency {
            idf[term] = Float(smoothedIDF(documentCount: documents.count, frequency: count))
        }
        return TextVocabulary(documentCount: documents.count, idf: idf)
    }
}

extension TextVocabulary: Codable {
    private enum CodingKeys: String, CodingKey { case documentCount = "document_count", terms, idf }

    /// Terms and weights as two parallel arrays sorted by term, so the file is the same bytes every time.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let sorted = idf.sorted { $0.key < $1.key }
        try container.encode(documentCount, forKey: .documentCount)
        try container.encode(sorted.map(\.key), forKey: .terms)
        try container.encode(sorted.map(\.value), forKey: .idf)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        documentCount = try container.decode(Int.self, forKey: .documentCount)
        let terms = try container.decode([String].self, forKey: .terms)
        let weights = try container.decode([Float].self, forKey: .idf)
        guard terms.count == weights.count else {
            throw DecodingError.dataCorruptedError(forKey: .idf, in: container, debugDescription: "terms and idf differ in length")
        }
        idf = Dictionary(zip(terms, weights), uniquingKeysWith: { first, _ in first })
    }
}
