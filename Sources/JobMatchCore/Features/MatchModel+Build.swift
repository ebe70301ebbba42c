import Crypto

extension MatchModel {
    /// Learns a model from a market: the IDF of text terms over all applicant and job documents, and
    /// skill synonyms (curated ones plus data tags whose stem is known). Deterministic: the same data and
    /// configuration give the same model.
    public static func build(
        from applicants: [Applicant], jobs: [Job], configuration: FeatureConfiguration = FeatureConfiguration(),
        name: String = "default", weights: BlockWeights = .standard, suitability: SuitabilityAffinities = .standard
    ) -> MatchModel {
        let tokenizer = TextTokenizer(minGram: configuration.minGram, maxGram: configuration.maxGram)
        var documents: [[String]] = []
        documents.reserveCapacity(applicants.count + jobs.count)
        for a in applicants { documents.append(tokenizer.terms(FeatureExtractor.document(of: a))) }
        for j in jobs { documents.append(tokenizer.terms(FeatureExtractor.document(of: j))) }
        let vocabulary = TextVocabulary.learn(documents: documents, minimumDocumentFrequency: configuration.minimumDocumentFrequency)
        var tags: [String] = []
        for a in applicants { tags += a.skills + a.preferences.occupations + a.certificates }
        for j in jobs { tags += j.skillsRequired + j.skillsPreferred + j.certificatesRequired }
        let skills = SkillVocabulary.curated.learning(tags: tags)
        let manifest = ModelManifest(
            name: name, dataHash: dataHash(applicants: applicants, jobs: jobs),
            applicantCount: applicants.count, jobCount: jobs.count, parameters: configuration
        )
        return MatchModel(manifest: manifest, vocabulary: vocabulary, skills: skills,
                          location: LocationEncoder(configuration: configuration), suitability: suitability, weights: weights)
    }

    /// Hex SHA-256 over the interchange JSON lines of the applicants, then the jobs, each sorted by id.
    public static func dataHash(applicants: [Applicant], jobs: [Job]) -> String {
        var hasher = SHA256()
        for a in applicants.sorted(by: { $0.id < $1.id }) {
            hasher.update(data: Array((a.interchangeJSON.jsonText + "\n").utf8))
        }
        hasher.update(data: Array("--jobs--\n".utf8))
        for j in jobs.sorted(by: { $0.id < $1.id }) {
            hasher.update(data: Array((j.interchangeJSON.jsonText + "\n").utf8))
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
