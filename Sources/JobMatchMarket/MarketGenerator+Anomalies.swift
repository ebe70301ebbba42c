import JobMatchCore

/// One anomaly planted into a generated market, named as the supervision signal that should find it.
public struct PlantedAnomaly: Sendable, Hashable {
    /// The ``SupervisionSignal/Code`` that should raise it.
    public var code: SupervisionSignal.Code
    /// The people the signal should name (sorted).
    public var applicants: [String]
    /// The postings it should name (sorted).
    public var jobs: [String]

    public init(code: SupervisionSignal.Code, applicants: [String], jobs: [String]) {
        self.code = code
        self.applicants = applicants.sorted()
        self.jobs = jobs.sorted()
    }

    /// As a line of `planted.json`.
    public var json: JSONValue {
        .object([("code", .string(code.rawValue)), ("applicants", .array(applicants.map(JSONValue.string))),
                 ("jobs", .array(jobs.map(JSONValue.string)))])
    }
}

extension MarketGenerator {
    /// How many of each kind ``plantAnomalies(in:)`` plants (fewer when the market has too few fitting records).
    public static let plantedPerKind = 3

    /// Plants anomalies into a generated market (``MarketConfiguration/plantAnomalies``), as a step after the
    /// simulation, and returns what it planted:
    /// - over-filled postings: extra hires of never-hired people into part-time or gig postings until there is
    ///   one hire more than openings;
    /// - ineligible public-welfare occupants: current occupants (no disability certificate) stripped of every
    ///   public-welfare group (rule 4), as if their certification had lapsed;
    /// - one person hired full-time into two postings a day apart, no separation between.
    /// Choices are deterministic (records in id order); each planted record is used by one anomaly only.
    public func plantAnomalies(in market: inout Market) -> [PlantedAnomaly] {
        let asOf = configuration.asOf
        let day = 86_400.0
        var planted: [PlantedAnomaly] = []
        var hiredPeople: [String: Set<String>] = [:]
        var everHired: Set<String> = []
        for e in market.interactions where e.event == .hired && e.at <= asOf {
            hiredPeople[e.job, default: []].insert(e.applicant)
            everHired.insert(e.applicant)
        }
        var used: Set<String> = []
        var fresh = market.applicants.map(\.id).sorted().filter { !everHired.contains($0) }.makeIterator()
        func nextFresh() -> String? {
            while let id = fresh.next() { if !used.contains(id) { used.insert(id); return id } }
            return nil
        }
        /// A hire time inside the posting's window and not after the as-of time, or nil.
        func hireTime(_ job: Job) -> Timestamp? {
            let t = job.postedAt.adding(seconds: day)
            return t < job.expiresAt && t <= asOf ? t : nil
        }
        var added: [Interaction] = []
        var touchedJobs: Set<String> = []

        // Over-filled postings.
        for job in market.jobs.sorted(by: { $0.id < $1.id })
        where planted.count < Self.plantedPerKind && [.partTime, .gig].contains(job.jobType) && job.openings <= 3 {
            guard let t = hireTime(job) else { continue }
            var people = hiredPeople[job.id] ?? []
            var extra: [String] = []
            while people.count <= job.openings, let id = nextFresh() {
                people.insert(id)
                extra.append(id)
            }
            guard people.count > job.openings else { break }
            added += extra.map { Interaction(applicant: $0, job: job.id, event: .hired, at: t) }
            hiredPeople[job.id] = people
            touchedJobs.insert(job.id)
            planted.append(PlantedAnomaly(code: .overfilledPosting, applicants: Array(people), jobs: [job.id]))
        }

        // Ineligible public-welfare occupants.
        let welfareJobs = Set(market.jobs.filter { $0.jobType == .publicWelfare }.map(\.id))
        let occupants = Supervisor.spells(market.interactions.filter { $0.at <= asOf }.sorted { $0.at < $1.at })
            .filter { $0.end == nil && welfareJobs.contains($0.job) }
        let index = Dictionary(uniqueKeysWithValues: market.applicants.enumerated().map { ($1.id, $0) })
        var stripped = 0
        for spell in occupants.sorted(by: { $0.applicant < $1.applicant }) where stripped < Self.plantedPerKind {
            guard !used.contains(spell.applicant), let i = index[spell.applicant], market.applicants[i].disability == nil,
                  HardRules.isPublicWelfareEligible(market.applicants[i]) else { continue }
            used.insert(spell.applicant)
            market.applicants[i].groups.removeAll { AssistanceGroup.publicWelfareEligible.contains($0) }
            stripped += 1
            planted.append(PlantedAnomaly(code: .ineligibleWelfareOccupant, applicants: [spell.applicant], jobs: [spell.job]))
        }

        // One person hired full-time twice at once: two postings with a spare opening, open on two consecutive days.
        let spare = market.jobs.filter { $0.jobType == .fullTime && !touchedJobs.contains($0.id) && (hiredPeople[$0.id]?.count ?? 0) < $0.openings }
            .sorted { $0.id < $1.id }
        search: for (i, first) in spare.enumerated() {
            for second in spare[(i + 1)...] {
                let t = max(first.postedAt, second.postedAt).adding(seconds: day)
                let t2 = t.adding(seconds: day)
                guard t2 < first.expiresAt, t2 < second.expiresAt, t2 <= asOf, let person = nextFresh() else { continue }
                added.append(Interaction(applicant: person, job: first.id, event: .hired, at: t))
                added.append(Interaction(applicant: person, job: second.id, event: .hired, at: t2))
                planted.append(PlantedAnomaly(code: .concurrentFullTimeHires, applicants: [person], jobs: [first.id, second.id]))
                break search
            }
        }

        if !added.isEmpty {
            let all = market.interactions + added
            market.interactions = all.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        }
        return planted
    }
}
