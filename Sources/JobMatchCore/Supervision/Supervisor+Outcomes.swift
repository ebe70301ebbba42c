extension Supervisor {
    /// Outcomes that do not add up: over-filled postings, hires outside a posting's window, concurrent
    /// full-time hires, `retained_3m` with no hire.
    func outcomeSignals(_ events: [Interaction], jobs: [String: Job]) -> [SupervisionSignal] {
        var signals: [SupervisionSignal] = []
        let hires = events.filter { $0.event == .hired }

        // More distinct people hired than openings (岗位招用人数超过招聘人数).
        for (jobID, people) in Dictionary(grouping: hires, by: \.job) {
            guard let job = jobs[jobID] else { continue }
            let hired = Set(people.map(\.applicant))
            if hired.count > job.openings {
                signals.append(SupervisionSignal(
                    code: .overfilledPosting, applicants: Array(hired), jobs: [jobID],
                    zh: "岗位 \(jobID)（\(job.title)）招聘 \(job.openings) 人，却记录了 \(hired.count) 人录用：录用记录多于岗位数，请核实是否虚报就业。",
                    en: "Posting \(jobID) (\(job.title)) has \(job.openings) opening(s) but \(hired.count) people recorded as hired: more hires than openings; check for falsified placements."))
            }
        }

        // A hire when the posting was not open (before posted_at, or at/after expires_at).
        for hire in hires {
            guard let job = jobs[hire.job], hire.at < job.postedAt || hire.at >= job.expiresAt else { continue }
            signals.append(SupervisionSignal(
                code: .hireOutsidePosting, applicants: [hire.applicant], jobs: [hire.job],
                zh: "援助对象 \(hire.applicant) 于 \(hire.at.text) 被记录录用到岗位 \(hire.job)，但该岗位发布期为 \(job.postedAt.text) 至 \(job.expiresAt.text)，录用时岗位未在招。",
                en: "Applicant \(hire.applicant) recorded as hired into posting \(hire.job) at \(hire.at.text), outside its posting period \(job.postedAt.text) to \(job.expiresAt.text): the posting was not open."))
        }

        // One person hired full-time into a second posting while still holding the first (no separation between).
        let spells = Self.spells(events)
        let fullTime = spells.filter { jobs[$0.job]?.jobType == .fullTime }
        for (person, held) in Dictionary(grouping: fullTime, by: \.applicant) {
            let ordered = held.sorted { $0.start < $1.start }
            var overlapping: Set<String> = []
            for (i, later) in ordered.enumerated() {
                for earlier in ordered[..<i] where earlier.job != later.job && earlier.holds(at: later.start) {
                    overlapping.formUnion([earlier.job, later.job])
                }
            }
            if !overlapping.isEmpty {
                let list = overlapping.sorted().joined(separator: "、")
                signals.append(SupervisionSignal(
                    code: .concurrentFullTimeHires, applicants: [person], jobs: Array(overlapping),
                    zh: "援助对象 \(person) 同时被记录全职录用到 \(list)，其间没有离职记录：同一人不能同时全职在两个岗位，请核实。",
                    en: "Applicant \(person) is recorded as hired full-time into \(overlapping.sorted().joined(separator: ", ")) at the same time, with no separation between: one person cannot hold two full-time posts at once."))
            }
        }

        // retained_3m with no earlier hire for the same person and posting.
        var hiredPairs: Set<String> = []
        for e in events {
            let key = e.applicant + "\u{1}" + e.job
            if e.event == .hired { hiredPairs.insert(key) }
            if e.event == .retained3m, !hiredPairs.contains(key) {
                signals.append(SupervisionSignal(
                    code: .retentionWithoutHire, applicants: [e.applicant], jobs: [e.job],
                    zh: "援助对象 \(e.applicant) 在岗位 \(e.job) 有“稳定就业三个月”（retained_3m）记录（\(e.at.text)），但此前没有录用记录。",
                    en: "Applicant \(e.applicant) has retained_3m in posting \(e.job) at \(e.at.text) with no earlier hire for that posting."))
            }
        }
        return signals
    }
}
