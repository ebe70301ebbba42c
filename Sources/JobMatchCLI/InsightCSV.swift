import Foundation
import JobMatchCore
import JobMatchStore
import JobMatchWorkflows

/// The insight report's lists as CSV files (RFC 4180, UTF-8, header row): `gaps.csv`, `occupations.csv`,
/// `outreach.csv` (one row per posting and change) and `trend.csv`, written 0600 into a folder.
enum InsightCSV {
    static func write(_ report: InsightReport, to folder: String) throws -> [String] {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw JobMatchError(.io, "cannot create the folder: \(error)", file: folder)
        }
        let r = report.result
        func ratio(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "" }
        let files: [(String, [String], [[String]])] = [
            ("gaps.csv", ["district", "group", "seekers", "with_fitting", "postings", "places", "seekers_per_posting"],
             r.gaps.map { [$0.district, $0.group, "\($0.seekers)", "\($0.withFitting)", "\($0.postings)", "\($0.places)", ratio($0.seekersPerPosting)] }),
            ("occupations.csv", ["occupation", "seekers", "postings", "places", "shortfall"],
             r.occupations.map { [$0.occupation, "\($0.seekers)", "\($0.postings)", "\($0.places)", "\($0.shortfall)"] }),
            ("outreach.csv", ["job", "title", "employer_id", "employer", "district", "occupation", "group", "nearby", "suits_now", "change", "change_zh", "suits", "gain"],
             r.outreach.flatMap { o in o.outcomes.map { c in
                 [o.job, o.title, o.employerID, o.employerName, o.district, o.occupation ?? "", o.group.rawValue, "\(o.nearby)", "\(o.suitsNow)",
                  c.change.code, c.change.chinese, "\(c.suits)", "\(c.gain)"]
             } }),
            ("trend.csv", ["run", "as_of", "group", "seekers", "with_fitting", "postings", "seekers_per_posting"],
             report.trend.map { [$0.run, $0.asOf.text, $0.group, "\($0.seekers)", "\($0.withFitting)", "\($0.postings)", ratio($0.seekersPerPosting)] }),
        ]
        return try files.map { name, header, rows in
            let path = (folder as NSString).appendingPathComponent(name)
            let text = ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
            try PrivateFile.write(Data(text.utf8), to: path)
            return path
        }
    }

    /// A field quoted when it holds a comma, quote or line break.
    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
