import JobMatchCore
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value, keeps key order, decodes escapes and surrogate pairs")
    func values() throws {
        let text = #"{"b":[1,-2.5e3,0.125,true,false,null],"a":"保洁\n\"x\"\u00e9\ud83d\ude00\/","c":{}}"#
        let value = try JSONParser.parse(Array(text.utf8))
        guard case let .object(pairs) = value else { Issue.record("not an object"); return }
        #expect(pairs.map(\.key) == ["b", "a", "c"])
        #expect(value["b"] == .array([.number(1), .number(-2500), .number(0.125), .bool(true), .bool(false), .null]))
        #expect(value["a"] == .string("保洁\n\"x\"é😀/"))
        #expect(value["c"] == .object([]))
    }

    @Test("writes back what it read", arguments: [
        #"{"id":"A1","n":3,"x":29.552736,"t":[true,null],"s":"渝中区\t\"q\""}"#,
        #"[]"#, #"{"a":{"b":{"c":[1,2,3]}}}"#,
    ])
    func roundTrip(text: String) throws {
        #expect(try JSONParser.parse(Array(text.utf8)).jsonText == text)
    }

    @Test("writes strings with nothing to escape as they are, and escapes the rest")
    func stringEscapes() {
        #expect(JSONValue.string("技能匹配：保洁、快递 A1 / ok").jsonText == "\"技能匹配：保洁、快递 A1 / ok\"")
        #expect(JSONValue.string("").jsonText == "\"\"")
        #expect(JSONValue.string("a\"b\\c").jsonText == #""a\"b\\c""#)
        #expect(JSONValue.string("x\ny\r\tz\u{01}\u{1f}").jsonText == #""x\ny\r\tz\u0001\u001f""#)
        #expect(JSONValue.object([("k\"", .string("渝中区\t"))]).jsonText == #"{"k\"":"渝中区\t"}"#)
    }

    @Test("rejects what RFC 8259 does not allow", arguments: [
        "", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "01", "1.", ".5", "+1", "-", "1e", "tru", "nul", "[1 2]",
        "{\"a\" 1}", "\"abc", "\"a\u{01}b\"", "\"\\x\"", "\"\\ud800\"", "{\"a\":1} x", "NaN", "1e999",
    ])
    func rejects(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test("says where the text went wrong")
    func errorOffset() {
        do {
            _ = try JSONParser.parse(Array(#"{"a":tru}"#.utf8))
            Issue.record("parsed")
        } catch {
            #expect(error.description == "invalid literal at byte 6")
        }
    }
}
