/// One outcome event between an applicant and a job, as in `interactions.jsonl`.
public struct Interaction: Hashable, Sendable {
    public var applicant: String
    public var job: String
    public var event: InteractionEvent
    public var at: Timestamp

    public init(applicant: String, job: String, event: InteractionEvent, at: Timestamp) {
        self.applicant = applicant
        self.job = job
        self.event = event
        self.at = at
    }
}
