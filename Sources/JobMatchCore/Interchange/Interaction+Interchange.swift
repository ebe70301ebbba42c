extension Interaction {
    /// Reads and validates an interaction; nil when a field is invalid (the reader's log says which).
    init?(interchange r: ObjectReader) {
        r.warnUnknown(known: ["applicant", "job", "event", "at"])
        let applicant = r.string("applicant", required: true)
        let job = r.string("job", required: true)
        let event: InteractionEvent? = r.enumValue("event", required: true)
        let at = r.time("at", required: true)
        guard let applicant, let job, let event, let at else { return nil }
        self.init(applicant: applicant, job: job, event: event, at: at)
    }

    /// The interaction in the interchange shape.
    public var interchangeJSON: JSONValue {
        .object([("applicant", .string(applicant)), ("job", .string(job)), ("event", .string(event.rawValue)), ("at", .string(at.text))])
    }
}
