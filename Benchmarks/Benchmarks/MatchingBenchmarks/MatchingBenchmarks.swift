import Benchmark
import BenchSupport
import JobMatchCore

// Extraction, scoring and top-k at 200,000 jobs, d = 256: one applicant, and a block of 1,024 applicants.
// Ratios against FAISS and numpy come from scripts/bench-faiss.sh (same vectors, same run).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 30
    )
    let market = SyntheticMarket(applicants: 1024, jobs: 200_000)
    let model = MatchModel.build(from: market.applicants, jobs: market.jobs)
    let index = JobIndex(model: model, jobs: market.jobs)
    let extractor = index.extractor
    var configuration = MatcherConfiguration()
    configuration.blasThreads = 2
    configuration.scanThreads = 2
    let matcher = Matcher(index: index, configuration: configuration)
    let sampleJobs = Array(market.jobs.prefix(1000))

    Benchmark("Extract 1,000 job vectors") { benchmark in
        for job in sampleJobs { blackHole(extractor.jobVector(job)) }
    }
    Benchmark("Extract 1,024 applicant vectors") { benchmark in
        for applicant in market.applicants { blackHole(extractor.applicantVector(applicant, at: market.asOf)) }
    }
    Benchmark("Top-10 with rules, 1 applicant x 200k jobs") { benchmark in
        blackHole(matcher.topCandidates(applicants: [market.applicants[0]], m: 10, asOf: market.asOf))
    }
    Benchmark("Top-10 with rules, 1,024 applicants x 200k jobs", configuration: .init(maxIterations: 5)) { benchmark in
        blackHole(matcher.topCandidates(applicants: market.applicants, m: 10, asOf: market.asOf))
    }
    Benchmark("Top-10 explained, 1 applicant x 200k jobs") { benchmark in
        blackHole(matcher.recommend(applicant: market.applicants[0], k: 10, asOf: market.asOf))
    }
    let applicantMatrix = market.applicants.flatMap { extractor.applicantVector($0, at: market.asOf) }
    let kernel = BLASKernel(threads: 2)
    Benchmark("Scoring phase only (sgemm 1,024 x 4,096 blocks over 200k jobs)", configuration: .init(maxIterations: 5)) { benchmark in
        var scores = [Float](repeating: 0, count: 1024 * 4096)
        let d = index.dimension
        applicantMatrix.withUnsafeBufferPointer { a in
            index.vectors.withUnsafeBufferPointer { j in
                scores.withUnsafeMutableBufferPointer { c in
                    for start in stride(from: 0, to: index.count, by: 4096) {
                        kernel.score(applicants: a.baseAddress!, applicantCount: 1024, jobs: j.baseAddress! + start * d,
                                     jobCount: min(4096, index.count - start), dimension: d, scores: c.baseAddress!)
                    }
                }
            }
        }
        blackHole(scores)
    }
    var generator = SeededGenerator(seed: 1)
    let randomScores = (0..<200_000).map { _ in Float(generator.nextUnit()) }
    let ids = index.ids
    Benchmark("Top-10 collector over 200k scores") { benchmark in
        var collector = TopKCollector(capacity: 10)
        for (row, score) in randomScores.enumerated() where score >= collector.threshold {
            collector.offer(score: score, row: Int32(row), ids: ids)
        }
        blackHole(collector.sorted(ids: ids))
    }
}
