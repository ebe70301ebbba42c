extension Applicant {
    static let interchangeFields: Set<String> = [
        "id", "gender", "birth_year", "district", "location", "education", "disability", "groups", "skills",
        "certificates", "experience", "preferences", "intent", "work_capacity", "profile_text", "status", "updated_at",
        "household",
    ]

    /// Reads and validates an applicant; nil when a field is invalid (the reader's log says which).
    init?(interchange r: ObjectReader) {
        r.warnUnknown(known: Applicant.interchangeFields)
        let id = r.string("id", required: true)
        let gender: Gender? = r.enumValue("gender", required: true)
        let birthYear = r.int("birth_year", required: true, in: 1940...2012)
        let district = r.district("district")
        let location = r.location("location")
        let education: Education? = r.enumValue("education", required: true)
        var disability: Disability?
        if let d = r.object("disability") {
            d.warnUnknown(known: ["categories", "grade"])
            let categories: [DisabilityCategory] = d.enumArray("categories")
            if d.elements("categories").isEmpty { r.log.error(d.name("categories"), "must list at least one category") }
            if let grade = d.int("grade", required: true, in: 1...4) {
                disability = Disability(categories: categories, grade: grade)
            }
        }
        let groups: [AssistanceGroup] = r.enumArray("groups")
        let skills = r.stringArray("skills")
        let certificates = r.stringArray("certificates")
        let experience = r.objects("experience").compactMap { e -> Experience? in
            e.warnUnknown(known: ["title", "occupation", "years"])
            let title = e.string("title", required: true)
            let occupation = e.string("occupation")
            let years = e.double("years", required: true, in: 0...80)
            guard let title, let years else { return nil }
            return Experience(title: title, occupation: occupation, years: years)
        }
        var preferences = Preferences()
        if let p = r.object("preferences") {
            p.warnUnknown(known: ["job_types", "occupations", "min_monthly_wage", "max_commute_km", "schedule"])
            preferences = Preferences(
                jobTypes: p.enumArray("job_types"),
                occupations: p.stringArray("occupations"),
                minMonthlyWage: p.double("min_monthly_wage", in: 0...10_000_000),
                maxCommuteKm: p.double("max_commute_km", in: 0...20_000),
                schedule: p.enumArray("schedule")
            )
        }
        let intent: Intent? = r.enumValue("intent")
        let workCapacity: WorkCapacity? = r.enumValue("work_capacity")
        let profileText = r.string("profile_text", nonEmpty: false)
        let status: ApplicantStatus? = r.enumValue("status", required: true)
        let updatedAt = r.time("updated_at", required: true)
        let household = r.string("household")
        guard let id, let gender, let birthYear, let district, let education, let status, let updatedAt else { return nil }
        self.init(
            id: id, gender: gender, birthYear: birthYear, district: district, location: location,
            education: education, disability: disability, groups: groups, skills: skills,
            certificates: certificates, experience: experience, preferences: preferences, intent: intent,
            workCapacity: workCapacity, profileText: profileText, status: status, updatedAt: updatedAt,
            household: household
        )
    }

    /// The applicant in the interchange shape, fields in the spec's order, empty lists left out.
    public var interchangeJSON: JSONValue {
        var o = ObjectWriter()
        o["id"] = .string(id)
        o["gender"] = .string(gender.rawValue)
        o["birth_year"] = .number(Double(birthYear))
        o["district"] = .string(district)
        o["location"] = location.map(\.interchangeJSON)
        o["education"] = .string(education.rawValue)
        o["disability"] = disability.map {
            .object([("categories", .array($0.categories.map { .string($0.rawValue) })), ("grade", .number(Double($0.grade)))])
        }
        o.list("groups", groups.map { .string($0.rawValue) })
        o.list("skills", skills.map(JSONValue.string))
        o.list("certificates", certificates.map(JSONValue.string))
        o.list("experience", experience.map { e in
            var x = ObjectWriter()
            x["title"] = .string(e.title)
            x["occupation"] = e.occupation.map(JSONValue.string)
            x["years"] = .number(e.years)
            return x.value
        })
        if !preferences.isEmpty {
            var p = ObjectWriter()
            p.list("job_types", preferences.jobTypes.map { .string($0.rawValue) })
            p.list("occupations", preferences.occupations.map(JSONValue.string))
            p["min_monthly_wage"] = preferences.minMonthlyWage.map(JSONValue.number)
            p["max_commute_km"] = preferences.maxCommuteKm.map(JSONValue.number)
            p.list("schedule", preferences.schedule.map { .string($0.rawValue) })
            o["preferences"] = p.value
        }
        o["intent"] = intent.map { .string($0.rawValue) }
        o["work_capacity"] = workCapacity.map { .string($0.rawValue) }
        o["profile_text"] = profileText.map(JSONValue.string)
        o["status"] = .string(status.rawValue)
        o["updated_at"] = .string(updatedAt.text)
        o["household"] = household.map(JSONValue.string)
        return o.value
    }
}

extension GeoPoint {
    var interchangeJSON: JSONValue { .object([("lat", .number(lat)), ("lng", .number(lng))]) }
}

/// Builds an ordered JSON object, skipping absent values and empty lists.
struct ObjectWriter {
    private(set) var pairs: [(key: String, value: JSONValue)] = []

    subscript(key: String) -> JSONValue? {
        get { pairs.first { $0.key == key }?.value }
        set { if let newValue { pairs.append((key, newValue)) } }
    }

    mutating func list(_ key: String, _ values: [JSONValue]) {
        if !values.isEmpty { pairs.append((key, .array(values))) }
    }

    var value: JSONValue { .object(pairs) }
}
