/// The kind of employer that posts an occupation, when it is narrower than the sector's
/// (a sewing worker works at a garment factory, not at a machine shop).
enum EmployerKinds {
    /// A small stable key (0 = the sector's general kind) and the name endings of that kind.
    static func kind(for code: String, sector: Sector) -> (key: Int, suffixes: [String]) {
        switch code {
        case "sewing_worker": (1, ["服装厂", "服饰有限公司", "制衣厂"])
        case "food_factory_worker": (2, ["食品有限公司", "调味品有限公司", "火锅底料厂"])
        case "auto_parts_worker": (3, ["汽车配件有限公司", "汽车零部件有限公司"])
        case "welder": (4, ["机械制造有限公司", "钢结构有限公司"])
        case "assembly_worker", "quality_inspector": (5, ["电子科技有限公司", "电子有限公司", "智能制造有限公司"])
        case "blind_massage": (6, ["盲人按摩店", "盲人推拿中心"])
        case "hairdresser_assistant": (7, ["美发店", "美发沙龙"])
        case "foot_massage": (8, ["养生馆", "足浴店"])
        case "handicraft_worker": (9, ["手工艺品有限公司", "竹编工坊", "非遗工坊"])
        case "phone_repair": (10, ["通讯维修店", "数码维修部"])
        case "car_wash": (11, ["汽车美容店", "洗车行"])
        case "auto_repair_helper": (12, ["汽车维修厂", "汽修店"])
        case "ride_hailing_driver": (13, ["出行服务有限公司", "出租汽车有限公司"])
        case "parking_attendant": (14, ["停车管理有限公司", "停车场"])
        case "hotpot_prep": (15, ["火锅店", "老火锅"])
        case "noodle_maker": (16, ["小面馆", "早餐店"])
        case "barista": (17, ["奶茶店", "咖啡馆"])
        case "bakery_assistant": (18, ["烘焙坊", "蛋糕店"])
        case "canteen_worker", "school_canteen_aide": (19, ["食堂管理有限公司", "团餐服务有限公司"])
        case "laundry_worker": (20, ["洗衣店", "洗涤服务有限公司"])
        case "truck_driver": (21, ["物流有限公司", "运输有限公司"])
        default: (0, sector.employerSuffixes)
        }
    }
}
