import JobMatchCore
import JobMatchMarket
import Testing

/// The interchange 1.1 part of a generated market (datasets/README.md, "Trainings, households and services"):
/// checked against what the README states, on the shared 3,000 × 1,500 market.
@Suite("Generated trainings, households and services")
struct MarketAssistanceTests {
    let market = MarketFixture.market
    let asOf = MarketFixture.configuration.asOf

    @Test("every service kind is used, every reference resolves, entries are in time order before as_of")
    func servicesAreConsistent() {
        #expect(Set(market.services.map(\.kind)) == Set(ServiceKind.allCases))
        let applicants = Set(market.applicants.map(\.id)), jobs = Set(market.jobs.map(\.id)), trainings = Set(market.trainings.map(\.id))
        for s in market.services {
            #expect(applicants.contains(s.applicant))
            if let job = s.job { #expect(jobs.contains(job)) }
            if let training = s.training { #expect(trainings.contains(training)) }
            #expect(s.at < asOf)
        }
        #expect(zip(market.services, market.services.dropFirst()).allSatisfy { $0.at <= $1.at })
        #expect(market.services.allSatisfy { ($0.kind == .publicWelfarePlacement) == ($0.kind.needsJob && $0.job != nil) || !$0.kind.needsJob })
    }

    @Test("courses: the issue's course types, plausible hours, seats and dates around as_of")
    func coursesArePlausible() {
        #expect(market.trainings.count == 120)
        for key in ["家政", "养老护理", "电工", "叉车", "电商直播", "中式烹调", "美", "保安"] {
            #expect(market.trainings.contains { $0.title.contains(key) }, "no \(key) course")
        }
        for t in market.trainings {
            #expect(t.endsAt > t.startsAt)
            #expect((24...240).contains(t.hours ?? 0))
            #expect((20...50).contains(t.seats ?? 20))
            #expect(abs(t.startsAt.secondsSince1970 - asOf.secondsSince1970) <= 91 * 86_400)
            #expect(!t.skills.isEmpty)
        }
        #expect(market.trainings.contains { $0.certificates.contains("电工证") })
        #expect(market.trainings.contains { $0.effectiveMode == .online })
    }

    @Test("enrolments come before the course starts; a completion at its end gives the person its certificates")
    func trainingEntries() throws {
        let courses = Dictionary(uniqueKeysWithValues: market.trainings.map { ($0.id, $0) })
        let people = Dictionary(uniqueKeysWithValues: market.applicants.map { ($0.id, $0) })
        var completed = 0
        for s in market.services where s.kind == .trainingEnrolled || s.kind == .trainingCompleted {
            let course = try #require(courses[s.training ?? ""])
            if s.kind == .trainingEnrolled { #expect(s.at < course.startsAt) }
            if s.kind == .trainingCompleted {
                completed += 1
                #expect(s.at == course.endsAt)
                let person = try #require(people[s.applicant])
                #expect(course.certificates.allSatisfy(person.certificates.contains))
                #expect(market.services.contains { $0.applicant == s.applicant && $0.kind == .trainingEnrolled && $0.training == s.training })
            }
        }
        #expect(completed > 10)
    }

    @Test("a public-welfare placement is a hire into that public-welfare post; hires are followed up")
    func placementsAndFollowUps() {
        let jobs = Dictionary(uniqueKeysWithValues: market.jobs.map { ($0.id, $0) })
        let hires = Set(market.interactions.filter { $0.event == .hired }.map { "\($0.applicant)/\($0.job)/\($0.at.secondsSince1970)" })
        for s in market.services where s.kind == .publicWelfarePlacement {
            #expect(jobs[s.job!]?.jobType == .publicWelfare)
            #expect(hires.contains("\(s.applicant)/\(s.job!)/\(s.at.secondsSince1970)"))
        }
        let hired = Set(market.interactions.filter { $0.event == .hired }.map(\.applicant))
        let followed = Set(market.services.filter { $0.kind == .followUp }.map(\.applicant))
        #expect(followed.isSubset(of: hired))
        // A hire 40 days or more before as_of has its 30-day revisit 85% of the time (a 90-day one 75% …).
        let early = Set(market.interactions.filter { $0.event == .hired && $0.at.secondsSince1970 < asOf.secondsSince1970 - 40 * 86_400 }.map(\.applicant))
        #expect(Double(early.intersection(followed).count) > 0.8 * Double(early.count))
    }

    @Test("households: several members; a zero-employment household is cleared by a member employed at as_of")
    func households() {
        let members = Dictionary(grouping: market.applicants.filter { $0.household != nil }, by: { $0.household! })
        #expect(members.values.contains { $0.count >= 3 })
        #expect(members.values.filter { $0.count >= 2 }.count > 20)
        var cleared = 0, zero = 0
        for (_, people) in members where people.contains(where: { $0.isIn(.zeroEmploymentHousehold) }) || people.count > 0 {
            let employed = people.filter { $0.status == .employed }
            let carrying = people.filter { $0.isIn(.zeroEmploymentHousehold) }
            guard !carrying.isEmpty else { continue }
            if employed.isEmpty {
                zero += 1
                #expect(carrying.count == people.count, "an uncleared zero-employment household: every member carries it")
            } else {
                cleared += 1
                #expect(carrying.allSatisfy { $0.status == .employed }, "cleared: only the hired member's record keeps it")
            }
        }
        #expect(zero > 10 && cleared > 0)
        // Immediate help goes to zero-employment households.
        let helped = Set(market.services.filter { $0.kind == .immediateHelp }.map(\.applicant))
        let inZero = Set(market.applicants.filter { $0.isIn(.zeroEmploymentHousehold) && $0.status != .employed }.map(\.id))
        #expect(inZero.isSubset(of: helped.union(market.applicants.filter { $0.updatedAt >= asOf }.map(\.id))) || inZero.subtracting(helped).count * 10 < inZero.count)
    }
}
