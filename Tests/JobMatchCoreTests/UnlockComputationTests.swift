import Testing
@testable import JobMatchCore

/// The unlock count against a brute force written here: per posting `HardRules.violations` and the naive dot
/// product, sorted by hand; and a training changes no hard-rule verdict.
@Suite struct UnlockComputationTests {
    static let asOf = Timestamp(rfc3339: "2026-11-15T09:00:00+08:00")!

    /// A small market without public-welfare posts (so the top list is the market's own order), a third of the
    /// postings asking for a certificate.
    static let market: (applicants: [Applicant], jobs: [Job]) = {
        var m = TestMarket(seed: 1616)
        let (applicants, jobs) = m.market(applicants: 30, jobs: 400)
        return (applicants, jobs.filter { $0.jobType != .publicWelfare })
    }()

    static func courses() -> [Training] {
        func t(_ id: String, _ title: String, skills: [String], certificates: [String], district: String = "500103", days: Double,
               education: Education? = nil, ends: Double = 30, mode: TrainingMode? = nil) -> Training {
            Training(id: id, title: title, district: district, mode: mode, skills: skills, certificates: certificates, educationMin: education,
                     startsAt: asOf.adding(days: days), endsAt: asOf.adding(days: ends))
        }
        return [
            t("T1", "电工培训", skills: ["电工"], certificates: ["电工证"], days: 3),
            t("T2", "叉车培训", skills: ["叉车"], certificates: ["叉车证"], days: 5),
            t("T3", "家政服务员培训", skills: ["家政", "保洁"], certificates: ["健康证"], days: 1),
            t("T4", "保安员培训", skills: ["保安"], certificates: ["保安员证"], district: "500236", days: 2),
            t("T5", "养老护理员培训", skills: ["养老护理"], certificates: ["健康证"], days: 4, mode: .online),
            t("T6", "电商直播培训", skills: ["电商直播", "客服"], certificates: [], days: 6, education: .seniorHigh),
            t("T7", "已结束的叉车培训", skills: ["叉车"], certificates: ["叉车证"], days: -40, ends: -1),
            t("T8", "电工培训（万州）", skills: ["电工"], certificates: ["电工证"], district: "500101", days: 3),
        ]
    }

    /// The brute force: allowed postings and their naive scores, best first (score, then id).
    static func bruteForce(_ person: Applicant, matcher: Matcher) -> [(job: Job, score: Float)] {
        let index = matcher.index
        let v = matcher.extractor.applicantVector(person, at: asOf)
        let d = index.dimension
        var scored: [(job: Job, score: Float)] = []
        for job in index.jobs where HardRules.violations(applicant: person, job: job, at: asOf).isEmpty {
            let r = index.row(of: job.id)!
            var sum: Float = 0
            for k in 0..<d { sum += v[k] * index.vectors[r * d + k] }
            scored.append((job, sum))
        }
        return scored.sorted { $0.score > $1.score || ($0.score == $1.score && $0.job.id < $1.job.id) }
    }

    static func matcher() -> Matcher {
        var configuration = MatcherConfiguration()
        configuration.useReferenceKernel = true
        let (applicants, jobs) = market
        return Matcher(index: JobIndex(model: MatchModel.build(from: applicants, jobs: jobs), jobs: jobs), configuration: configuration)
    }

    @Test func unlockCountsEqualBruteForceRescoring() {
        let matcher = Self.matcher()
        var checkedGains = 0, reachedOut = 0
        for base in Self.market.applicants.prefix(12) {
            var person = base
            person.certificates = []
            person.education = .seniorHigh
            // The fitting threshold: the brute force's 25th best score, so that some postings fit and some do not.
            let baseline = Self.bruteForce(person, matcher: matcher)
            guard baseline.count > 30 else { continue }
            var rules = PlanRules()
            rules.fittingScore = baseline[24].score
            let found = UnlockComputation(matcher: matcher, rules: rules).compute(applicant: person, courses: Self.courses(), asOf: Self.asOf)
            let top0 = Set(baseline.prefix(rules.topListSize).map(\.job.id))
            #expect(found.reach.allowedPostings == baseline.count)
            #expect(found.reach.fittingPostings == baseline.filter { $0.score >= rules.fittingScore }.count)
            var expected: [(id: String, gain: Set<String>, km: Double, start: Timestamp)] = []
            // Courses the person can take (education, not ended) that add a skill or a certificate they lack.
            for course in Self.courses() where course.endsAt > Self.asOf && (course.educationMin?.rank ?? 0) <= person.education.rank
                && !(course.skills.allSatisfy(person.skills.contains) && course.certificates.allSatisfy(person.certificates.contains)) {
                let km = course.effectiveMode == .online ? 0
                    : ((person.location ?? District.chongqing(code: person.district)!.centre)
                        .distanceKm(to: District.chongqing(code: course.district)!.centre) * 10).rounded() / 10
                // Within reach: no farther than the person's own commute limit, or 50 km when they state none.
                guard km <= (person.preferences.maxCommuteKm ?? 50) else { reachedOut += 1; continue }
                var trained = person
                trained.skills += course.skills.filter { !person.skills.contains($0) }
                trained.certificates += course.certificates
                let after = Self.bruteForce(trained, matcher: matcher)
                let supplied = Set(trained.certificates)
                let byCertificate = after.filter { item in
                    let required = Set(item.job.certificatesRequired)
                    return item.score >= rules.fittingScore && !required.isEmpty && !required.isSubset(of: Set(person.certificates))
                        && required.isSubset(of: supplied)
                }.map(\.job.id)
                let entering = after.prefix(rules.topListSize).map(\.job.id).filter { !top0.contains($0) }
                expected.append((course.id, Set(byCertificate).union(entering), km, course.startsAt))
            }
            expected.sort { ($0.gain.count, -$0.km, -$0.start.secondsSince1970) > ($1.gain.count, -$1.km, -$1.start.secondsSince1970) }
            #expect(found.courses.map { $0.training!.id } == expected.map(\.id))
            for (got, want) in zip(found.courses, expected) {
                #expect(Set(got.unlockedPostings) == want.gain, "course \(want.id) for \(person.id)")
                checkedGains += want.gain.count
            }
            #expect(!found.courses.contains { $0.training!.id == "T7" }, "a course that has ended is not offered")
        }
        #expect(checkedGains > 0, "the market must make some course unlock something")
        #expect(reachedOut > 0, "some in-person course must be out of some person's reach")
    }

    @Test func theMostLackedCertificateIsTheOneTheMostOtherwiseFittingPostingsRequire() {
        let matcher = Self.matcher()
        for base in Self.market.applicants.prefix(12) {
            var person = base
            person.certificates = []
            let baseline = Self.bruteForce(person, matcher: matcher)
            guard baseline.count > 30 else { continue }
            var rules = PlanRules()
            rules.fittingScore = baseline[24].score
            let found = UnlockComputation(matcher: matcher, rules: rules).compute(applicant: person, courses: [], asOf: Self.asOf)
            var best: (name: String, count: Int)?
            for name in Set(baseline.flatMap(\.job.certificatesRequired)).sorted() {
                var holding = person
                holding.certificates = [name]
                let after = Self.bruteForce(holding, matcher: matcher)
                let unlocked = Set(after.filter { $0.score >= rules.fittingScore && !$0.job.certificatesRequired.isEmpty
                    && Set($0.job.certificatesRequired).isSubset(of: [name]) }.map(\.job.id))
                    .union(after.prefix(rules.topListSize).map(\.job.id).filter { !Set(baseline.prefix(rules.topListSize).map(\.job.id)).contains($0) })
                if best == nil || unlocked.count > best!.count { best = (name, unlocked.count) }
            }
            #expect(found.certificate?.unlock.gain == best?.count)
        }
    }

    @Test func aTrainingChangesNoHardRuleVerdict() {
        let (applicants, jobs) = Self.market
        var columns = RuleColumns()
        for job in jobs { columns.append(job) }
        for person in applicants {
            for course in Self.courses() {
                var trained = person
                trained.skills += course.skills
                trained.certificates += course.certificates
                let (p, q) = (ApplicantRuleProfile(person, at: Self.asOf), ApplicantRuleProfile(trained, at: Self.asOf))
                for (row, job) in jobs.enumerated() {
                    #expect(HardRules.violations(applicant: person, job: job, at: Self.asOf) == HardRules.violations(applicant: trained, job: job, at: Self.asOf))
                    #expect(columns.allows(p, row) == columns.allows(q, row))
                }
            }
        }
    }
}
