/// The training that unlocks jobs: for each course a person can take, its skills and certificates are added to
/// the profile, the profile is rescored with the matcher under every hard rule, and the fitting postings it
/// adds are counted: postings whose required certificates it supplies (and that now fit), and postings that
/// enter the person's top list (their best 10 allowed market postings). Courses rank by that gain, then distance, then start date (then id). The same
/// for the certificate the person most lacks.
public struct UnlockComputation: Sendable {
    public let matcher: Matcher
    public let rules: PlanRules

    public init(matcher: Matcher, rules: PlanRules = PlanRules()) {
        self.matcher = matcher
        self.rules = rules
    }

    /// What the computation finds for one person.
    public struct Result: Sendable {
        public var reach: MarketReach
        /// The person's fitting market postings (rows of the index, best first).
        public var fitting: [(row: Int, score: Float)]
        /// The person's top list as the matcher ranks it (with the public-welfare fallback).
        public var topList: [ScoredJob]
        /// The best allowed public-welfare posts (at most ``PlanRules/topListSize``), best first.
        public var publicWelfare: [(row: Int, score: Float)]
        /// The best allowed self-employment postings (stalls, 个体经营; at most ``PlanRules/postingsShown``), as the
        /// matcher ranks them under the filter `job_types=self_employment`.
        public var selfEmployment: [ScoredJob]
        /// Every course the person can take that adds something, best gain first.
        public var courses: [CourseUnlock]
        /// The certificate most lacked, when an allowed posting requires one the person does not hold.
        public var certificate: CertificateUnlock?
    }

    /// A course the person can take: their education meets its minimum and it has not ended at `asOf` (and, in
    /// ``compute(applicant:courses:asOf:)``, it is within reach: ``PlanRules/courseReach(for:)``).
    public static func canTake(_ course: Training, _ person: Applicant, asOf: Timestamp) -> Bool {
        (course.educationMin?.rank ?? 0) <= person.education.rank && course.endsAt > asOf
    }

    /// Candidate certificates considered for "most lacked" (the most required first): enough for any market.
    static let certificateCandidates = 12

    /// The unlock computation for one person at `asOf`. Scores the person once over their reach and each course
    /// effect only where it can change something (``bounded(applicant:courses:asOf:coursesWanted:)``); the same
    /// result as ``computeByFullRescoring(applicant:courses:asOf:coursesWanted:)``, which stays as the reference.
    ///
    /// `coursesWanted` is asked once the person's reach is known: when it says no (the plan has no training
    /// track, ``PlanBuilder``), no course or certificate is rescored and the result has none.
    public func compute(applicant person: Applicant, courses: [Training], asOf: Timestamp,
                        coursesWanted: (MarketReach) -> Bool = { _ in true }) -> Result {
        bounded(applicant: person, courses: courses, asOf: asOf, coursesWanted: coursesWanted)
            ?? computeByFullRescoring(applicant: person, courses: courses, asOf: asOf, coursesWanted: coursesWanted)
    }

    /// The unlock computation by rescoring every profile (the person and one per course effect and lacked
    /// certificate) over every posting: the reference the bounded path is tested against.
    public func computeByFullRescoring(applicant person: Applicant, courses: [Training], asOf: Timestamp,
                                       coursesWanted: (MarketReach) -> Bool = { _ in true }) -> Result {
        let index = matcher.index
        let held = Set(person.certificates)
        let base = matcher.fitting(applicants: [person], asOf: asOf, minimumScore: -.infinity, sorted: false, top: rules.topListSize)[0]
        let fitting = base.market.filter { $0.score >= rules.fittingScore }.sorted(by: order)
        let reach = reachOf(allowed: base.market.count, fitting: fitting, best: base.market.max(by: { order($1, $0) })?.score)
        let wanted = coursesWanted(reach)
        var requiring: [String: Int] = [:]
        for (row, _) in base.market where wanted {
            for c in Set(index.jobs[row].certificatesRequired) where !held.contains(c) { requiring[c, default: 0] += 1 }
        }
        let setup = Setup(unlock: self, person: person, courses: wanted ? courses : [], asOf: asOf, requiring: requiring)
        let variants = setup.all.map { $0.applied(to: person) }
        // One pass: each variant's fitting postings and its best allowed market postings (its market top list).
        let fitted = matcher.fitting(applicants: variants, asOf: asOf, minimumScore: rules.fittingScore, top: rules.topListSize)
        let baseTop = Set(base.topMarket.map(\.row))
        let gains: [Gain] = setup.all.indices.map { v in
            let supplied = held.union(setup.all[v].certificates)
            let byCertificate = fitted[v].market.filter { item in
                let required = Set(index.jobs[item.row].certificatesRequired)
                return !required.isEmpty && !required.isSubset(of: held) && required.isSubset(of: supplied)
            }.map(\.row)
            return gain(byCertificate: byCertificate, entering: fitted[v].topMarket.filter { !baseTop.contains($0.row) }.map(\.row))
        }
        let topList = matcher.topCandidates(applicants: [person], m: rules.topListSize, asOf: asOf)[0]
        let stalls = matcher.topCandidates(applicants: [person], m: rules.postingsShown, asOf: asOf, filter: JobFilter(jobTypes: [.selfEmployment]))[0]
        return finish(person: person, setup: setup, gains: gains, reach: reach, fitting: fitting, topList: topList,
                      publicWelfare: Array(base.publicWelfare.sorted(by: order).prefix(rules.topListSize)), selfEmployment: stalls)
    }

    /// The matcher's order: score, then id.
    func order(_ x: (row: Int, score: Float), _ y: (row: Int, score: Float)) -> Bool {
        x.score > y.score || (x.score == y.score && matcher.index.ids[x.row] < matcher.index.ids[y.row])
    }

    func reachOf(allowed: Int, fitting: [(row: Int, score: Float)], best: Float?) -> MarketReach {
        let weak = MarketReach.isWeak(allowedMarket: allowed, bestScore: best, configuration: matcher.configuration, k: rules.topListSize)
        return MarketReach(allowedPostings: allowed, fittingPostings: fitting.count,
                           fittingOpenings: fitting.reduce(0) { $0 + matcher.index.jobs[$1.row].openings }, bestScore: best, isWeak: weak)
    }

    /// The gain of one profile: the postings its certificates open (fitting) and those entering the top list.
    func gain(byCertificate: [Int], entering: [Int]) -> Gain {
        let index = matcher.index
        let rows = Set(byCertificate).union(entering)
        return Gain(rows: rows.sorted { index.ids[$0] < index.ids[$1] }, certificate: byCertificate.count, entering: entering.count,
                    openings: rows.reduce(0) { $0 + index.jobs[$1].openings })
    }

    /// The profiles a plan scores besides the person: one per distinct course effect, one per lacked certificate.
    struct Setup {
        let held: Set<String>
        /// Certificates required by allowed market postings and not held, the most required first (with the count).
        let lacked: [(key: String, value: Int)]
        /// The courses the person can take (education, dates, reach).
        let takeable: [Training]
        /// Distinct course effects, then one effect per lacked certificate.
        let all: [Effect]
        let courseEffects: Int
        /// `takeable[c]`'s effect in `all`.
        let effectOf: [Int]

        init(unlock: UnlockComputation, person: Applicant, courses: [Training], asOf: Timestamp, requiring: [String: Int]) {
            held = Set(person.certificates)
            lacked = Array(requiring.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
                .prefix(UnlockComputation.certificateCandidates)).map { (key: $0.key, value: $0.value) }
            let reachKm = unlock.rules.courseReach(for: person)
            takeable = courses.filter { UnlockComputation.canTake($0, person, asOf: asOf) && UnlockComputation.distanceKm(person, $0) <= reachKm }
            // Distinct effects (new skills, new certificates): courses of one kind are scored once.
            var effects: [Effect] = []
            var effectOf: [Int] = []
            for course in takeable {
                // In the course's order (the profile's text features read the skills in order).
                let effect = Effect(skills: UnlockComputation.new(course.skills, beside: person.skills),
                                    certificates: UnlockComputation.new(course.certificates, beside: person.certificates))
                if let at = effects.firstIndex(of: effect) { effectOf.append(at) } else { effectOf.append(effects.count); effects.append(effect) }
            }
            courseEffects = effects.count
            self.effectOf = effectOf
            all = effects + lacked.map { Effect(skills: [], certificates: [$0.key]) }
        }
    }

    /// The courses ranked by their gains and the certificate most lacked.
    func finish(person: Applicant, setup: Setup, gains: [Gain], reach: MarketReach, fitting: [(row: Int, score: Float)],
                topList: [ScoredJob], publicWelfare: [(row: Int, score: Float)], selfEmployment: [ScoredJob]) -> Result {
        let all = setup.all, lacked = setup.lacked, first = setup.courseEffects
        var unlocks: [CourseUnlock] = []
        for (c, course) in setup.takeable.enumerated() where !all[setup.effectOf[c]].isEmpty {
            unlocks.append(unlock(gains[setup.effectOf[c]], effect: all[setup.effectOf[c]], course: course, person: person))
        }
        unlocks.sort(by: Self.ranks)
        var certificate: CertificateUnlock?
        if let top = lacked.indices.max(by: { a, b in
            let (x, y) = (gains[first + a], gains[first + b])
            if x.rows.count != y.rows.count { return x.rows.count < y.rows.count }
            if lacked[a].value != lacked[b].value { return lacked[a].value < lacked[b].value }
            return lacked[a].key > lacked[b].key
        }) {
            let name = lacked[top].key
            let alone = unlock(gains[first + top], effect: all[first + top], course: nil, person: person)
            let giving = unlocks.filter { $0.training?.certificates.contains(name) == true }
                .sorted { ($0.distanceKm, $0.training!.startsAt, $0.training!.id) < ($1.distanceKm, $1.training!.startsAt, $1.training!.id) }
            certificate = CertificateUnlock(certificate: name, postingsRequiring: lacked[top].value, unlock: alone, courses: giving)
        }
        return Result(reach: reach, fitting: fitting, topList: topList, publicWelfare: publicWelfare, selfEmployment: selfEmployment,
                      courses: unlocks, certificate: certificate)
    }

    /// `items` not in `held`, once each, in their order.
    static func new(_ items: [String], beside held: [String]) -> [String] {
        var seen = Set(held)
        return items.filter { seen.insert($0).inserted }
    }

    /// Gain first, then distance, then start date, then id.
    static func ranks(_ x: CourseUnlock, _ y: CourseUnlock) -> Bool {
        if x.gain != y.gain { return x.gain > y.gain }
        if x.distanceKm != y.distanceKm { return x.distanceKm < y.distanceKm }
        let (s, t) = (x.training?.startsAt ?? Timestamp(secondsSince1970: 0), y.training?.startsAt ?? Timestamp(secondsSince1970: 0))
        if s != t { return s < t }
        return (x.training?.id ?? "") < (y.training?.id ?? "")
    }

    func unlock(_ gain: Gain, effect: Effect, course: Training?, person: Applicant) -> CourseUnlock {
        CourseUnlock(training: course, addsSkills: effect.skills, addsCertificates: effect.certificates,
                     unlockedPostings: gain.rows.map { matcher.index.ids[$0] }, unlockedOpenings: gain.openings,
                     enteringTopList: gain.entering, certificateUnlocked: gain.certificate,
                     distanceKm: course.map { Self.distanceKm(person, $0) } ?? 0)
    }

    /// Home to course: 0 online; exact places, else district centres; unknown places count as far (999 km).
    public static func distanceKm(_ person: Applicant, _ course: Training) -> Double {
        if course.effectiveMode == .online { return 0 }
        guard let home = person.location ?? District.chongqing(code: person.district)?.centre,
              let place = course.location ?? District.chongqing(code: course.district)?.centre else { return 999 }
        return (home.distanceKm(to: place) * 10).rounded() / 10
    }

    /// Skills and certificates a course adds to one person.
    struct Effect: Hashable {
        var skills: [String]
        var certificates: [String]
        var isEmpty: Bool { skills.isEmpty && certificates.isEmpty }

        func applied(to person: Applicant) -> Applicant {
            var changed = person
            changed.skills += skills
            changed.certificates += certificates
            return changed
        }
    }

    struct Gain {
        var rows: [Int]
        var certificate: Int
        var entering: Int
        var openings: Int
    }
}
