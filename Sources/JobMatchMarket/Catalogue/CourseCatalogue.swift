import JobMatchCore

/// One kind of vocational course offered to assistance clients (职业技能培训): what a person holds after it.
///
/// Skills and certificates are the occupation catalogue's own words, so a completed course supplies exactly
/// what postings of those occupations ask for (`电工证` for electricians, `叉车证` for forklift drivers …).
struct CourseType: Sendable {
    /// Short key of the type (`家政`, `养老护理` …), as the issue names them.
    let key: String
    /// Course title variants.
    let titles: [String]
    let skills: [String]
    let certificates: [String]
    /// Total hours, as subsidised courses of this kind typically run.
    let hours: ClosedRange<Double>
    let educationMin: Education?
    /// Share of courses given online.
    let onlineShare: Double
    /// Relative number of courses on offer.
    let weight: Double
}

/// The courses on offer in the generated market (assumed mix; titles as Chongqing's human-resources bureaus
/// announce subsidised courses: 家政服务员、养老护理员、电工、叉车司机、电商直播、中式烹调师、美容美发 …).
enum CourseCatalogue {
    static let all: [CourseType] = [
        CourseType(key: "家政", titles: ["家政服务员培训", "家政服务员（初级）培训", "家庭服务业技能培训"],
                   skills: ["家务", "做饭", "保洁"], certificates: ["家政服务员证", "健康证"], hours: 56...96, educationMin: nil, onlineShare: 0, weight: 10),
        CourseType(key: "育婴", titles: ["育婴员培训", "家政服务员（育婴）培训"],
                   skills: ["育婴", "保育"], certificates: ["育婴员证", "健康证"], hours: 96...128, educationMin: .primary, onlineShare: 0, weight: 5),
        CourseType(key: "母婴护理", titles: ["母婴护理员（月嫂）培训", "月嫂技能培训"],
                   skills: ["母婴护理", "做饭"], certificates: ["母婴护理证", "健康证"], hours: 96...128, educationMin: .primary, onlineShare: 0, weight: 4),
        CourseType(key: "养老护理", titles: ["养老护理员培训", "养老护理员（初级）培训", "居家养老服务技能培训"],
                   skills: ["养老护理", "生活照料"], certificates: ["养老护理员证", "健康证"], hours: 120...160, educationMin: .primary, onlineShare: 0, weight: 9),
        CourseType(key: "电工", titles: ["低压电工作业培训", "电工（特种作业）培训"],
                   skills: ["电工", "水电维修"], certificates: ["电工证"], hours: 80...120, educationMin: .juniorHigh, onlineShare: 0, weight: 6),
        CourseType(key: "叉车", titles: ["叉车司机培训", "场（厂）内机动车辆（叉车）作业培训"],
                   skills: ["叉车", "装卸搬运"], certificates: ["叉车证"], hours: 48...80, educationMin: .juniorHigh, onlineShare: 0, weight: 6),
        CourseType(key: "电商直播", titles: ["电商直播培训", "直播销售员培训", "农村电商与直播带货培训"],
                   skills: ["直播带货", "电商运营", "短视频剪辑"], certificates: [], hours: 40...64, educationMin: .juniorHigh, onlineShare: 0.6, weight: 8),
        CourseType(key: "中式烹调", titles: ["中式烹调师培训", "中式烹调师（川菜）培训"],
                   skills: ["烹饪", "川菜"], certificates: ["中式烹调师证", "健康证"], hours: 120...180, educationMin: nil, onlineShare: 0, weight: 7),
        CourseType(key: "中式面点", titles: ["中式面点师培训", "重庆小面制作技能培训"],
                   skills: ["面点", "小面制作"], certificates: ["健康证"], hours: 80...120, educationMin: nil, onlineShare: 0, weight: 4),
        CourseType(key: "美容美发", titles: ["美发师培训", "美容美发技能培训"],
                   skills: ["美发", "洗护"], certificates: ["健康证"], hours: 100...160, educationMin: .primary, onlineShare: 0, weight: 5),
        CourseType(key: "保安", titles: ["保安员培训", "保安员（初级）培训"],
                   skills: ["安保", "巡逻", "消防设施操作"], certificates: ["保安员证"], hours: 40...60, educationMin: .primary, onlineShare: 0, weight: 5),
        CourseType(key: "焊工", titles: ["焊工（熔化焊接与热切割）培训", "电焊工技能培训"],
                   skills: ["电焊", "识图"], certificates: ["焊工证"], hours: 100...160, educationMin: .juniorHigh, onlineShare: 0, weight: 3),
        CourseType(key: "保健按摩", titles: ["保健按摩师培训", "盲人保健按摩培训"],
                   skills: ["保健按摩", "推拿"], certificates: ["保健按摩师证"], hours: 120...200, educationMin: nil, onlineShare: 0, weight: 2),
        CourseType(key: "消防设施操作", titles: ["消防设施操作员培训"],
                   skills: ["消防设施操作", "监控操作"], certificates: ["消防设施操作员证"], hours: 80...120, educationMin: .seniorHigh, onlineShare: 0.2, weight: 2),
    ]

    static let weights = all.map(\.weight)

    /// Training institutions, `%@` the district's short name.
    static let providers = ["%@区职业技能培训学校", "%@就业训练中心", "%@职业培训中心", "重庆%@技工学校", "%@人力资源服务产业园培训部"]
}
