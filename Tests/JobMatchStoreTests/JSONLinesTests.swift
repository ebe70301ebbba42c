import Foundation
import JobMatchStore
import Testing

@Suite("JSON Lines streaming")
struct JSONLinesTests {
    @Test("lines split across chunk boundaries come out whole, numbered, blank lines skipped", arguments: [1, 2, 3, 7, 64, 1 << 20])
    func chunking(chunkSize: Int) throws {
        let folder = try temporaryFolder("chunking\(chunkSize)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.jsonl").path
        let text = "{\"a\":\"保洁\"}\n\n  \n{\"b\":2}\r\n{\"c\":3}"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let lines = JSONLinesReader(path: path, chunkSize: chunkSize).map { ($0.number, String(decoding: $0.bytes, as: UTF8.self)) }
        #expect(lines.map(\.0) == [1, 4, 5])
        #expect(lines.map(\.1) == ["{\"a\":\"保洁\"}", "{\"b\":2}", "{\"c\":3}"])
    }

    @Test("a writer's file appears only on commit, and discard leaves nothing")
    func writerIsAtomic() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sub/out.jsonl").path
        let writer = try JSONLinesWriter(path: path)
        try writer.write(line: "{}")
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}\n")

        let other = try JSONLinesWriter(path: path + "2")
        try other.write(line: "{}")
        other.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sub").path) == ["out.jsonl"])
    }
}
