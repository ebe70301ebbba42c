import Testing
@testable import JobMatchCore

/// The bulk rule columns must say exactly what the scalar reference `HardRules.violations` says.
@Suite struct HardRuleMaskTests {
    func check(_ a: Applicant, _ j: Job, at time: Timestamp, sourceLocation: SourceLocation = #_sourceLocation) {
        var columns = RuleColumns()
        columns.append(j)
        let profile = ApplicantRuleProfile(a, at: time)
        let reference = HardRules.violations(applicant: a, job: j, at: time)
        #expect(columns.violations(profile, 0, at: time.secondsSince1970) == reference,
                "\(a.id) × \(j.id)", sourceLocation: sourceLocation)
        let bulk = columns.isOpen(0, at: time.secondsSince1970) && columns.allows(profile, 0)
        #expect(bulk == reference.isEmpty, "\(a.id) × \(j.id)", sourceLocation: sourceLocation)
    }

    @Test func randomPairsAgreeWithReference() {
        var market = TestMarket(seed: 7)
        let (applicants, jobs) = market.market(applicants: 300, jobs: 300)
        var broken: [HardRule: Int] = [:]
        for a in applicants {
            for j in jobs {
                check(a, j, at: market.asOf)
                for rule in HardRules.violations(applicant: a, job: j, at: market.asOf) { broken[rule, default: 0] += 1 }
            }
        }
        // Every rule occurs in the sample, so agreement covers each of them.
        for rule in HardRule.allCases { #expect(broken[rule, default: 0] > 0, "\(rule) never occurred") }
    }

    @Test func everyAccommodationLiftsItsCategory() {
        var market = TestMarket(seed: 1)
        let base = market.applicant(0)
        let job = market.job(0)
        let lifts: [(DisabilityCategory, Demands.Kind, Accommodation?)] = [
            (.visual, .vision, .screenReader), (.hearing, .hearing, .signLanguage), (.speech, .speech, .signLanguage),
            (.physical, .standing, .wheelchairAccess), (.physical, .walking, .wheelchairAccess), (.physical, .lifting, nil),
            (.intellectual, .cognitive, .jobCoach), (.mental, .stress, .restBreaks),
        ]
        for (category, kind, accommodation) in lifts {
            for grade in 1...4 {
                for level in DemandLevel.allCases {
                    for offered in [false, true] {
                        var a = base
                        a.disability = Disability(categories: [category], grade: grade)
                        var j = job
                        j.status = .open
                        j.demands = Demands([kind: level])
                        j.accommodations = offered ? (accommodation.map { [$0] } ?? Accommodation.allCases) : []
                        check(a, j, at: market.asOf)
                    }
                }
            }
        }
    }

    @Test func boundaryValuesAgree() {
        var market = TestMarket(seed: 3)
        let t = market.asOf
        var a = market.applicant(1)
        var j = market.job(1)
        j.status = .open
        // Open interval edges.
        for (posted, expires) in [(t, t.adding(days: 1)), (t.adding(seconds: 1), t.adding(days: 1)), (t.adding(days: -1), t),
                                  (t.adding(days: -1), t.adding(seconds: 0.001))] {
            j.postedAt = posted
            j.expiresAt = expires
            check(a, j, at: t)
        }
        // Age limits at the exact age.
        let age = a.age(at: t)
        for range in [AgeRange(min: age), AgeRange(min: age + 1), AgeRange(max: age), AgeRange(max: age - 1)] {
            j.age = range
            check(a, j, at: t)
        }
        // Hours at the capacity limits.
        for capacity in WorkCapacity.allCases {
            a.workCapacity = capacity
            for hours in [20, 20.000001, 40, 40.000001, 60] {
                j.hoursPerWeek = hours
                check(a, j, at: t)
            }
        }
        // Commute exactly at, just under and just over the distance.
        a.location = GeoPoint(lat: 29.56, lng: 106.55)
        for remote in [false, true] {
            j.remote = remote
            for offset in [0.0, 0.3, 12.7, 80] {
                j.location = GeoPoint(lat: 29.56 + offset / 111, lng: 106.55 + offset / 200)
                let distance = a.location!.distanceKm(to: j.location!)
                for limit in [distance, distance.nextUp, distance.nextDown, distance * (1 + 1e-9), 0, -1, .infinity] {
                    a.preferences.maxCommuteKm = limit
                    check(a, j, at: t)
                }
            }
        }
    }
}
