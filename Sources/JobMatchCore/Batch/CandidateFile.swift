/// The binary form of scored candidates, for checkpoint chunks and shard files: a magic line, a
/// length-prefixed header (JSON text chosen by the caller), then per person the id and the candidates
/// as (row Int32, score bits UInt32, flags UInt8), little-endian. Scores keep their exact bits, so
/// allocating from a file gives the same result as allocating in memory.
public enum CandidateFile {
    static let magic = Array("JMCAND1\n".utf8)

    public static func encode(header: String, records: [BatchCandidates]) -> [UInt8] {
        var out = magic
        let headerBytes = Array(header.utf8)
        append(UInt32(headerBytes.count), to: &out)
        out += headerBytes
        append(UInt32(records.count), to: &out)
        for record in records {
            let id = Array(record.applicant.utf8)
            append(UInt32(id.count), to: &out)
            out += id
            append(UInt32(record.candidates.count), to: &out)
            for c in record.candidates {
                append(UInt32(bitPattern: c.posting), to: &out)
                append(c.score.bitPattern, to: &out)
                out.append(c.isFallback ? 1 : 0)
            }
        }
        return out
    }

    /// Decodes a file; throws `malformed_input` when it is cut short or not a candidate file.
    public static func decode(_ bytes: [UInt8], file: String? = nil) throws(JobMatchError) -> (header: String, records: [BatchCandidates]) {
        var reader = Reader(bytes: bytes)
        func fail(_ why: String) -> JobMatchError { JobMatchError(.malformedInput, "not a complete candidate file: \(why)", file: file) }
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { throw fail("bad magic") }
        reader.offset = magic.count
        guard let headerLength = reader.u32(), let header = reader.string(Int(headerLength)) else { throw fail("header") }
        guard let count = reader.u32() else { throw fail("record count") }
        var records: [BatchCandidates] = []
        records.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let idLength = reader.u32(), let id = reader.string(Int(idLength)), let n = reader.u32() else { throw fail("record") }
            var candidates: [AllocationCandidate] = []
            candidates.reserveCapacity(Int(n))
            for _ in 0..<n {
                guard let row = reader.u32(), let bits = reader.u32(), let flags = reader.byte() else { throw fail("candidate") }
                guard flags <= 1 else { throw fail("candidate flags \(flags) of \"\(id)\"") }
                candidates.append(AllocationCandidate(posting: Int32(bitPattern: row), score: Float(bitPattern: bits), isFallback: flags & 1 == 1))
            }
            records.append(BatchCandidates(applicant: id, candidates: candidates))
        }
        guard reader.offset == bytes.count else { throw fail("trailing bytes") }
        return (header, records)
    }

    static func append(_ value: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8((value >> 8) & 0xFF))
        out.append(UInt8((value >> 16) & 0xFF))
        out.append(UInt8(value >> 24))
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func u32() -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            let v = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            offset += 4
            return v
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func string(_ length: Int) -> String? {
            guard length >= 0, offset + length <= bytes.count else { return nil }
            defer { offset += length }
            return String(validating: bytes[offset..<offset + length], as: UTF8.self)
        }
    }
}
