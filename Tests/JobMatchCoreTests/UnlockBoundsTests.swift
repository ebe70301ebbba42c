import Testing
@testable import JobMatchCore

/// The bounded unlock computation (``UnlockComputation/compute(applicant:courses:asOf:)``) against the full
/// rescoring of every profile over every posting (``UnlockComputation/computeByFullRescoring(applicant:courses:asOf:)``,
/// independent code: one sgemm of every variant over every row): the same result on random markets, public-welfare
/// posts and postings requiring two certificates included, with the float32 path and with the compact matrix.
@Suite struct UnlockBoundsTests {
    static let asOf = Timestamp(rfc3339: "2026-11-15T09:00:00+08:00")!

    /// A random market whose postings sometimes require two certificates, and random courses over its terms.
    static func market(seed: UInt64, jobs: Int) -> (applicants: [Applicant], jobs: [Job], courses: [Training]) {
        var m = TestMarket(seed: seed)
        var (applicants, postings) = m.market(applicants: 40, jobs: jobs)
        for i in postings.indices where m.chance(0.1) {
            postings[i].certificatesRequired = Array(Set(postings[i].certificatesRequired + [m.pick(TestMarket.certificates)])).sorted()
        }
        for i in applicants.indices where m.chance(0.5) { applicants[i].certificates = [] }
        let courses = (0..<14).map { n in
            Training(id: "T\(n)", title: "培训\(n)", district: m.pick(TestMarket.districts), mode: m.chance(0.3) ? .online : nil,
                     skills: (0..<Int(1 + m.generator.next() % 3)).map { _ in m.pick(TestMarket.skills) },
                     certificates: (0..<Int(m.generator.next() % 3)).map { _ in m.pick(TestMarket.certificates) },
                     educationMin: m.chance(0.2) ? m.pick(Education.allCases) : nil,
                     startsAt: asOf.adding(days: Double(n)), endsAt: asOf.adding(days: Double(30 + n)))
        }
        return (applicants, postings, courses)
    }

    /// `exact`: the same floats. Else (the compact path) the person's own scores may differ in the last bits: the
    /// bounded path rescores them as the person's list does (index order, no fused multiply-add), the full
    /// rescoring by BLAS; the postings, counts, lists and gains must still be the same.
    static func expectSame(_ got: UnlockComputation.Result, _ want: UnlockComputation.Result, _ who: String, exact: Bool) {
        if exact {
            #expect(got.reach == want.reach, "reach of \(who)")
            #expect(got.fitting.map(\.row) == want.fitting.map(\.row), "fitting of \(who)")
            #expect(got.fitting.map(\.score) == want.fitting.map(\.score), "fitting scores of \(who)")
        } else {
            var (a, b) = (got.reach, want.reach)
            #expect(abs((a.bestScore ?? 0) - (b.bestScore ?? 0)) < 1e-5, "best score of \(who)")
            (a.bestScore, b.bestScore) = (nil, nil)
            #expect(a == b, "reach of \(who)")
            let scores = Dictionary(uniqueKeysWithValues: want.fitting.map { ($0.row, $0.score) })
            #expect(Set(got.fitting.map(\.row)) == Set(scores.keys), "fitting of \(who)")
            #expect(got.fitting.allSatisfy { abs($0.score - (scores[$0.row] ?? -1)) < 1e-5 }, "fitting scores of \(who)")
        }
        #expect(got.topList.map(\.job) == want.topList.map(\.job), "top list of \(who)")
        #expect(got.publicWelfare.map(\.row) == want.publicWelfare.map(\.row), "public welfare of \(who)")
        #expect(got.selfEmployment.map(\.job) == want.selfEmployment.map(\.job), "stalls of \(who)")
        #expect(got.courses == want.courses, "courses of \(who)")
        #expect(got.certificate == want.certificate, "certificate of \(who)")
    }

    /// Runs both on every person of the market; returns how many gains were compared (must not be trivial).
    static func compare(_ matcher: Matcher, applicants: [Applicant], courses: [Training], rules: PlanRules, exact: Bool = true) throws -> Int {
        var gains = 0
        let unlock = UnlockComputation(matcher: matcher, rules: rules)
        for person in applicants {
            let fast = try #require(unlock.bounded(applicant: person, courses: courses, asOf: asOf), "the bounded path applies to \(person.id)")
            let full = unlock.computeByFullRescoring(applicant: person, courses: courses, asOf: asOf)
            expectSame(fast, full, person.id, exact: exact)
            gains += full.courses.reduce(0) { $0 + $1.gain } + (full.certificate?.unlock.gain ?? 0)
        }
        return gains
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func theBoundedPathEqualsTheFullRescoringOnTheFloatPath(seed: UInt64) throws {
        let (applicants, jobs, courses) = Self.market(seed: 160 + seed, jobs: 600)
        var configuration = MatcherConfiguration()
        configuration.useReferenceKernel = true
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: applicants, jobs: jobs), jobs: jobs), configuration: configuration)
        // Fitting thresholds low and high, so that both few and many postings fit.
        for fitting: Float in [0.15, 0.30, 0.45] {
            var rules = PlanRules()
            rules.fittingScore = fitting
            rules.courseReachKm = 200
            #expect(try Self.compare(matcher, applicants: applicants, courses: courses, rules: rules) > 0)
        }
    }

    @Test(arguments: [UInt64(5), 6])
    func theBoundedPathEqualsTheFullRescoringOnTheCompactMatrix(seed: UInt64) throws {
        let (applicants, jobs, courses) = Self.market(seed: 160 + seed, jobs: 1_500)
        var configuration = MatcherConfiguration()
        configuration.compactFromRows = 0
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: applicants, jobs: jobs), jobs: jobs), configuration: configuration)
        var rules = PlanRules()
        rules.fittingScore = 0.25
        rules.courseReachKm = 200
        #expect(try Self.compare(matcher, applicants: applicants, courses: courses, rules: rules, exact: false) > 0)
    }

    /// A plan without a training track wants no courses (``PlanBuilder``): none is rescored, the reach and the lists
    /// are what they are with the courses, on both paths; the question is asked once, when the reach is known.
    @Test func withoutCoursesWantedOnlyTheCoursesGo() {
        let (applicants, jobs, courses) = Self.market(seed: 171, jobs: 600)
        var configuration = MatcherConfiguration()
        configuration.useReferenceKernel = true
        let matcher = Matcher(index: JobIndex(model: MatchModel.build(from: applicants, jobs: jobs), jobs: jobs), configuration: configuration)
        var rules = PlanRules()
        rules.fittingScore = 0.30
        rules.courseReachKm = 200
        let unlock = UnlockComputation(matcher: matcher, rules: rules)
        var asked = 0, withCourses = 0
        for person in applicants {
            var want = unlock.computeByFullRescoring(applicant: person, courses: courses, asOf: Self.asOf)
            if !want.courses.isEmpty { withCourses += 1 }
            want.courses = []
            want.certificate = nil
            let bounded = unlock.compute(applicant: person, courses: courses, asOf: Self.asOf, coursesWanted: { reach in
                asked += 1
                #expect(reach == want.reach)
                return false
            })
            Self.expectSame(bounded, want, person.id, exact: true)
            Self.expectSame(unlock.computeByFullRescoring(applicant: person, courses: courses, asOf: Self.asOf, coursesWanted: { _ in false }),
                            want, person.id, exact: true)
        }
        #expect(asked == applicants.count)
        #expect(withCourses > 0)
    }

    @Test func aPatchedRowEqualsARowExtractedFromScratch() {
        let (applicants, jobs, courses) = Self.market(seed: 170, jobs: 200)
        let extractor = FeatureExtractor(model: MatchModel.build(from: applicants, jobs: jobs))
        for person in applicants {
            let base = extractor.applicantVector(person, at: Self.asOf)
            for course in courses {
                var trained = person
                trained.skills += course.skills
                trained.certificates += course.certificates
                let scratch = extractor.applicantVector(trained, at: Self.asOf)
                #expect(extractor.applicantVector(trained, at: Self.asOf, patching: base) == scratch)
                let profile = ApplicantProfile(person, vocabulary: extractor.model.skills)
                    .adding(skills: course.skills, certificates: course.certificates, vocabulary: extractor.model.skills)
                #expect(extractor.applicantVector(trained, patching: base, profile: profile) == scratch)
                var text = SkillTextPatcher(extractor: extractor, applicant: person)
                #expect(extractor.applicantVector(trained, patching: base, profile: profile, text: { text.write(adding: course.skills, into: &$0) }) == scratch)
            }
        }
    }
}
