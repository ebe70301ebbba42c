import JobMatchCore

/// The events between one applicant and one job, as first drawn; the market pass then settles
/// who gets the openings and cuts chains that a filled job or an earlier hire made moot.
struct ApplicationChain: Sendable {
    let applicant: Int
    let job: Int
    var events: [(event: InteractionEvent, at: Timestamp)]
    /// The person would stay three months if hired.
    let wouldStay: Bool
    /// Days after the hire the person leaves, when not staying.
    let leavesAfterDays: Double

    /// The time of the tentative hire, if the chain ends in one.
    var hireTime: Timestamp? { events.last.flatMap { $0.event == .hired ? $0.at : nil } }
}
