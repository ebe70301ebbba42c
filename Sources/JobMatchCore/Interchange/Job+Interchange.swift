extension Job {
    static let interchangeFields: Set<String> = [
        "id", "employer", "title", "description", "occupation", "district", "location", "remote", "job_type",
        "schedule", "hours_per_week", "wage", "education_min", "age", "skills_required", "skills_preferred",
        "certificates_required", "demands", "accommodations", "tags", "openings", "posted_at", "expires_at", "status",
    ]

    /// Reads and validates a posting; nil when a field is invalid (the reader's log says which).
    init?(interchange r: ObjectReader) {
        r.warnUnknown(known: Job.interchangeFields)
        let id = r.string("id", required: true)
        var employer: Employer?
        if let e = r.object("employer", required: true) {
            e.warnUnknown(known: ["id", "name", "disability_levy_payer"])
            let employerID = e.string("id", required: true)
            let name = e.string("name", required: true)
            let levy = e.bool("disability_levy_payer")
            if let employerID, let name { employer = Employer(id: employerID, name: name, disabilityLevyPayer: levy) }
        }
        let title = r.string("title", required: true)
        let description = r.string("description", nonEmpty: false)
        let occupation = r.string("occupation")
        let district = r.district("district")
        let location = r.location("location")
        let remote = r.bool("remote")
        let jobType: JobType? = r.enumValue("job_type", required: true)
        let schedule: [Schedule] = r.enumArray("schedule")
        let hours = r.double("hours_per_week", in: 0...168)
        var wage: Wage?
        if let w = r.object("wage") {
            w.warnUnknown(known: ["min", "max", "unit"])
            let low = w.double("min", in: 0...10_000_000)
            let high = w.double("max", in: 0...10_000_000)
            let unit: WageUnit? = w.enumValue("unit", required: true)
            if low == nil && high == nil && w.fields["min"] == nil && w.fields["max"] == nil {
                r.log.error(w.path, "needs min, max or both")
            }
            if let low, let high, low > high { r.log.error(w.name("min"), "min \(JSONValue.numberText(low)) is above max \(JSONValue.numberText(high))") }
            if let unit { wage = Wage(min: low, max: high, unit: unit) }
        }
        let educationMin: Education? = r.enumValue("education_min")
        var age: AgeRange?
        if let a = r.object("age") {
            a.warnUnknown(known: ["min", "max"])
            let low = a.int("min", in: 0...120)
            let high = a.int("max", in: 0...120)
            if let low, let high, low > high { r.log.error(a.name("min"), "min \(low) is above max \(high)") }
            age = AgeRange(min: low, max: high)
        }
        let skillsRequired = r.stringArray("skills_required")
        let skillsPreferred = r.stringArray("skills_preferred")
        let certificatesRequired = r.stringArray("certificates_required")
        var demands: Demands?
        if let d = r.object("demands") {
            d.warnUnknown(known: Set(Demands.Kind.allCases.map(\.rawValue)))
            var stated: [Demands.Kind: DemandLevel] = [:]
            for kind in Demands.Kind.allCases {
                if let level: DemandLevel = d.enumValue(kind.rawValue) { stated[kind] = level }
            }
            demands = Demands(stated)
        }
        let accommodations: [Accommodation] = r.enumArray("accommodations")
        let tags: [JobTag] = r.enumArray("tags")
        let openings = r.int("openings", required: true, in: 1...1_000_000)
        let postedAt = r.time("posted_at", required: true)
        let expiresAt = r.time("expires_at", required: true)
        if let postedAt, let expiresAt, expiresAt <= postedAt {
            r.log.error(r.name("expires_at"), "\(expiresAt) is not after posted_at \(postedAt)")
        }
        let status: JobStatus? = r.enumValue("status", required: true)
        guard let id, let employer, let title, let district, let jobType, let openings, let postedAt, let expiresAt,
              let status
        else { return nil }
        self.init(
            id: id, employer: employer, title: title, description: description, occupation: occupation,
            district: district, location: location, remote: remote, jobType: jobType, schedule: schedule,
            hoursPerWeek: hours, wage: wage, educationMin: educationMin, age: age, skillsRequired: skillsRequired,
            skillsPreferred: skillsPreferred, certificatesRequired: certificatesRequired, demands: demands,
            accommodations: accommodations, tags: tags, openings: openings, postedAt: postedAt,
            expiresAt: expiresAt, status: status
        )
    }

    /// The posting in the interchange shape, fields in the spec's order, empty lists left out.
    public var interchangeJSON: JSONValue {
        var o = ObjectWriter()
        o["id"] = .string(id)
        var e = ObjectWriter()
        e["id"] = .string(employer.id)
        e["name"] = .string(employer.name)
        e["disability_levy_payer"] = employer.disabilityLevyPayer.map(JSONValue.bool)
        o["employer"] = e.value
        o["title"] = .string(title)
        o["description"] = description.map(JSONValue.string)
        o["occupation"] = occupation.map(JSONValue.string)
        o["district"] = .string(district)
        o["location"] = location.map(\.interchangeJSON)
        o["remote"] = remote.map(JSONValue.bool)
        o["job_type"] = .string(jobType.rawValue)
        o.list("schedule", schedule.map { .string($0.rawValue) })
        o["hours_per_week"] = hoursPerWeek.map(JSONValue.number)
        o["wage"] = wage.map { w in
            var x = ObjectWriter()
            x["min"] = w.min.map(JSONValue.number)
            x["max"] = w.max.map(JSONValue.number)
            x["unit"] = .string(w.unit.rawValue)
            return x.value
        }
        o["education_min"] = educationMin.map { .string($0.rawValue) }
        o["age"] = age.map { a in
            var x = ObjectWriter()
            x["min"] = a.min.map { .number(Double($0)) }
            x["max"] = a.max.map { .number(Double($0)) }
            return x.value
        }
        o.list("skills_required", skillsRequired.map(JSONValue.string))
        o.list("skills_preferred", skillsPreferred.map(JSONValue.string))
        o.list("certificates_required", certificatesRequired.map(JSONValue.string))
        o["demands"] = demands.map { d in
            .object(Demands.Kind.allCases.compactMap { kind in d.stated[kind].map { (kind.rawValue, .string($0.rawValue)) } })
        }
        o.list("accommodations", accommodations.map { .string($0.rawValue) })
        o.list("tags", tags.map { .string($0.rawValue) })
        o["openings"] = .number(Double(openings))
        o["posted_at"] = .string(postedAt.text)
        o["expires_at"] = .string(expiresAt.text)
        o["status"] = .string(status.rawValue)
        return o.value
    }
}
