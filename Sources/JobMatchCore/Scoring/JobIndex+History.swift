extension JobIndex {
    /// The same jobs, in the same rows, under a newer history (``FeatureExtractor/withHistory(_:)``): only the
    /// evidence entries of each row are written again, since nothing else in a job's row depends on the
    /// history. Equal to `JobIndex(model: index.model, jobs: index.jobs, history: history)` row for row, without
    /// extracting any job's text again — how the daemon refreshes a hybrid model's index as events arrive.
    public init(rebasing index: JobIndex, history: InteractionHistory) {
        let extractor = index.extractor.withHistory(history)
        let d = index.dimension
        let vectors = index.vectors
        let rows = (0..<index.count).map { row -> ArraySlice<Float> in
            var v = Array(vectors[row * d..<(row + 1) * d])
            for (i, value) in extractor.evidenceEntries(index.jobs[row]) { v[i] = value }
            return v[...]
        }
        self.init(extractor: extractor, jobs: index.jobs, rows: rows)
    }
}
