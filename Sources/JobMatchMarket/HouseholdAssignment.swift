import Foundation
import JobMatchCore

/// Households of a generated market (interchange 1.1 `household`), formed after the simulation on stream 22.
///
/// - **Zero-employment households (零就业家庭).** The people certified `zero_employment_household` are grouped,
///   district by district in index order, into households of one to three of them (35/45/20%); half of the
///   one-member households get a second registered member who is not certified (and not employed at `as_of`).
///   Members share the id `H<district>-<serial>`.
/// - **Cleared (动态清零).** A household is cleared when one of its members is employed at `as_of` (hired, not
///   separated): from that hire on, the other members no longer carry `zero_employment_household` (removed from
///   their records); the hired member's record stays as it was when hired. A household nobody of which is employed
///   at `as_of` is still zero-employment: every member carries the group (added to the second member).
///   `updated_at` is left as generated; a member left with no group is `registered_unemployed`.
/// - **Rules stay as recorded.** A person whose only public-welfare eligible group is `zero_employment_household` and
///   who has a rule-checked event (recommended, interviewed, hired, retained) on a public-welfare post never shares
///   a household with a member employed at `as_of`, so removing the group never changes a recorded verdict.
/// - **Other households.** 6% of the other people share a household with the next unhoused person of their
///   district (two registered members, no group changed).
struct HouseholdAssignment {
    /// Each applicant's household id.
    var ids: [String?]
    /// For the members of zero-employment households: when the household was cleared (nil: still not cleared
    /// at `as_of`). People in no such household are absent.
    var zeroEmploymentUntil: [Int: Timestamp?] = [:]

    init(applicants: inout [Applicant], events: [[Interaction]], jobs: [String: Job], seed: UInt64) {
        var rng = SeededRandom(seed: seed, stream: 22, index: 0)
        let n = applicants.count
        ids = Array(repeating: nil, count: n)
        let employedAt: [Timestamp?] = (0..<n).map { i in
            applicants[i].status == .employed ? events[i].last { $0.event == .hired }?.at : nil
        }
        let relies: [Bool] = (0..<n).map { i in
            let a = applicants[i]
            guard a.isIn(.zeroEmploymentHousehold) else { return false }
            let others = a.groups.contains { $0 != .zeroEmploymentHousehold && AssistanceGroup.publicWelfareEligible.contains($0) }
            return !others && events[i].contains { e in
                [.recommended, .interviewed, .hired, .retained3m].contains(e.event) && jobs[e.job]?.jobType == .publicWelfare
            }
        }
        var byDistrict: [String: [Int]] = [:]
        for i in 0..<n { byDistrict[applicants[i].district, default: []].append(i) }
        var serial: [String: Int] = [:]
        func newID(_ district: String) -> String {
            serial[district, default: 0] += 1
            return String(format: "H%@-%05d", district, serial[district]!)
        }
        var households: [[Int]] = []
        for district in byDistrict.keys.sorted() {
            let people = byDistrict[district]!
            var seeds = people.filter { applicants[$0].isIn(.zeroEmploymentHousehold) }[...]
            while let first = seeds.popFirst() {
                var members = [first]
                let size = [1, 2, 3][rng.weightedIndex([0.35, 0.45, 0.2])]
                while members.count < size, let next = seeds.first {
                    let all = members + [next]
                    if all.contains(where: { employedAt[$0] != nil }), all.contains(where: { relies[$0] }) { break }
                    members.append(seeds.removeFirst())
                }
                if members.count == 1, employedAt[first] == nil, rng.chance(0.5) {
                    let pool = people.filter { ids[$0] == nil && !applicants[$0].isIn(.zeroEmploymentHousehold) && employedAt[$0] == nil }
                    if !pool.isEmpty { members.append(rng.pick(pool)) }
                }
                let id = newID(district)
                for m in members { ids[m] = id }
                households.append(members)
            }
            var open: Int?
            for i in people where ids[i] == nil {
                if let first = open {
                    let id = newID(district)
                    ids[first] = id
                    ids[i] = id
                    open = nil
                } else if rng.chance(0.06) {
                    open = i
                }
            }
        }
        for members in households {
            let cleared = members.compactMap { employedAt[$0] }.min()
            for m in members {
                zeroEmploymentUntil[m] = cleared
                if cleared != nil {
                    if employedAt[m] == nil {
                        applicants[m].groups.removeAll { $0 == .zeroEmploymentHousehold }
                        if applicants[m].groups.isEmpty { applicants[m].groups = [.registeredUnemployed] }
                    }
                } else if !applicants[m].isIn(.zeroEmploymentHousehold) {
                    applicants[m].groups.append(.zeroEmploymentHousehold)
                }
            }
        }
        for i in 0..<n { applicants[i].household = ids[i] }
    }
}
