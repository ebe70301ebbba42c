/// Everything feature extraction learns from data or is tuned with: vocabulary and IDF, skill synonyms,
/// location projection, suitability affinities and block weights, with a manifest saying where it came from.
///
/// Stored on disk as a folder (`manifest.json` and one file per part) by `JobMatchStore.ModelDirectory`.
public struct MatchModel: Codable, Sendable, Hashable {
    public var manifest: ModelManifest
    public var vocabulary: TextVocabulary
    public var skills: SkillVocabulary
    public var location: LocationEncoder
    public var suitability: SuitabilityAffinities
    public var weights: BlockWeights
    /// Collaborative factors of a hybrid model (``FeatureBlock/factors``); nil in content-only models.
    public var collaborative: CollaborativeFactors?

    public init(
        manifest: ModelManifest, vocabulary: TextVocabulary, skills: SkillVocabulary, location: LocationEncoder,
        suitability: SuitabilityAffinities = .standard, weights: BlockWeights = .standard, collaborative: CollaborativeFactors? = nil
    ) {
        self.collaborative = collaborative
        self.manifest = manifest
        self.vocabulary = vocabulary
        self.skills = skills
        self.location = location
        self.suitability = suitability
        self.weights = weights
    }

    public var configuration: FeatureConfiguration { manifest.parameters }
    public var layout: FeatureLayout { FeatureLayout(configuration: manifest.parameters) }
    /// The vector length (≥ the configured dimension when the fixed blocks need more).
    public var dimension: Int { layout.dimension }
}

/// Where a model came from: format version, the SHA-256 of the data it was learned from, its parameters.
public struct ModelManifest: Codable, Sendable, Hashable {
    /// Version of the model format; readers refuse versions they do not know.
    public var formatVersion: Int
    /// A name for people (`default`).
    public var name: String
    /// Hex SHA-256 of the training data (interchange JSON lines of the applicants, then the jobs, sorted by id).
    public var dataHash: String
    /// How many applicants and jobs the model was learned from.
    public var applicantCount: Int
    public var jobCount: Int
    /// The extraction parameters.
    public var parameters: FeatureConfiguration

    public static let currentFormatVersion = 1

    public init(formatVersion: Int = ModelManifest.currentFormatVersion, name: String, dataHash: String,
                applicantCount: Int, jobCount: Int, parameters: FeatureConfiguration)
    {
        self.formatVersion = formatVersion
        self.name = name
        self.dataHash = dataHash
        self.applicantCount = applicantCount
        self.jobCount = jobCount
        self.parameters = parameters
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case name
        case dataHash = "data_hash"
        case applicantCount = "applicant_count"
        case jobCount = "job_count"
        case parameters
    }
}
