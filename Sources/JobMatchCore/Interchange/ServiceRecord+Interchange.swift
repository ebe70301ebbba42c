extension ServiceRecord {
    static let interchangeFields: Set<String> = ["applicant", "kind", "at", "by", "note", "job", "training"]

    /// Reads and validates a service entry; nil when a field is invalid (the reader's log says which). Whether
    /// `applicant`, `job` and `training` name stored records is checked where the records are (the store).
    init?(interchange r: ObjectReader) {
        r.warnUnknown(known: ServiceRecord.interchangeFields)
        let applicant = r.string("applicant", required: true)
        let kind: ServiceKind? = r.enumValue("kind", required: true)
        let at = r.time("at", required: true)
        let by = r.string("by")
        let note = r.string("note", nonEmpty: false)
        let job = r.string("job", required: kind?.needsJob ?? false)
        let training = r.string("training", required: kind?.needsTraining ?? false)
        guard let applicant, let kind, let at else { return nil }
        if kind.needsJob, job == nil { return nil }
        if kind.needsTraining, training == nil { return nil }
        self.init(applicant: applicant, kind: kind, at: at, by: by, note: note, job: job, training: training)
    }

    /// The entry in the interchange shape.
    public var interchangeJSON: JSONValue {
        var o = ObjectWriter()
        o["applicant"] = .string(applicant)
        o["kind"] = .string(kind.rawValue)
        o["at"] = .string(at.text)
        o["by"] = by.map(JSONValue.string)
        o["note"] = note.map(JSONValue.string)
        o["job"] = job.map(JSONValue.string)
        o["training"] = training.map(JSONValue.string)
        return o.value
    }
}
