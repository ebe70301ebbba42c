import Foundation

extension Supervisor {
    /// The staff-access signals from the audit log: heavy readers, reads of people not served, reads
    /// outside working hours, bursts of recommendation lists for one person. Only successful reads of one
    /// person's file count (``AccessRecord/isPersonRead``).
    func accessSignals(_ records: [AccessRecord], applicants: [String: Applicant], districtsByToken: [String: Set<String>]) -> [SupervisionSignal] {
        let reads = records.filter(\.isPersonRead).sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        let byToken = Dictionary(grouping: reads, by: \.actor)
        var signals: [SupervisionSignal] = []

        // Heavy readers: distinct people read versus the median of the same role's other tokens.
        let roleOf = Dictionary(reads.map { ($0.actor, $0.role) }, uniquingKeysWith: { first, _ in first })
        let distinct = byToken.mapValues { Set($0.compactMap(\.applicant)).count }
        for (token, count) in distinct {
            guard let role = roleOf[token], configuration.peerComparedRoles.contains(role), count >= configuration.heavyReaderMinimum else { continue }
            let peers = distinct.filter { $0.key != token && roleOf[$0.key] == role }.map(\.value)
            guard !peers.isEmpty else { continue }
            let median = Self.median(peers)
            guard Double(count) > configuration.heavyReaderFactor * median else { continue }
            let entries = byToken[token] ?? []
            signals.append(SupervisionSignal(
                code: .heavyReader, applicants: entries.compactMap(\.applicant), tokens: [token], auditEntries: entries.map(\.id),
                zh: "账号 \(token)（\(role)）查阅了 \(count) 名援助对象的档案，同角色其他账号的中位数为 \(Self.format(median)) 人，超过其 \(Self.format(configuration.heavyReaderFactor)) 倍：请核实是否滥用查阅权限。",
                en: "Token \(token) (\(role)) read the files of \(count) people; the median of its role's other tokens is \(Self.format(median)), more than \(Self.format(configuration.heavyReaderFactor))×: check for abuse of access."))
        }

        // Reads of people the token does not serve.
        let served = Dictionary(grouping: records.filter(\.isServiceWrite), by: \.actor).mapValues { Set($0.flatMap(\.subjects)) }
        for (token, entries) in byToken {
            guard let role = roleOf[token], configuration.servedCheckRoles.contains(role) else { continue }
            let outside: [AccessRecord]
            let byDistrict = districtsByToken[token]
            if let districts = byDistrict {
                outside = entries.filter { e in applicants[e.applicant!].map { !districts.contains($0.district) } ?? false }
            } else {
                let people = served[token] ?? []
                outside = entries.filter { !people.contains($0.applicant!) }
            }
            let people = Set(outside.compactMap(\.applicant))
            guard people.count >= configuration.unservedReadsMinimum else { continue }
            let zhWhy = byDistrict == nil ? "从未为其记录过就业结果或修改过档案" : "不属于该账号服务的区县（\(byDistrict!.sorted().joined(separator: "、"))）"
            let enWhy = byDistrict == nil ? "for whom it never recorded an outcome or wrote the profile" : "outside the districts it serves (\(byDistrict!.sorted().joined(separator: ", ")))"
            signals.append(SupervisionSignal(
                code: .readsUnservedPeople, applicants: Array(people), tokens: [token], auditEntries: outside.map(\.id),
                zh: "账号 \(token) 查阅了 \(people.count) 名援助对象的档案，这些人\(zhWhy)：请核实查阅理由。",
                en: "Token \(token) read the files of \(people.count) people \(enWhy): check why."))
        }

        // Reads outside working hours (local time).
        for (token, entries) in byToken {
            let late = entries.filter { !configuration.isWorkingTime($0.at) }
            guard late.count >= configuration.offHoursMinimum, !late.isEmpty else { continue }
            let hours = "\(configuration.workingHoursStart):00–\(configuration.workingHoursEnd):00"
            signals.append(SupervisionSignal(
                code: .readsOutsideHours, applicants: late.compactMap(\.applicant), tokens: [token], auditEntries: late.map(\.id),
                zh: "账号 \(token) 在工作时间（\(hours)\(configuration.weekendsOutsideHours ? "，工作日" : "")）以外查阅了 \(late.count) 次援助对象档案：请核实。",
                en: "Token \(token) read people's files \(late.count) time(s) outside working hours (\(hours)\(configuration.weekendsOutsideHours ? ", weekdays" : "")): check why."))
        }

        // Bursts: many recommendation lists of one person by one token within the window.
        let lists = Dictionary(grouping: reads.filter(\.isRecommendationList), by: { $0.actor + "\u{1}" + $0.applicant! })
        for (_, entries) in lists where entries.count >= configuration.burstCount {
            var inBurst: Set<Int64> = []
            var start = 0
            for end in entries.indices {
                while entries[end].at.secondsSince1970 - entries[start].at.secondsSince1970 > configuration.burstWindowSeconds { start += 1 }
                if end - start + 1 >= configuration.burstCount { inBurst.formUnion(entries[start...end].map(\.id)) }
            }
            guard !inBurst.isEmpty, let first = entries.first, let person = first.applicant else { continue }
            let minutes = Self.format(configuration.burstWindowSeconds / 60)
            signals.append(SupervisionSignal(
                code: .recommendationBurst, applicants: [person], tokens: [first.actor], auditEntries: Array(inBurst),
                zh: "账号 \(first.actor) 在 \(minutes) 分钟内为援助对象 \(person) 反复生成推荐列表（共 \(inBurst.count) 次，阈值 \(configuration.burstCount) 次）：疑似试探或操纵推荐结果，请核实。",
                en: "Token \(first.actor) asked for applicant \(person)'s recommendation list \(inBurst.count) times within \(minutes)-minute windows (threshold \(configuration.burstCount)): check for probing or gaming of the list."))
        }
        return signals
    }

    static func median(_ values: [Int]) -> Double {
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
