/// Other ways people and caseworkers write the same skill (保洁 / 清洁 / 打扫卫生).
///
/// The generator knows the canonical skill; the written files use a variant some of the time,
/// so a matcher that only compares strings exactly will miss some real matches.
enum SkillSynonyms {
    static let variants: [String: [String]] = [
        "保洁": ["清洁", "打扫卫生", "保洁员经验"],
        "收银": ["收银员", "收款", "POS收银"],
        "垃圾分类": ["垃圾分拣"],
        "安保": ["保安", "安全保卫"],
        "巡逻": ["巡查", "巡更"],
        "叉车": ["叉车驾驶", "开叉车"],
        "装卸搬运": ["搬运", "装卸"],
        "切配": ["切菜", "配菜"],
        "备菜": ["择菜洗菜", "备料"],
        "餐具清洗": ["洗碗"],
        "养老护理": ["护理老人", "老人护理"],
        "生活照料": ["照顾老人", "日常照护"],
        "家务": ["做家务", "家政"],
        "做饭": ["烹饪家常菜", "煮饭"],
        "数据录入": ["录入", "打字录入"],
        "办公软件": ["Office", "Excel", "电脑操作"],
        "客户服务": ["客服", "接待咨询"],
        "缝纫": ["车工", "缝制", "踩缝纫机"],
        "装配": ["组装", "装配作业"],
        "流水线作业": ["流水线", "普工经验"],
        "快递派送": ["送快递", "派件"],
        "电动车驾驶": ["骑电瓶车", "电动车"],
        "分拣": ["分货", "拣货"],
        "打包": ["包装", "打包装箱"],
        "绿化养护": ["绿化", "园林养护"],
        "水电维修": ["水电", "维修水电"],
        "电工": ["电工作业", "低压电工"],
        "洗车": ["汽车清洗"],
        "保健按摩": ["按摩", "推拿按摩"],
        "手工编织": ["编织", "手工"],
        "商品销售": ["销售", "卖货"],
        "驾驶": ["开车", "驾车"],
        "理货": ["上货", "货架整理"],
        "烹饪": ["炒菜", "厨艺"],
        "停车管理": ["停车收费"],
        "沟通协调": ["沟通能力", "协调"],
        "种植": ["种地", "农活"],
    ]

    /// The skill as written: the canonical form, or with probability `share` one of its variants.
    static func written(_ skill: String, share: Double, rng: inout SeededRandom) -> String {
        guard let options = variants[skill], rng.chance(share) else { return skill }
        return rng.pick(options)
    }
}
