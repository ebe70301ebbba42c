/// The blocks a feature vector is made of. The score is the sum over blocks of
/// `weight(block) × (applicant block · job block)`; weights are applied on the job side.
public enum FeatureBlock: String, CaseIterable, Codable, Sendable {
    /// Hashed character n-grams with IDF weights, cosine similarity.
    case text
    /// Canonical skills: the share of the posting's skills the person has.
    case skills
    /// Desired occupations against what the posting is.
    case occupation
    /// Random Fourier features of the coordinates (nearness), plus remote work.
    case location
    /// Desired job types against the posting's type.
    case jobType = "job_type"
    /// Desired schedules against the posting's schedule.
    case schedule
    /// Monthly wage against the reservation wage.
    case wage
    /// Weekly hours against work capacity.
    case hours
    /// Education against the posting's requirement (over-qualification costs a little).
    case education
    /// Tags and accommodations that suit the person (age-friendly, disability-friendly, doorstep …).
    case suitability
    /// Certificates still to obtain (a penalty).
    case certificates
}

/// Where each block sits in a vector of `dimension` floats.
public struct FeatureLayout: Sendable, Hashable {
    public let dimension: Int
    public let ranges: [FeatureBlock: Range<Int>]

    /// Fixed sizes for the structured blocks; text takes what is left.
    public init(configuration: FeatureConfiguration) {
        var sizes: [FeatureBlock: Int] = [
            .skills: configuration.skillDimensions,
            .occupation: configuration.occupationDimensions,
            .location: configuration.locationFrequencies * 2 + 1,
            .jobType: JobType.allCases.count,
            .schedule: Schedule.allCases.count,
            .wage: FeatureConfiguration.wageThresholds.count,
            .hours: 3,
            .education: 7,
            .suitability: JobSuitabilityFlag.allCases.count,
            .certificates: configuration.certificateDimensions + 1,
        ]
        let fixed = sizes.values.reduce(0, +)
        sizes[.text] = max(0, configuration.dimension - fixed)
        var ranges: [FeatureBlock: Range<Int>] = [:]
        var offset = 0
        for block in FeatureBlock.allCases {
            let size = sizes[block] ?? 0
            ranges[block] = offset..<(offset + size)
            offset += size
        }
        self.dimension = max(configuration.dimension, offset)
        self.ranges = ranges
    }

    public subscript(block: FeatureBlock) -> Range<Int> { ranges[block] ?? 0..<0 }
}
