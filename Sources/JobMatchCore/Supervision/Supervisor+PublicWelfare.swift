extension Supervisor {
    /// Public-welfare occupants (hired into a `public_welfare` posting, not separated by the as-of time) who
    /// are no longer in an eligible group (hard rule 4, ``HardRules/isPublicWelfareEligible(_:)``), or who
    /// also hold a market job (``SupervisionConfiguration/marketJobTypes``).
    func welfareSignals(_ events: [Interaction], jobs: [String: Job], applicants: [String: Applicant]) -> [SupervisionSignal] {
        let held = Self.spells(events).filter { $0.end == nil }
        let welfare = held.filter { jobs[$0.job]?.jobType == .publicWelfare }
        let market = Dictionary(grouping: held.filter { jobs[$0.job].map { configuration.marketJobTypes.contains($0.jobType) } ?? false },
                                by: \.applicant)
        var signals: [SupervisionSignal] = []
        for spell in welfare {
            guard let person = applicants[spell.applicant] else { continue }
            if !HardRules.isPublicWelfareEligible(person) {
                let groups = person.groups.isEmpty ? "无" : person.groups.map(\.rawValue).joined(separator: "、")
                signals.append(SupervisionSignal(
                    code: .ineligibleWelfareOccupant, applicants: [person.id], jobs: [spell.job],
                    zh: "援助对象 \(person.id) 自 \(spell.start.text) 在公益性岗位 \(spell.job) 在岗，但目前不属于任何可安置公益性岗位的援助群体（现有认定：\(groups)）：疑似违规在岗人员，请核实并按规定清退。",
                    en: "Applicant \(person.id) has held public-welfare post \(spell.job) since \(spell.start.text) but is certified in none of the groups public-welfare posts are for (groups: \(person.groups.isEmpty ? "none" : person.groups.map(\.rawValue).joined(separator: ", "))): a possible ineligible occupant."))
            }
            if let other = market[spell.applicant], !other.isEmpty {
                let otherJobs = other.map(\.job).sorted()
                signals.append(SupervisionSignal(
                    code: .welfareOccupantWithMarketJob, applicants: [person.id], jobs: [spell.job] + otherJobs,
                    zh: "援助对象 \(person.id) 在公益性岗位 \(spell.job) 在岗，同时在市场岗位 \(otherJobs.joined(separator: "、")) 在岗：已实现市场就业者不应继续占用公益性岗位。",
                    en: "Applicant \(person.id) holds public-welfare post \(spell.job) and also market job(s) \(otherJobs.joined(separator: ", ")): someone employed on the market should not keep a public-welfare post."))
            }
        }
        return signals
    }
}
