/// An applicant's canonical terms: skills (with how sure we are of each), occupation wishes, certificates.
struct ApplicantProfile {
    var skills: [String: Float] = [:]
    var occupationWishes: [String: Float] = [:]
    var certificates: Set<String> = []

    init(_ a: Applicant, vocabulary: SkillVocabulary) {
        func add(_ term: String, _ weight: Float, to table: inout [String: Float]) {
            table[term] = max(table[term] ?? 0, weight)
        }
        for skill in a.skills { add(vocabulary.canonical(skill), 1, to: &skills) }
        for experience in a.experience {
            for term in vocabulary.terms(in: experience.title) { add(term, 0.7, to: &skills) }
            if let code = experience.occupation {
                add("code:" + SkillVocabulary.fold(code), 0.5, to: &occupationWishes)
            }
            for term in vocabulary.terms(in: experience.title) { add(term, 0.5, to: &occupationWishes) }
        }
        for term in vocabulary.terms(in: a.profileText ?? "") { add(term, 0.5, to: &skills) }
        for wish in a.preferences.occupations {
            add("code:" + SkillVocabulary.fold(wish), 1, to: &occupationWishes)
            add(vocabulary.canonical(wish), 1, to: &occupationWishes)
            for term in vocabulary.terms(in: wish) { add(term, 1, to: &occupationWishes) }
        }
        certificates = Set(a.certificates.map(vocabulary.canonical))
    }

    /// The profile of the same person with `skills` and `certificates` added (to the end of their lists): what the
    /// initializer gives for them, since every entry is the largest weight any source gives the term.
    func adding(skills: [String], certificates: [String], vocabulary: SkillVocabulary) -> ApplicantProfile {
        var changed = self
        for skill in skills {
            let term = vocabulary.canonical(skill)
            changed.skills[term] = max(changed.skills[term] ?? 0, 1)
        }
        changed.certificates.formUnion(certificates.map(vocabulary.canonical))
        return changed
    }
}

/// A job's canonical terms: skills asked for, what the job is, certificates required, monthly wage.
struct JobProfile {
    var skills: [String: Float] = [:]
    var occupations: [String: Float] = [:]
    var certificates: Set<String> = []
    var monthlyWage: Double?

    init(_ j: Job, vocabulary: SkillVocabulary) {
        func add(_ term: String, _ weight: Float, to table: inout [String: Float]) {
            table[term] = max(table[term] ?? 0, weight)
        }
        for skill in j.skillsRequired { add(vocabulary.canonical(skill), 1, to: &skills) }
        for skill in j.skillsPreferred { add(vocabulary.canonical(skill), 0.5, to: &skills) }
        let titleTerms = vocabulary.terms(in: j.title)
        for term in titleTerms { add(term, 0.5, to: &skills) }
        if let code = j.occupation {
            add("code:" + SkillVocabulary.fold(code), 1, to: &occupations)
            let canonical = vocabulary.canonical(code)
            if canonical != SkillVocabulary.fold(code) { add(canonical, 1, to: &occupations) }
        }
        for term in titleTerms { add(term, 1, to: &occupations) }
        certificates = Set(j.certificatesRequired.map(vocabulary.canonical))
        monthlyWage = WageNormalizer.monthly(j.wage, hoursPerWeek: j.hoursPerWeek)
    }
}

extension FeatureExtractor {
    /// The text an applicant is described by: skills, past job titles, wished occupations, free text.
    public static func document(of a: Applicant) -> String {
        (a.skills + a.experience.map(\.title) + a.preferences.occupations + [a.profileText ?? ""]).joined(separator: " ")
    }

    /// The text a job is described by: title (twice, it matters most), skills, description.
    public static func document(of j: Job) -> String {
        ([j.title, j.title] + j.skillsRequired + j.skillsPreferred + [j.description ?? ""]).joined(separator: " ")
    }
}
