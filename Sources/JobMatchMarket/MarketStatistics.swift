import JobMatchCore

/// Counts that describe a generated market (the figures `datasets/README.md` reports).
public struct MarketStatistics: Sendable {
    public var applicants = 0
    public var jobs = 0
    public var interactions = 0
    /// Applicants certified in each group (a person may be in several).
    public var groups: [AssistanceGroup: Int] = [:]
    public var applicantStatus: [ApplicantStatus: Int] = [:]
    public var disabilityCategories: [DisabilityCategory: Int] = [:]
    public var jobTypes: [JobType: Int] = [:]
    public var jobStatus: [JobStatus: Int] = [:]
    public var tags: [JobTag: Int] = [:]
    public var events: [InteractionEvent: Int] = [:]
    /// Postings with status open and expires_at after the as-of time.
    public var openAtAsOf = 0
    public var occupations = 0
    public var levyPayerJobs = 0

    public init(_ market: Market, asOf: Timestamp) {
        applicants = market.applicants.count
        jobs = market.jobs.count
        interactions = market.interactions.count
        for a in market.applicants {
            for g in a.groups { groups[g, default: 0] += 1 }
            applicantStatus[a.status, default: 0] += 1
            for c in a.disability?.categories ?? [] { disabilityCategories[c, default: 0] += 1 }
        }
        var codes: Set<String> = []
        for j in market.jobs {
            jobTypes[j.jobType, default: 0] += 1
            jobStatus[j.status, default: 0] += 1
            for t in j.tags { tags[t, default: 0] += 1 }
            if j.isOpen(at: asOf) { openAtAsOf += 1 }
            if let code = j.occupation { codes.insert(code) }
            if j.employer.disabilityLevyPayer == true { levyPayerJobs += 1 }
        }
        occupations = codes.count
        for i in market.interactions { events[i.event, default: 0] += 1 }
    }

    /// Share of applicants in a group.
    public func share(of group: AssistanceGroup) -> Double { applicants == 0 ? 0 : Double(groups[group] ?? 0) / Double(applicants) }
    /// Share of postings of a job type.
    public func share(of type: JobType) -> Double { jobs == 0 ? 0 : Double(jobTypes[type] ?? 0) / Double(jobs) }
    /// Share of postings open at the as-of time.
    public var openShare: Double { jobs == 0 ? 0 : Double(openAtAsOf) / Double(jobs) }

    /// The statistics as Markdown tables.
    public var markdown: String {
        func pct(_ n: Int, _ total: Int) -> String {
            guard total > 0 else { return "0%" }
            let tenths = (Double(n) * 1000 / Double(total)).rounded()
            return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
        }
        func table<K: RawRepresentable & CaseIterable>(_ title: String, _ counts: [K: Int], total: Int) -> String where K.RawValue == String {
            var text = "| \(title) | count | share |\n|---|---:|---:|\n"
            for key in K.allCases { text += "| `\(key.rawValue)` | \(counts[key] ?? 0) | \(pct(counts[key] ?? 0, total)) |\n" }
            return text
        }
        var text = "Applicants \(applicants), jobs \(jobs), interactions \(interactions); "
        text += "\(occupations) occupation codes in use; postings open at as_of: \(openAtAsOf) (\(pct(openAtAsOf, jobs))); "
        text += "postings by disability-levy payers: \(levyPayerJobs) (\(pct(levyPayerJobs, jobs))).\n\n"
        text += table("group", groups, total: applicants) + "\n"
        text += table("applicant status", applicantStatus, total: applicants) + "\n"
        text += table("disability category", disabilityCategories, total: applicants) + "\n"
        text += table("job type", jobTypes, total: jobs) + "\n"
        text += table("job status", jobStatus, total: jobs) + "\n"
        text += table("tag", tags, total: jobs) + "\n"
        text += table("event", events, total: interactions)
        return text
    }
}
