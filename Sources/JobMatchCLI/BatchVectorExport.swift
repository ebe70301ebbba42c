import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

/// `jobmatch batch --export-vectors DIR` (hidden; used by scripts/bench-batch.sh): writes the very
/// matrices a batch would score, so FAISS can search the same vectors in the same benchmark run:
/// `jobs.f32` (open postings × d, the index's rows), `applicants.f32` (seekers × d, by id), raw
/// little-endian float32 (0600: they encode the people's profiles), and `meta.json` with the counts.
/// Audited like `jobmatch export` (under the OS user, naming every person exported) before it writes.
enum BatchVectorExport {
    static func write(inputs: BatchInputs, to folder: String, database: AppDatabase) throws -> String {
        try CLIAudit.record(database, command: "batch --export-vectors", people: inputs.applicants.map(\.id), detail: "vectors to \(folder)")
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw JobMatchError(.io, "cannot create the folder: \(error)", file: folder)
        }
        let index = JobIndex(model: inputs.model, jobs: inputs.jobs, compact: false)
        var applicants = [Float]()
        applicants.reserveCapacity(inputs.applicants.count * index.dimension)
        for a in inputs.applicants { applicants += index.extractor.applicantVector(a, at: inputs.asOf) }
        func save(_ floats: [Float], _ name: String) throws {
            let path = (folder as NSString).appendingPathComponent(name)
            // The people's vectors encode disability, groups, capacity and wage wishes: owner-only (0600).
            try floats.withUnsafeBytes { try PrivateFile.write(Data($0), to: path) }
        }
        try save(index.vectors, "jobs.f32")
        try save(applicants, "applicants.f32")
        let meta = "{\"jobs\": \(index.count), \"applicants\": \(inputs.applicants.count), \"dimension\": \(index.dimension), \"as_of\": \"\(inputs.asOf.text)\"}\n"
        try Data(meta.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("meta.json")))
        return "exported \(index.count) job and \(inputs.applicants.count) applicant vectors (d = \(index.dimension)) to \(folder)"
    }
}
