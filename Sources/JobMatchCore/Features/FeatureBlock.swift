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

    // History blocks (``FeatureConfiguration/historyBlocks``): the person's behaviour before the as-of time
    // against the posting's content, and the posting's and employer's evidence. Empty in content-only models.
    /// Occupations of the postings the person viewed, applied to, was interviewed for or hired into (declines negative).
    case pastOccupation = "past_occupation"
    /// Skills of those postings.
    case pastSkills = "past_skills"
    /// Places of those postings (the location encoding, so nearness to where the person looked).
    case pastPlace = "past_place"
    /// Pay steps of those postings.
    case pastPay = "past_pay"
    /// Job types of those postings.
    case pastJobType = "past_job_type"
    /// The posting's smoothed applications per view, less the market's.
    case postingApplyRate = "posting_apply_rate"
    /// The posting's smoothed interviews per application, less the market's.
    case postingInterviewRate = "posting_interview_rate"
    /// How many people viewed the posting (log).
    case postingViews = "posting_views"
    /// The employer's smoothed applications per view over all its postings, less the market's.
    case employerApplyRate = "employer_apply_rate"
    /// The employer's smoothed interviews per application, less the market's.
    case employerInterviewRate = "employer_interview_rate"
    /// The employer's smoothed hires per interview, less the market's.
    case employerHireRate = "employer_hire_rate"
    /// How recently the posting went up (1 on its first day, halving every 30 days).
    case freshness
    /// Collaborative factors (``CollaborativeFactors``): the person's factor against the posting's.
    case factors

    /// The blocks that read the interaction history (zero without one).
    public static let history: [FeatureBlock] = [.pastOccupation, .pastSkills, .pastPlace, .pastPay, .pastJobType,
                                                 .postingApplyRate, .postingInterviewRate, .postingViews, .employerApplyRate,
                                                 .employerInterviewRate, .employerHireRate, .freshness]
    /// One-number job-side blocks (the applicant side holds 1).
    public static let evidence: [FeatureBlock] = [.postingApplyRate, .postingInterviewRate, .postingViews, .employerApplyRate,
                                                  .employerInterviewRate, .employerHireRate, .freshness]
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
            .factors: configuration.factorDimensions,
        ]
        if configuration.historyBlocks {
            sizes[.pastOccupation] = configuration.occupationDimensions
            sizes[.pastSkills] = configuration.skillDimensions
            sizes[.pastPlace] = configuration.locationFrequencies * 2
            sizes[.pastPay] = FeatureConfiguration.wageThresholds.count
            sizes[.pastJobType] = JobType.allCases.count
            for block in FeatureBlock.evidence { sizes[block] = 1 }
        }
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
