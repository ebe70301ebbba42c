// Moving a data set in time: every timestamp of a record moved by the same number of seconds,
// written at its own offset. Used to replay a bundled data set "as of now" (demos, first start).

extension Applicant {
    /// The applicant with `updated_at` moved by `seconds`.
    public func shifted(by seconds: Double) -> Applicant {
        var copy = self
        copy.updatedAt = updatedAt.adding(seconds: seconds)
        return copy
    }
}

extension Job {
    /// The posting with `posted_at` and `expires_at` moved by `seconds`.
    public func shifted(by seconds: Double) -> Job {
        var copy = self
        copy.postedAt = postedAt.adding(seconds: seconds)
        copy.expiresAt = expiresAt.adding(seconds: seconds)
        return copy
    }
}

extension Interaction {
    /// The event with `at` moved by `seconds`.
    public func shifted(by seconds: Double) -> Interaction {
        var copy = self
        copy.at = at.adding(seconds: seconds)
        return copy
    }
}
