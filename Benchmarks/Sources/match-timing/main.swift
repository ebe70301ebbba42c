import BenchSupport
import Foundation
import JobMatchCore

// match-timing: times JobMatch's matching at benchmark scale and exports the same float32 vectors
// (jobs.f32, applicants.f32, timings.json) for scripts/bench_faiss.py to run through FAISS and numpy.
//
//   match-timing [--jobs 200000] [--applicants 1024] [--threads 2] [--block-threads THREADS] [--repeat 5] [--k 10]
//                [--factor-dimensions N] --out DIR

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let key = arguments.popFirst() {
    guard key.hasPrefix("--"), let value = arguments.popFirst() else { fatalError("usage: match-timing --out DIR [--jobs N] ...") }
    options[String(key.dropFirst(2))] = value
}
let jobCount = Int(options["jobs"] ?? "") ?? 200_000
let applicantCount = Int(options["applicants"] ?? "") ?? 1024
let threads = Int(options["threads"] ?? "") ?? 2
let repeats = Int(options["repeat"] ?? "") ?? 5
let k = Int(options["k"] ?? "") ?? 10
let blockThreads = Int(options["block-threads"] ?? "") ?? threads
guard let out = options["out"] else { fatalError("--out DIR is required") }
try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

log("market: \(applicantCount) applicants, \(jobCount) jobs")
let market = SyntheticMarket(applicants: applicantCount, jobs: jobCount)
let clock = ContinuousClock()
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
var model: MatchModel!
let buildTime = seconds(clock.measure { model = MatchModel.build(from: market.applicants, jobs: market.jobs) })
// --factor-dimensions N: a hybrid model's width (history blocks and N factor dimensions, 256 + 112 + N floats) with
// the hybrid trainer's starting weights; the blocks hold no history here, but a dot product costs the same.
if let factors = Int(options["factor-dimensions"] ?? "") {
    model.manifest.parameters = model.configuration.widened(factorDimensions: factors)
    for (block, weight) in HybridTrainer().startWeights { model.weights[block] = weight }
}
var index: JobIndex!
let indexTime = seconds(clock.measure { index = JobIndex(model: model, jobs: SpatialOrder.jobs(market.jobs)) })
let d = index.dimension
log("model \(buildTime) s, index (extract \(jobCount) jobs) \(indexTime) s, d = \(d)")

var configuration = MatcherConfiguration()
configuration.blasThreads = threads
configuration.blockThreads = blockThreads
let matcher = Matcher(index: index, configuration: configuration)

// Applicant vectors, as the matcher makes them.
let extractor = index.extractor
var applicantMatrix = [Float]()
let extractTime = seconds(clock.measure {
    applicantMatrix = market.applicants.flatMap { extractor.applicantVector($0, at: market.asOf) }
})

// 1. Batch: top-k with the hard rules, all applicants (one block of 1,024).
let batch = measure(repeats: repeats) { _ = matcher.topCandidates(applicants: market.applicants, m: k, asOf: market.asOf) }
log("batch top-\(k) with rules: best \(batch.best) s, median \(batch.median) s")
// 1b. The same block on the float32 path (one sgemm per 1,024 × 4,096 piece, then the scan), and whether the
// lists agree (they may differ only where two scores are within the sgemm's rounding of each other).
var floatBlockConfiguration = configuration
floatBlockConfiguration.usesCompactBlocks = false
let floatBlockMatcher = Matcher(index: index, configuration: floatBlockConfiguration)
let batchFloat = measure(repeats: repeats) { _ = floatBlockMatcher.topCandidates(applicants: market.applicants, m: k, asOf: market.asOf) }
let compactLists = matcher.topCandidates(applicants: market.applicants, m: k, asOf: market.asOf).map { $0.map(\.job) }
let floatLists = floatBlockMatcher.topCandidates(applicants: market.applicants, m: k, asOf: market.asOf).map { $0.map(\.job) }
let sameBlockLists = zip(compactLists, floatLists).filter { $0 == $1 }.count
log("batch on the float32 path: best \(batchFloat.best) s; \(sameBlockLists) of \(applicantCount) lists identical to the compact path's")
// 2. One applicant.
let single = measure(repeats: repeats * 10) { _ = matcher.topCandidates(applicants: [market.applicants[0]], m: k, asOf: market.asOf) }
log("one applicant: best \(single.best) s, median \(single.median) s")

// 2b. One applicant with no commute limit: every open posting is in reach (the compact int8 path), and the
// same person on the float32 path (compact matrix off), and a memcpy of the float32 matrix's bytes.
let free = market.applicants.first { $0.preferences.maxCommuteKm == nil && $0.location != nil }!
log("no-limit applicant: \(free.id)")
let singleFree = measure(repeats: repeats * 10) { _ = matcher.topCandidates(applicants: [free], m: k, asOf: market.asOf) }
var floatConfiguration = configuration
floatConfiguration.usesCompactMatrix = false
let floatMatcher = Matcher(index: index, configuration: floatConfiguration)
let singleFreeFloat = measure(repeats: repeats * 10) { _ = floatMatcher.topCandidates(applicants: [free], m: k, asOf: market.asOf) }
let sameLists = matcher.topCandidates(applicants: [free], m: k, asOf: market.asOf)[0].map(\.job)
    == floatMatcher.topCandidates(applicants: [free], m: k, asOf: market.asOf)[0].map(\.job)
log("one applicant, no limit: compact best \(singleFree.best) s, median \(singleFree.median) s; float32 best \(singleFreeFloat.best) s; same jobs: \(sameLists)")
var copyTarget = [Float](repeating: 1, count: index.vectors.count)
let copy = measure(repeats: repeats * 10) {
    copyTarget.withUnsafeMutableBytes { target in
        index.vectors.withUnsafeBytes { source in target.baseAddress!.copyMemory(from: source.baseAddress!, byteCount: source.count) }
    }
}
log("memcpy of the float32 matrix (\(index.vectors.count * 4) bytes): best \(copy.best) s, median \(copy.median) s")

// 3. The scoring phase alone: the matcher's blocked sgemm calls (1,024 × 4,096 blocks), no scan.
let kernel = BLASKernel(threads: threads)
var blockScores = [Float](repeating: 0, count: applicantCount * configuration.jobBlock)
let scoring = measure(repeats: repeats) {
    applicantMatrix.withUnsafeBufferPointer { a in
        index.vectors.withUnsafeBufferPointer { j in
            blockScores.withUnsafeMutableBufferPointer { c in
                for start in stride(from: 0, to: jobCount, by: configuration.jobBlock) {
                    let n = min(configuration.jobBlock, jobCount - start)
                    kernel.score(applicants: a.baseAddress!, applicantCount: applicantCount, jobs: j.baseAddress! + start * d,
                                 jobCount: n, dimension: d, scores: c.baseAddress!)
                }
            }
        }
    }
}
// 4. Peak: the best sgemm rate on one large cache-friendly product (1,024 × 16,384 × d), same run.
let peakN = min(16_384, jobCount)
var peakScores = [Float](repeating: 0, count: applicantCount * peakN)
let peak = measure(repeats: repeats) {
    applicantMatrix.withUnsafeBufferPointer { a in
        index.vectors.withUnsafeBufferPointer { j in
            peakScores.withUnsafeMutableBufferPointer { c in
                kernel.score(applicants: a.baseAddress!, applicantCount: applicantCount, jobs: j.baseAddress!, jobCount: peakN,
                             dimension: d, scores: c.baseAddress!)
            }
        }
    }
}
let flops = 2.0 * Double(applicantCount) * Double(jobCount) * Double(d)
let scoringGflops = flops / scoring.best / 1e9
let peakGflops = 2.0 * Double(applicantCount) * Double(peakN) * Double(d) / peak.best / 1e9
log("scoring phase \(scoring.best) s = \(scoringGflops) GFLOP/s; sgemm peak \(peakGflops) GFLOP/s (\(Int(100 * scoringGflops / peakGflops))%)")

// Export the vectors.
func write(_ floats: [Float], _ name: String) throws {
    try floats.withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: (out as NSString).appendingPathComponent(name))) }
}
try write(index.vectors, "jobs.f32")
try write(applicantMatrix, "applicants.f32")
let timings = """
{"jobs": \(jobCount), "applicants": \(applicantCount), "dimension": \(d), "k": \(k), "threads": \(threads),
 "model_build_s": \(buildTime), "index_build_s": \(indexTime), "applicant_extract_s": \(extractTime),
 "batch_topk_rules_s": \(batch.best), "batch_topk_rules_median_s": \(batch.median),
 "batch_float_s": \(batchFloat.best), "batch_float_median_s": \(batchFloat.median), "batch_same_lists": \(sameBlockLists),
 "single_topk_rules_s": \(single.best), "single_topk_rules_median_s": \(single.median),
 "single_free_s": \(singleFree.best), "single_free_median_s": \(singleFree.median),
 "single_free_float_s": \(singleFreeFloat.best), "single_free_float_median_s": \(singleFreeFloat.median),
 "memcpy_s": \(copy.best), "memcpy_median_s": \(copy.median), "free_applicant": "\(free.id)", "free_same_jobs": \(sameLists),
 "scoring_phase_s": \(scoring.best), "scoring_gflops": \(scoringGflops), "sgemm_peak_gflops": \(peakGflops)}
"""
try Data(timings.utf8).write(to: URL(fileURLWithPath: (out as NSString).appendingPathComponent("timings.json")))
print(timings)
