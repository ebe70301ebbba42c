/// The parameters of feature extraction: sizes, seeds and scales. Stored in the model's manifest.
public struct FeatureConfiguration: Codable, Sendable, Hashable {
    /// Length of every applicant and job vector.
    public var dimension: Int = 256
    /// Buckets for canonical skills (signed feature hashing).
    public var skillDimensions: Int = 40
    /// Buckets for occupations (signed feature hashing).
    public var occupationDimensions: Int = 16
    /// Buckets for certificates (signed feature hashing).
    public var certificateDimensions: Int = 16
    /// Frequencies of the location encoding (each gives a cosine and a sine).
    public var locationFrequencies: Int = 16
    /// Length scales (km) of the location kernels; frequencies are split between them.
    public var locationScalesKm: [Double] = [6, 25]
    /// How near a remote posting counts (0…1 of a posting at the doorstep).
    public var remoteNearness: Float = 0.7
    /// Character n-gram lengths for Chinese text.
    public var minGram: Int = 1
    public var maxGram: Int = 2
    /// Terms seen in fewer documents are not stored in the vocabulary.
    public var minimumDocumentFrequency: Int = 2
    /// Seed of hashing and projections.
    public var seed: UInt64 = 20_261_130
    /// Age from which men count as older workers for suitability (women: `olderWomenAge`).
    public var olderMenAge: Int = 50
    public var olderWomenAge: Int = 40
    /// With history blocks (``FeatureBlock/history``): behaviour and evidence from the interactions before the as-of time.
    public var historyBlocks = false
    /// Length of the collaborative factors (0: none).
    public var factorDimensions = 0

    public init() {}

    /// With history blocks and 16 factor dimensions, the vector lengthened so that the text block keeps its length.
    public var widenedForHistory: FeatureConfiguration { widened(factorDimensions: 16) }

    /// With history blocks and `factorDimensions` factors, the vector lengthened by exactly what they add, so the
    /// text block keeps its length.
    public func widened(factorDimensions: Int) -> FeatureConfiguration {
        var c = self
        c.historyBlocks = true
        c.factorDimensions = factorDimensions
        let layout = FeatureLayout(configuration: c)
        let added = (FeatureBlock.history + [.factors]).reduce(0) { $0 + layout[$1].count }
            - (FeatureBlock.history + [.factors]).reduce(0) { $0 + FeatureLayout(configuration: self)[$1].count }
        c.dimension = dimension + added
        return c
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T { try c.decodeIfPresent(T.self, forKey: key) ?? fallback }
        dimension = try value(.dimension, dimension)
        seed = try value(.seed, seed)
        skillDimensions = try value(.skillDimensions, skillDimensions)
        occupationDimensions = try value(.occupationDimensions, occupationDimensions)
        certificateDimensions = try value(.certificateDimensions, certificateDimensions)
        locationFrequencies = try value(.locationFrequencies, locationFrequencies)
        locationScalesKm = try value(.locationScalesKm, locationScalesKm)
        remoteNearness = try value(.remoteNearness, remoteNearness)
        minGram = try value(.minGram, minGram)
        maxGram = try value(.maxGram, maxGram)
        minimumDocumentFrequency = try value(.minimumDocumentFrequency, minimumDocumentFrequency)
        olderMenAge = try value(.olderMenAge, olderMenAge)
        olderWomenAge = try value(.olderWomenAge, olderWomenAge)
        historyBlocks = try value(.historyBlocks, historyBlocks)
        factorDimensions = try value(.factorDimensions, factorDimensions)
    }

    /// Monthly wage steps (CNY) of the wage block.
    public static let wageThresholds: [Double] = [1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 6000, 7000, 8000, 10000]

    enum CodingKeys: String, CodingKey {
        case dimension, seed
        case skillDimensions = "skill_dimensions"
        case occupationDimensions = "occupation_dimensions"
        case certificateDimensions = "certificate_dimensions"
        case locationFrequencies = "location_frequencies"
        case locationScalesKm = "location_scales_km"
        case remoteNearness = "remote_nearness"
        case minGram = "min_gram"
        case maxGram = "max_gram"
        case minimumDocumentFrequency = "minimum_document_frequency"
        case olderMenAge = "older_men_age"
        case olderWomenAge = "older_women_age"
        case historyBlocks = "history_blocks"
        case factorDimensions = "factor_dimensions"
    }
}
