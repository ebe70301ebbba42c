import JobMatchCore

/// The settled market: final records and the event log.
struct MarketOutcome: Sendable {
    var applicants: [Applicant]
    var jobs: [Job]
    var interactions: [Interaction]
}

extension MarketSimulation {
    /// Gives openings to tentative hires in time order, cuts chains a filled job or an earlier hire made moot,
    /// adds retention and separation, and sets final statuses.
    func settle(chains drawn: [ApplicationChain], inactive: [Bool]) -> MarketOutcome {
        let asOf = configuration.asOf
        var chains = drawn
        var remaining = drafts.map(\.job.openings)
        var filledAt = [Timestamp?](repeating: nil, count: drafts.count)
        var hiredAt = [Timestamp?](repeating: nil, count: applicants.count)
        var hireChain = [Int?](repeating: nil, count: applicants.count)

        let tentative = chains.indices.filter { chains[$0].hireTime != nil }.sorted { x, y in
            let tx = chains[x].hireTime!, ty = chains[y].hireTime!
            if tx != ty { return tx < ty }
            if chains[x].applicant != chains[y].applicant { return chains[x].applicant < chains[y].applicant }
            return chains[x].job < chains[y].job
        }
        for c in tentative {
            let chain = chains[c], time = chain.hireTime!
            let last = chain.events.count - 1
            if hiredAt[chain.applicant] != nil {
                chains[c].events[last].event = .declined
            } else if remaining[chain.job] > 0 {
                remaining[chain.job] -= 1
                if remaining[chain.job] == 0 { filledAt[chain.job] = time }
                hiredAt[chain.applicant] = time
                hireChain[chain.applicant] = c
            } else {
                chains[c].events[last].event = .rejected
            }
        }

        var interactions: [Interaction] = []
        var lastEvent = [Timestamp?](repeating: nil, count: applicants.count)
        var separated = [Bool](repeating: false, count: applicants.count)
        for c in chains.indices {
            let chain = chains[c]
            let isHire = hireChain[chain.applicant] == c
            let jobCut = isHire ? nil : filledAt[chain.job]
            let personCut = isHire ? nil : hiredAt[chain.applicant]
            var kept: [(event: InteractionEvent, at: Timestamp)] = []
            steps: for step in chain.events {
                let cut = [jobCut, personCut].compactMap { $0 }.min()
                guard let cut, step.at >= cut else { kept.append(step); continue }
                switch step.event {
                case .recommended, .viewed, .applied: break
                case .interviewed, .hired: kept.append((personCut == cut ? .declined : .rejected, step.at))
                default: kept.append(step)
                }
                break steps
            }
            if isHire, let hired = hiredAt[chain.applicant] {
                let retained = hired.shifted(days: 91)
                if chain.wouldStay, retained <= asOf {
                    if pairAllowedIgnoringWindow(applicants[chain.applicant], drafts[chain.job], at: retained) {
                        kept.append((.retained3m, retained))
                    }
                } else if !chain.wouldStay {
                    let left = hired.shifted(days: chain.leavesAfterDays)
                    if left <= asOf {
                        kept.append((.separated, left))
                        separated[chain.applicant] = true
                    }
                }
            }
            for step in kept {
                interactions.append(Interaction(applicant: applicants[chain.applicant].id, job: drafts[chain.job].job.id, event: step.event, at: step.at))
                if lastEvent[chain.applicant].map({ step.at > $0 }) ?? true { lastEvent[chain.applicant] = step.at }
            }
        }
        interactions.sort { x, y in
            if x.at.secondsSince1970 != y.at.secondsSince1970 { return x.at.secondsSince1970 < y.at.secondsSince1970 }
            if x.applicant != y.applicant { return x.applicant < y.applicant }
            if x.job != y.job { return x.job < y.job }
            return Self.eventOrder[x.event]! < Self.eventOrder[y.event]!
        }

        let finalApplicants = applicants.indices.map { i -> Applicant in
            var a = applicants[i]
            if hiredAt[i] != nil, !separated[i] { a.status = .employed } else if inactive[i] { a.status = .inactive } else { a.status = .seeking }
            if let last = lastEvent[i], last > a.updatedAt { a.updatedAt = last }
            return a
        }
        let finalJobs = drafts.indices.map { i -> Job in
            var job = drafts[i].job
            if filledAt[i] != nil {
                job.status = .filled
            } else if let closed = drafts[i].closedAt, closed <= asOf {
                job.status = .closed
            } else if job.expiresAt <= asOf, i % 2 == 0 {
                job.status = .closed
            }
            return job
        }
        return MarketOutcome(applicants: finalApplicants, jobs: finalJobs, interactions: interactions)
    }

    static let eventOrder: [InteractionEvent: Int] = Dictionary(uniqueKeysWithValues: InteractionEvent.allCases.enumerated().map { ($1, $0) })
}
