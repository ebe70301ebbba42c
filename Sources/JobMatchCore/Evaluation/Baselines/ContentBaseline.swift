import Foundation

/// Baseline: text similarity only. Character-bigram TF-IDF cosine between the applicant's skills,
/// experience titles, wished occupations and profile text, and the job's title, description and skills.
/// IDF is learned over the query and candidate documents.
public struct ContentBaseline: Sendable {
    let tokenizer = TextTokenizer(minGram: 2, maxGram: 2)

    public init() {}

    /// The applicant's document.
    public static func document(of a: Applicant) -> String {
        (a.skills + a.experience.map(\.title) + a.preferences.occupations + [a.profileText ?? ""]).joined(separator: " ")
    }

    /// The job's document.
    public static func document(of j: Job) -> String {
        ([j.title] + j.skillsRequired + j.skillsPreferred + [j.description ?? ""]).joined(separator: " ")
    }

    public func recommend(queries: [EvaluationQuery], pool: CandidatePool, k: Int) -> [[String]] {
        let applicantTerms = queries.map { counts(Self.document(of: $0.applicant)) }
        let jobTerms = pool.candidates.map { counts(Self.document(of: $0)) }
        var frequency: [String: Int] = [:]
        for doc in applicantTerms + jobTerms { for term in doc.keys { frequency[term, default: 0] += 1 } }
        let n = Double(applicantTerms.count + jobTerms.count)
        let idf = frequency.mapValues { log((1 + n) / (1 + Double($0))) + 1 }
        let ids = Dictionary(uniqueKeysWithValues: frequency.keys.sorted().enumerated().map { ($1, $0) })
        let a = applicantTerms.map { Self.normalized($0, idf: idf, ids: ids) }
        let j = jobTerms.map { Self.normalized($0, idf: idf, ids: ids) }
        return pool.rank(k: k) { q, job in Self.dot(a[q], j[job]) }
    }

    func counts(_ text: String) -> [String: Double] {
        var counts: [String: Double] = [:]
        for term in tokenizer.terms(text) { counts[term, default: 0] += 1 }
        return counts
    }

    /// TF-IDF, L2-normalised, as a sparse vector sorted by term id (sorted so sums are deterministic).
    static func normalized(_ counts: [String: Double], idf: [String: Double], ids: [String: Int]) -> [(Int, Double)] {
        var entries = counts.map { (ids[$0.key]!, $0.value * (idf[$0.key] ?? 1)) }.sorted { $0.0 < $1.0 }
        let norm = entries.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
        if norm > 0 { entries = entries.map { ($0.0, $0.1 / norm) } }
        return entries
    }

    /// Dot product of two sorted sparse vectors.
    static func dot(_ x: [(Int, Double)], _ y: [(Int, Double)]) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < x.count, j < y.count {
            if x[i].0 == y[j].0 {
                sum += x[i].1 * y[j].1
                i += 1
                j += 1
            } else if x[i].0 < y[j].0 { i += 1 } else { j += 1 }
        }
        return sum
    }
}
