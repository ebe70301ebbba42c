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

extension Training {
    /// The course with `starts_at` and `ends_at` moved by `seconds`.
    public func shifted(by seconds: Double) -> Training {
        var copy = self
        copy.startsAt = startsAt.adding(seconds: seconds)
        copy.endsAt = endsAt.adding(seconds: seconds)
        return copy
    }
}

extension ServiceRecord {
    /// The entry with `at` moved by `seconds`.
    public func shifted(by seconds: Double) -> ServiceRecord {
        var copy = self
        copy.at = at.adding(seconds: seconds)
        return copy
    }
}
