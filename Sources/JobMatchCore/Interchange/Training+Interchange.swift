extension Training {
    static let interchangeFields: Set<String> = [
        "id", "title", "provider", "district", "location", "mode", "skills", "certificates", "education_min", "hours",
        "starts_at", "ends_at", "seats", "subsidized",
    ]

    /// Reads and validates a course; nil when a field is invalid (the reader's log says which).
    init?(interchange r: ObjectReader) {
        r.warnUnknown(known: Training.interchangeFields)
        let id = r.string("id", required: true)
        let title = r.string("title", required: true)
        let provider = r.string("provider")
        let district = r.district("district")
        let location = r.location("location")
        let mode: TrainingMode? = r.enumValue("mode")
        let skills = r.stringArray("skills")
        let certificates = r.stringArray("certificates")
        let educationMin: Education? = r.enumValue("education_min")
        let hours = r.double("hours", in: 0...100_000)
        let startsAt = r.time("starts_at", required: true)
        let endsAt = r.time("ends_at", required: true)
        if let startsAt, let endsAt, endsAt <= startsAt {
            r.log.error(r.name("ends_at"), "\(endsAt) is not after starts_at \(startsAt)")
        }
        let seats = r.int("seats", in: 1...1_000_000)
        let subsidized = r.bool("subsidized")
        guard let id, let title, let district, let startsAt, let endsAt else { return nil }
        self.init(id: id, title: title, provider: provider, district: district, location: location, mode: mode, skills: skills,
                  certificates: certificates, educationMin: educationMin, hours: hours, startsAt: startsAt, endsAt: endsAt,
                  seats: seats, subsidized: subsidized)
    }

    /// The course in the interchange shape, fields in the spec's order, empty lists left out.
    public var interchangeJSON: JSONValue {
        var o = ObjectWriter()
        o["id"] = .string(id)
        o["title"] = .string(title)
        o["provider"] = provider.map(JSONValue.string)
        o["district"] = .string(district)
        o["location"] = location.map(\.interchangeJSON)
        o["mode"] = mode.map { .string($0.rawValue) }
        o.list("skills", skills.map(JSONValue.string))
        o.list("certificates", certificates.map(JSONValue.string))
        o["education_min"] = educationMin.map { .string($0.rawValue) }
        o["hours"] = hours.map(JSONValue.number)
        o["starts_at"] = .string(startsAt.text)
        o["ends_at"] = .string(endsAt.text)
        o["seats"] = seats.map { .number(Double($0)) }
        o["subsidized"] = subsidized.map(JSONValue.bool)
        return o.value
    }
}
