@testable import JobMatchCore
import Testing

@Suite("batch allocation")
struct AllocatorTests {
    /// A random market of seekers whose candidates are random postings with random scores, best first.
    static func market(seed: UInt64, seekers: Int, postings: Int, depth: Int) -> ([AllocationSeeker], [AllocationPosting]) {
        var g = SeededGenerator(seed: seed)
        let posts = (0..<postings).map { AllocationPosting(id: "J\(1000 + $0)", openings: Int(1 + g.next() % 3)) }
        let groupsPool: [[AssistanceGroup]] = [[], [], [.zeroEmploymentHousehold], [.disabled], [.olderWorker, .lowIncome], [.graduate]]
        let people = (0..<seekers).map { n -> AllocationSeeker in
            var rows = Set<Int32>()
            while rows.count < min(depth, postings) { rows.insert(Int32(g.next() % UInt64(postings))) }
            let candidates = rows.map { AllocationCandidate(posting: $0, score: Float(g.next() % 1000) / 1000) }
                .sorted { $0.score > $1.score || ($0.score == $1.score && $0.posting < $1.posting) }
            return AllocationSeeker(id: "A\(10000 + n)", groups: groupsPool[Int(g.next() % UInt64(groupsPool.count))], candidates: candidates)
        }
        return (people, posts)
    }

    @Test("exposure never exceeds the cap; each list is k distinct candidates in the person's own order", arguments: [1, 2, 3, 4])
    func capsHold(seed: UInt64) {
        let (seekers, postings) = Self.market(seed: seed, seekers: 600, postings: 40, depth: 25)
        let configuration = AllocationConfiguration(k: 10, capFactor: 20, minimumCap: 20)
        let result = Allocator(configuration: configuration).allocate(seekers: seekers, postings: postings)
        var exposure = [Int](repeating: 0, count: postings.count)
        for (seeker, list) in zip(seekers, result.lists) {
            #expect(list.count <= 10)
            #expect(Set(list.map(\.posting)).count == list.count)
            // A subsequence of the candidates, in order.
            var position = 0
            for item in list {
                while position < seeker.candidates.count, seeker.candidates[position] != item { position += 1 }
                #expect(position < seeker.candidates.count)
                position += 1
            }
            for item in list { exposure[Int(item.posting)] += 1 }
        }
        #expect(exposure == result.exposure)
        for (e, posting) in zip(exposure, postings) { #expect(e <= max(20, 20 * posting.openings)) }
        #expect(BatchReport(seekers: seekers, postings: postings, result: result, k: 10).capExceeded == 0)
        // The market is scarce (40 postings, at most 60 pushes each, 6000 wanted): some caps are reached.
        #expect(zip(exposure, postings).contains { $0 == max(20, 20 * $1.openings) })
    }

    @Test("zero-employment households are served first when openings are scarce")
    func zeroEmploymentFirst() {
        // One posting (cap 20) wanted by 30 households and 30 others who score it higher.
        let postings = [AllocationPosting(id: "J1", openings: 1)]
        var seekers: [AllocationSeeker] = []
        for n in 0..<30 {
            seekers.append(AllocationSeeker(id: "B\(n)", groups: [], candidates: [AllocationCandidate(posting: 0, score: 0.9)]))
            seekers.append(AllocationSeeker(id: "Z\(n)", groups: [.zeroEmploymentHousehold, .lowIncome], candidates: [AllocationCandidate(posting: 0, score: 0.2)]))
            seekers.append(AllocationSeeker(id: "C\(n)", groups: [.disabled], candidates: [AllocationCandidate(posting: 0, score: 0.95)]))
        }
        let result = Allocator(configuration: AllocationConfiguration(k: 10)).allocate(seekers: seekers, postings: postings)
        let served = Set(zip(seekers, result.lists).filter { !$0.1.isEmpty }.map(\.0.id))
        #expect(served.count == 20)
        #expect(served.allSatisfy { $0.hasPrefix("Z") })
        // With 40 slots, the 30 households and then the 10 certified with the best scores (ties by id).
        let wider = Allocator(configuration: AllocationConfiguration(k: 10, minimumCap: 40)).allocate(seekers: seekers, postings: postings)
        let servedWider = zip(seekers, wider.lists).filter { !$0.1.isEmpty }.map(\.0.id)
        #expect(servedWider.filter { $0.hasPrefix("Z") }.count == 30)
        #expect(servedWider.filter { $0.hasPrefix("C") }.count == 10)
        #expect(servedWider.filter { $0.hasPrefix("B") }.isEmpty)
        let report = BatchReport(seekers: seekers, postings: postings, result: result, k: 10)
        #expect(report.groups["priority:zero_employment_household"]?.served == 20)
        #expect(report.groups["group:none"]?.served == 0)
        #expect(report.largestExposurePerOpening == 20)
    }

    @Test("everyone gets k items where enough fit, and without caps the lists are the pure top k")
    func fullListsAndPureRanking() {
        let (seekers, postings) = Self.market(seed: 9, seekers: 50, postings: 400, depth: 30)
        let capped = Allocator(configuration: AllocationConfiguration(k: 10)).allocate(seekers: seekers, postings: postings)
        #expect(capped.lists.allSatisfy { $0.count == 10 })
        let (crowd, few) = Self.market(seed: 5, seekers: 500, postings: 15, depth: 15)
        let pure = Allocator(configuration: AllocationConfiguration(k: 10, capsEnabled: false)).allocate(seekers: crowd, postings: few)
        for (seeker, list) in zip(crowd, pure.lists) { #expect(list == Array(seeker.candidates.prefix(10))) }
        #expect(pure.caps.allSatisfy { $0 == Int.max })
        let report = BatchReport(seekers: crowd, postings: few, result: pure, k: 10)
        #expect(report.largestExposure > 20)
    }

    @Test("the lists do not depend on the order the seekers come in")
    func orderIndependent() {
        let (seekers, postings) = Self.market(seed: 3, seekers: 300, postings: 30, depth: 20)
        let allocator = Allocator(configuration: AllocationConfiguration(k: 5))
        let forward = allocator.allocate(seekers: seekers, postings: postings)
        let backward = allocator.allocate(seekers: seekers.reversed(), postings: postings)
        let a = Dictionary(uniqueKeysWithValues: zip(seekers.map(\.id), forward.lists))
        let b = Dictionary(uniqueKeysWithValues: zip(seekers.reversed().map(\.id), backward.lists))
        #expect(a == b)
    }

    @Test("the cap is max(minimum, factor × openings), or none")
    func capFormula() {
        let c = AllocationConfiguration(k: 10, capFactor: 20, minimumCap: 30)
        #expect(c.cap(openings: 1) == 30)
        #expect(c.cap(openings: 2) == 40)
        #expect(AllocationConfiguration(capsEnabled: false).cap(openings: 1) == Int.max)
    }
}
