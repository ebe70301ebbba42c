import JobMatchCore

/// Who takes a course, and which: a person active in the period enrols with chance 10%, +10% without any
/// certificate, +5% with junior-high education or less, +5% when undecided; in a course of their district, of one of
/// its three nearest districts, or an online one that their education admits and that gives something they lack, 3–20 days before it starts (between
/// their registration and `as_of`). 85% of the courses that end before `as_of` are completed: the person then holds
/// the course's skills and certificates (added to the record; no hard rule reads them).
struct TrainingEnrolment {
    let asOf: Timestamp
    /// For each district code, the in-person courses of it and of its three nearest districts, then the online ones.
    let reachable: [String: [Training]]

    init(trainings: [Training], asOf: Timestamp, geography: Geography) {
        self.asOf = asOf
        let byDistrict = Dictionary(grouping: trainings.filter { $0.effectiveMode == .inPerson }, by: \.district)
        let online = trainings.filter { $0.effectiveMode == .online }
        var reachable: [String: [Training]] = [:]
        for (i, d) in geography.districts.enumerated() {
            let near = [d.code] + geography.neighbours[i].map { geography.districts[$0].code }
            reachable[d.code] = near.flatMap { byDistrict[$0] ?? [] } + online
        }
        self.reachable = reachable
    }

    func enrol(_ a: inout Applicant, from: Timestamp, rng: inout SeededRandom) -> [(ServiceKind, Timestamp, String)] {
        guard a.status != .inactive else { return [] }
        var share = 0.10
        if a.certificates.isEmpty { share += 0.10 }
        if a.education.rank <= Education.juniorHigh.rank { share += 0.05 }
        if a.effectiveIntent == .uncertain { share += 0.05 }
        guard rng.chance(share) else { return [] }
        let person = a
        let lead = rng.uniform(3, 20)
        let fitting = (reachable[a.district] ?? []).filter { t in
            let enrolAt = t.startsAt.shifted(days: -lead)
            let admits = (t.educationMin?.rank ?? 0) <= person.education.rank
            let gives = t.certificates.contains { !person.certificates.contains($0) } || t.skills.contains { !person.skills.contains($0) }
            return admits && gives && enrolAt >= from && enrolAt < asOf
        }
        guard !fitting.isEmpty else { return [] }
        let course = rng.pick(fitting)
        var out: [(ServiceKind, Timestamp, String)] = [(.trainingEnrolled, course.startsAt.shifted(days: -lead), course.id)]
        if course.endsAt < asOf, rng.chance(0.85) {
            out.append((.trainingCompleted, course.endsAt, course.id))
            for skill in course.skills where !a.skills.contains(skill) { a.skills.append(skill) }
            for certificate in course.certificates where !a.certificates.contains(certificate) { a.certificates.append(certificate) }
        }
        return out
    }
}
