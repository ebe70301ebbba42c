import JobMatchCore

/// The kinds of people who come to employment assistance; each shapes age, groups, education and wishes.
///
/// Shares are assumptions calibrated on the structure of 就业困难人员 registers (see `datasets/README.md`).
enum Archetype: String, CaseIterable, Sendable {
    case olderWoman, olderMan, disabled, graduate, stayAtHomeParent, longTermUnemployed, lowIncome, ruralReturnee

    /// Share among applicants (sums to 1).
    var share: Double {
        switch self {
        case .olderWoman: 0.24
        case .olderMan: 0.15
        case .disabled: 0.12
        case .graduate: 0.12
        case .stayAtHomeParent: 0.10
        case .longTermUnemployed: 0.13
        case .lowIncome: 0.08
        case .ruralReturnee: 0.06
        }
    }

    static let table = WeightedTable(allCases.map(\.share))

    /// Age range (at the as-of year).
    var ages: ClosedRange<Int> {
        switch self {
        case .olderWoman: 40...57
        case .olderMan: 50...62
        case .disabled: 18...59
        case .graduate: 21...26
        case .stayAtHomeParent: 25...45
        case .longTermUnemployed: 28...52
        case .lowIncome: 25...56
        case .ruralReturnee: 22...55
        }
    }

    /// Probability of being a woman.
    var femaleShare: Double {
        switch self {
        case .olderWoman: 1
        case .olderMan: 0
        case .stayAtHomeParent: 0.85
        case .disabled: 0.42
        default: 0.5
        }
    }

    /// Education weights over `Education.allCases` (none, primary, junior, senior, vocational, college, bachelor, postgraduate).
    var educationWeights: [Double] {
        switch self {
        case .olderWoman, .olderMan: [4, 26, 44, 14, 7, 4, 1, 0]
        case .disabled: [6, 20, 38, 14, 12, 7, 3, 0]
        case .graduate: [0, 0, 0, 2, 14, 44, 37, 3]
        case .stayAtHomeParent: [0, 4, 30, 22, 14, 19, 10, 1]
        case .longTermUnemployed: [1, 10, 44, 20, 14, 8, 3, 0]
        case .lowIncome: [3, 20, 45, 15, 10, 5, 2, 0]
        case .ruralReturnee: [1, 22, 50, 12, 10, 4, 1, 0]
        }
    }

    /// Probabilities of the groups this kind of person is certified in (before the age-based older-worker rule).
    var groupChances: [(AssistanceGroup, Double)] {
        switch self {
        case .olderWoman, .olderMan:
            [(.registeredUnemployed, 0.7), (.longTermUnemployed, 0.35), (.lowIncome, 0.15), (.zeroEmploymentHousehold, 0.06), (.povertyAlleviated, 0.05)]
        case .disabled:
            [(.disabled, 1), (.registeredUnemployed, 0.5), (.longTermUnemployed, 0.3), (.lowIncome, 0.3), (.zeroEmploymentHousehold, 0.08), (.povertyAlleviated, 0.06)]
        case .graduate:
            [(.graduate, 1), (.registeredUnemployed, 0.5), (.longTermUnemployed, 0.08), (.lowIncome, 0.06), (.zeroEmploymentHousehold, 0.03), (.povertyAlleviated, 0.04)]
        case .stayAtHomeParent:
            [(.stayAtHomeParent, 1), (.registeredUnemployed, 0.4), (.lowIncome, 0.1), (.longTermUnemployed, 0.15)]
        case .longTermUnemployed:
            [(.longTermUnemployed, 1), (.registeredUnemployed, 0.9), (.lowIncome, 0.2), (.zeroEmploymentHousehold, 0.12)]
        case .lowIncome:
            [(.lowIncome, 1), (.registeredUnemployed, 0.6), (.zeroEmploymentHousehold, 0.25), (.longTermUnemployed, 0.3)]
        case .ruralReturnee:
            [(.povertyAlleviated, 0.7), (.registeredUnemployed, 0.4), (.lowIncome, 0.15), (.zeroEmploymentHousehold, 0.05)]
        }
    }

    /// Intent weights: active, uncertain, entrepreneurial.
    var intentWeights: [Double] {
        switch self {
        case .graduate: [55, 37, 8]
        case .ruralReturnee: [65, 15, 20]
        case .longTermUnemployed: [62, 28, 10]
        case .stayAtHomeParent: [65, 25, 10]
        default: [74, 19, 7]
        }
    }

    /// Job types the person would list, with chances.
    var jobTypeChances: [(JobType, Double)] {
        switch self {
        case .olderWoman, .olderMan: [(.fullTime, 0.7), (.partTime, 0.35), (.gig, 0.3), (.publicWelfare, 0.45)]
        case .disabled: [(.fullTime, 0.6), (.partTime, 0.45), (.publicWelfare, 0.4), (.gig, 0.15)]
        case .graduate: [(.fullTime, 0.95), (.partTime, 0.1)]
        case .stayAtHomeParent: [(.partTime, 0.8), (.gig, 0.5), (.fullTime, 0.25)]
        case .longTermUnemployed: [(.fullTime, 0.8), (.gig, 0.35), (.publicWelfare, 0.35)]
        case .lowIncome: [(.fullTime, 0.75), (.partTime, 0.3), (.gig, 0.3), (.publicWelfare, 0.4)]
        case .ruralReturnee: [(.fullTime, 0.6), (.gig, 0.45), (.selfEmployment, 0.2)]
        }
    }

    /// The monthly wage the person asks for, CNY.
    var wageWish: ClosedRange<Double> {
        switch self {
        case .olderWoman: 2100...3200
        case .olderMan: 2300...4000
        case .disabled: 2000...3200
        case .graduate: 3200...6000
        case .stayAtHomeParent: 1800...3500
        case .longTermUnemployed: 2500...4500
        case .lowIncome: 2100...3800
        case .ruralReturnee: 2500...5000
        }
    }

    /// Past jobs: how many, at most.
    var pastJobs: ClosedRange<Int> {
        switch self {
        case .graduate: 0...1
        case .stayAtHomeParent: 0...2
        case .olderWoman, .olderMan: 1...3
        default: 0...3
        }
    }

    /// Chinese label used in profile texts.
    var label: String {
        switch self {
        case .olderWoman: "大龄就业困难女性"
        case .olderMan: "大龄就业困难男性"
        case .disabled: "持证残疾人"
        case .graduate: "离校未就业高校毕业生"
        case .stayAtHomeParent: "在家照顾孩子的家长"
        case .longTermUnemployed: "长期失业人员"
        case .lowIncome: "低保低收入家庭成员"
        case .ruralReturnee: "返乡农民工"
        }
    }
}
