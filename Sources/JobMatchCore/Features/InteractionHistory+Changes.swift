extension InteractionHistory {
    /// The people whose history blocks may differ between `older` and this history: what they did differs,
    /// or a posting they acted on was changed in between (its past row is taken from the new record). Everyone
    /// else's applicant row is the same under both, so a pool refreshed to this history re-extracts only these.
    public func applicantsChanged(since older: InteractionHistory) -> Set<String> {
        let editedJobs = Set(jobs.compactMap { id, job in older.jobs[id].map { $0 != job } == true ? id : nil })
        var changed: Set<String> = []
        for id in Set(behaviour.keys).union(older.behaviour.keys) {
            let now = behaviour[id] ?? [], before = older.behaviour[id] ?? []
            if now.count != before.count || zip(now, before).contains(where: { $0.job != $1.job || $0.weight != $1.weight })
                || now.contains(where: { editedJobs.contains($0.job) })
            {
                changed.insert(id)
            }
        }
        return changed
    }
}
