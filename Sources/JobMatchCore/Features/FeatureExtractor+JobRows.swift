/// The job side of ``FeatureExtractor``: a posting's row (block weights applied), several postings' rows with the
/// costly text block computed once per distinct document, and the unweighted and content-only rows.
extension FeatureExtractor {
    /// The job's row, block weights applied.
    public func jobVector(_ job: Job) -> [Float] { jobVector(job, text: nil) }

    /// The rows of `jobs`, the text block (the TF-IDF of ``document(of:)-swift.type.method``, the costly part) computed
    /// once per distinct document: for copies of one posting that differ in other fields (the outreach's changes).
    public func jobVectors(_ jobs: [Job]) -> [[Float]] {
        var texts: [String: [Float]] = [:]
        return jobs.map { job in
            let document = Self.document(of: job)
            if let text = texts[document] { return jobVector(job, text: text) }
            var v = [Float](repeating: 0, count: dimension)
            writeText(document, block: .text, into: &v)
            let text = Array(v[layout[.text]])
            texts[document] = text
            return jobVector(job, text: text)
        }
    }

    /// ``jobVector(_:)`` with the text block before weights given (nil: computed from the job's document).
    func jobVector(_ job: Job, text: [Float]?) -> [Float] {
        var v = unweightedJobVector(job, text: text)
        for block in FeatureBlock.allCases {
            let weight = model.weights[block]
            for i in layout[block] { v[i] *= weight }
        }
        return v
    }

    /// The job's row before block weights.
    public func unweightedJobVector(_ job: Job) -> [Float] { unweightedJobVector(job, text: nil) }

    func unweightedJobVector(_ job: Job, text: [Float]?) -> [Float] {
        var v = contentJobVector(job, text: text)
        guard configuration.historyBlocks || !layout[.factors].isEmpty else { return v }
        if configuration.historyBlocks {
            let past = pastValues(v)
            var offset = 0
            for (block, _) in pastPairs {
                for i in layout[block] { v[i] = past[offset]; offset += 1 }
            }
        }
        if let history {
            for (block, value) in zip(FeatureBlock.evidence, history.evidence(for: job)) { v[layout[block].lowerBound] = value }
        }
        let factors = layout[.factors]
        if let collaborative = model.collaborative, collaborative.dimensions == factors.count {
            let f = collaborative.factor(of: CollaborativeFactors.tokens(of: job))
            for (k, i) in factors.enumerated() { v[i] = f[k] }
        }
        return v
    }

    /// The job's content blocks before block weights (the history blocks left at zero).
    func contentJobVector(_ job: Job, text: [Float]? = nil) -> [Float] {
        var v = [Float](repeating: 0, count: dimension)
        let profile = JobProfile(job, vocabulary: model.skills)
        if let text { v.replaceSubrange(layout[.text], with: text) } else { writeText(Self.document(of: job), block: .text, into: &v) }
        writeHashed(profile.skills, block: .skills, normalize: .l1, into: &v)
        writeHashed(profile.occupations, block: .occupation, normalize: .l1, into: &v)
        let location = layout[.location]
        if job.isRemote {
            v[location.upperBound - 1] = configuration.remoteNearness
        } else if let place = job.location ?? District.chongqing(code: job.district)?.centre {
            model.location.encode(place, into: &v, at: location.lowerBound)
        }
        let types = layout[.jobType]
        v[types.lowerBound + JobType.allCases.firstIndex(of: job.jobType)!] = 1
        let schedules = layout[.schedule]
        if job.schedule.isEmpty {
            for i in schedules { v[i] = 0.2 }
        } else {
            let set = Set(job.schedule)
            for (i, schedule) in Schedule.allCases.enumerated() where set.contains(schedule) {
                v[schedules.lowerBound + i] = 1 / Float(set.count)
            }
        }
        let wage = layout[.wage]
        if let monthly = profile.monthlyWage {
            for (i, step) in FeatureConfiguration.wageThresholds.enumerated() { v[wage.lowerBound + i] = monthly >= step ? 1 : 0 }
        } else {
            for i in wage { v[i] = 0.5 }
        }
        let hours = layout[.hours]
        let band: Int = if let h = job.hoursPerWeek { h <= 20 ? 0 : (h <= 40 ? 1 : 2) }
            else { job.jobType == .partTime || job.jobType == .gig ? 0 : 1 }
        v[hours.lowerBound + band] = 1
        v[layout[.education].lowerBound + (job.educationMin?.rank ?? 0)] = 1
        let suitability = layout[.suitability]
        let flags = JobSuitabilityFlag.flags(of: job)
        for (i, flag) in JobSuitabilityFlag.allCases.enumerated() where flags.contains(flag) { v[suitability.lowerBound + i] = 1 }
        let certificates = layout[.certificates]
        if !profile.certificates.isEmpty {
            v[certificates.lowerBound] = -1
            writeHashed(Dictionary(profile.certificates.map { ($0, Float(1)) }, uniquingKeysWith: max),
                        range: certificates.dropFirst(), into: &v, normalize: .l1)
        }
        return v
    }
}
