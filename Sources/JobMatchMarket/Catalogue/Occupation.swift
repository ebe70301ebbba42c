import JobMatchCore

/// Broad industries, used to name employers and to relate past jobs to new ones.
public enum Sector: String, CaseIterable, Sendable {
    case cleaning, security, retail, catering, logistics, manufacturing, construction, property
    case care, domestic, office, greening, transport, personalService, publicService, selfEmployed, agriculture

    /// Words employer names in this sector end with.
    var employerSuffixes: [String] {
        switch self {
        case .cleaning: ["保洁服务有限公司", "清洁服务有限公司", "环境卫生服务有限公司"]
        case .security: ["保安服务有限公司", "安保服务有限公司"]
        case .retail: ["超市有限公司", "商贸有限公司", "百货有限公司", "便利店"]
        case .catering: ["餐饮管理有限公司", "火锅店", "小面馆", "餐饮有限公司", "食堂管理有限公司"]
        case .logistics: ["物流有限公司", "供应链管理有限公司", "快递服务部", "仓储有限公司"]
        case .manufacturing: ["电子科技有限公司", "机械制造有限公司", "服装厂", "食品有限公司", "汽车配件有限公司"]
        case .construction: ["建筑劳务有限公司", "装饰工程有限公司", "建设工程有限公司"]
        case .property: ["物业管理有限公司", "物业服务有限公司"]
        case .care: ["养老服务中心", "康养服务有限公司", "社区养老服务站", "护理院"]
        case .domestic: ["家政服务有限公司", "家庭服务有限公司"]
        case .office: ["信息技术有限公司", "人力资源有限公司", "数据服务有限公司", "企业管理咨询有限公司"]
        case .greening: ["园林绿化有限公司", "生态环境工程有限公司"]
        case .transport: ["停车管理有限公司", "汽车服务有限公司", "客运有限公司"]
        case .personalService: ["盲人按摩店", "美发店", "洗衣店", "汽车美容店", "养生馆"]
        case .publicService: ["街道办事处", "社区居民委员会", "镇人民政府", "公共服务中心"]
        case .selfEmployed: ["夜市管理办公室", "创业孵化基地", "农贸市场管理处"]
        case .agriculture: ["农业发展有限公司", "种植专业合作社", "生态农场"]
        }
    }
}

/// One occupation of the catalogue: what its postings look like and who tends to do it.
///
/// The catalogue (``OccupationCatalogue``) is data; the generator only reads it.
public struct Occupation: Sendable {
    /// Stable code written to `occupation` fields (`cleaner`, `forklift_driver`).
    public let code: String
    public let sector: Sector
    /// Chinese title variants (synonyms included: 保洁员 / 清洁工 / 保洁).
    public let titles: [String]
    /// Duty phrases that descriptions are composed from.
    public let duties: [String]
    /// Core skills (the first ones are the ones postings require).
    public let skills: [String]
    public let preferredSkills: [String]
    /// Certificates postings may require, and the share of postings that do.
    public let certificates: [String]
    public let certificateShare: Double
    /// The minimum education some postings state.
    public let educationMin: Education?
    /// The education people in this work typically have (for drawing past jobs).
    public let typicalEducation: Education
    /// Monthly-equivalent pay, CNY.
    public let monthlyWage: ClosedRange<Double>
    /// Piece-rate work (计件).
    public let pieceRate: Bool
    public let jobTypes: [JobType]
    public let jobTypeWeights: [Double]
    public let schedules: [Schedule]
    public let hours: ClosedRange<Double>
    public let demands: Demands
    public let accommodations: [Accommodation]
    public let tags: [JobTag]
    /// Relative number of postings.
    public let weight: Double
    /// The upper age limit that some postings state.
    public let ageMax: Int?
    /// Share of women among the people doing it (observed patterns, not a posting requirement).
    public let femaleShare: Double

    /// A catalogue row written compactly.
    ///
    /// - `types`: letters F(ull time) P(art time) G(ig) W(elfare) S(elf-employment), each followed by a weight digit.
    /// - `schedule`: letters d e n w f (day, evening, night, weekend, flexible).
    /// - `demands`: nine digits 0–3 for vision, hearing, speech, lifting, standing, walking, fine motor, cognitive, stress.
    /// - `acc`: letters w s r c h b (wheelchair, sign language, screen reader, job coach, flexible hours, rest breaks).
    /// - `tags`: letters a d s f (age friendly, disability friendly, doorstep, flexible).
    init(
        _ code: String, _ sector: Sector, _ titles: String, duties: String, skills: String, pref: String = "",
        certs: String = "", certShare: Double = 0, edu: Education? = nil, typical: Education = .juniorHigh,
        wage: ClosedRange<Double>, piece: Bool = false, types: String, schedule: String, hours: ClosedRange<Double>,
        demands: String, acc: String = "", tags: String = "", weight: Double, ageMax: Int? = nil, female: Double
    ) {
        func list(_ s: String) -> [String] { s.isEmpty ? [] : s.split(separator: "|").map(String.init) }
        self.code = code
        self.sector = sector
        self.titles = list(titles)
        self.duties = list(duties)
        self.skills = list(skills)
        self.preferredSkills = list(pref)
        self.certificates = list(certs)
        self.certificateShare = certShare
        self.educationMin = edu
        self.typicalEducation = typical
        self.monthlyWage = wage
        self.pieceRate = piece
        var jt: [JobType] = [], jw: [Double] = []
        var chars = Array(types)
        while chars.count >= 2 {
            let letter = chars.removeFirst(), digit = chars.removeFirst()
            let type: JobType = switch letter {
            case "F": .fullTime
            case "P": .partTime
            case "G": .gig
            case "W": .publicWelfare
            default: .selfEmployment
            }
            jt.append(type)
            jw.append(Double(digit.wholeNumberValue ?? 1))
        }
        self.jobTypes = jt
        self.jobTypeWeights = jw
        self.schedules = schedule.map { c -> Schedule in
            switch c {
            case "d": .day
            case "e": .evening
            case "n": .night
            case "w": .weekend
            default: .flexible
            }
        }
        self.hours = hours
        var levels: [Demands.Kind: DemandLevel] = [:]
        for (kind, c) in zip(Demands.Kind.allCases, demands) {
            levels[kind] = [DemandLevel.none, .low, .medium, .high][c.wholeNumberValue ?? 1]
        }
        self.demands = Demands(levels)
        self.accommodations = acc.map { c -> Accommodation in
            switch c {
            case "w": .wheelchairAccess
            case "s": .signLanguage
            case "r": .screenReader
            case "c": .jobCoach
            case "h": .flexibleHours
            default: .restBreaks
            }
        }
        self.tags = tags.map { c -> JobTag in
            switch c {
            case "a": .ageFriendly
            case "d": .disabilityFriendly
            case "s": .doorstep
            default: .flexible
            }
        }
        self.weight = weight
        self.ageMax = ageMax
        self.femaleShare = female
    }
}
