import JobMatchCore

/// The caseworkers of each district (`by` of `services.jsonl`): three to six invented names per district, drawn
/// from common surnames and given names on the district's own stream. No real person.
struct StaffRoster: Sendable {
    let names: [[String]]

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭", "何", "罗", "高", "谭", "冉", "向"]
    static let givenNames = ["芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华", "晓东", "玉兰", "海燕", "红梅", "志刚"]

    init(seed: UInt64, districts: Int) {
        names = (0..<districts).map { district in
            var rng = SeededRandom(seed: seed, stream: 24, index: district)
            var chosen: [String] = []
            let count = rng.int(3...6)
            while chosen.count < count {
                let name = rng.pick(Self.surnames) + rng.pick(Self.givenNames)
                if !chosen.contains(name) { chosen.append(name) }
            }
            return chosen
        }
    }

    /// The caseworker of one person: the same one for every entry of that person.
    func caseworker(district: Int, person: Int) -> String {
        let staff = names[district]
        return staff[person % staff.count]
    }
}
