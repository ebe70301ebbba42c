import Foundation
import JobMatchCore

/// A structural validator for `docs/openapi.json`: resolves local `$ref`s and checks type, required,
/// properties, additionalProperties, items, enum, minimum and oneOf. Enough to keep the spec true to
/// what the daemon answers.
struct OpenAPIValidator {
    let spec: JSONValue

    init() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/openapi.json")
        let data = try Data(contentsOf: url)
        spec = try Interchange.parse(Array(data)).get()
    }

    /// `(METHOD, /path/{param})` for every operation in the spec.
    var operations: [(method: String, path: String)] {
        guard case let .object(paths)? = spec["paths"] else { return [] }
        return paths.flatMap { path, item -> [(method: String, path: String)] in
            guard case let .object(ops) = item else { return [] }
            return ops.map { (method: $0.key.uppercased(), path: path) }
        }
    }

    /// Problems with an answer to `method path` (a concrete path, matched against the templates).
    func check(method: String, path: String, status: Int, contentType: String?, body: JSONValue?) -> [String] {
        guard let template = operations.first(where: { $0.method == method && Self.matches(template: $0.path, path: path) })?.path else {
            return ["\(method) \(path): no operation in the spec"]
        }
        guard let operation = spec["paths"]?[template]?[method.lowercased()] else { return ["no operation"] }
        guard let response = operation["responses"]?[String(status)] ?? operation["responses"]?["default"] else {
            return ["\(method) \(template): status \(status) is not in the spec"]
        }
        guard case let .object(content)? = response["content"] else {
            return body == nil ? [] : ["\(method) \(template) \(status): the spec has no body, the answer has one"]
        }
        let type = contentType?.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        guard let media = content.first(where: { $0.key == type })?.value else {
            return ["\(method) \(template) \(status): content type \(type) is not in the spec"]
        }
        guard let schema = media["schema"] else { return [] }
        if type == "text/plain" { return [] }
        guard let body else { return ["\(method) \(template) \(status): no JSON body"] }
        return validate(body, schema, at: "\(method) \(template) \(status) $")
    }

    static func matches(template: String, path: String) -> Bool {
        let t = template.split(separator: "/"), p = path.split(separator: "?")[0].split(separator: "/")
        return t.count == p.count && zip(t, p).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    func resolve(_ schema: JSONValue) -> JSONValue {
        guard case let .string(ref)? = schema["$ref"] else { return schema }
        var node = spec
        for part in ref.dropFirst(2).split(separator: "/") { node = node[String(part)] ?? .null }
        return resolve(node)
    }

    func validate(_ value: JSONValue, _ rawSchema: JSONValue, at path: String) -> [String] {
        let schema = resolve(rawSchema)
        if case let .array(options)? = schema["oneOf"] {
            let passing = options.filter { validate(value, $0, at: path).isEmpty }.count
            return passing == 1 ? [] : ["\(path): matches \(passing) of oneOf"]
        }
        var errors: [String] = []
        var types: [String] = []
        if case let .string(t)? = schema["type"] { types = [t] }
        if case let .array(ts)? = schema["type"] { types = ts.compactMap { if case let .string(s) = $0 { s } else { nil } } }
        if !types.isEmpty && !types.contains(where: { Self.has(value, type: $0) }) {
            return ["\(path): expected \(types.joined(separator: "|")), got \(value.typeName)"]
        }
        if case let .array(allowed)? = schema["enum"], !allowed.contains(value) {
            errors.append("\(path): \(value.jsonText) is not one of \(JSONValue.array(allowed).jsonText)")
        }
        if case let .number(minimum)? = schema["minimum"], case let .number(n) = value, n < minimum {
            errors.append("\(path): \(n) < minimum \(minimum)")
        }
        if case let .object(pairs) = value {
            let properties: [(key: String, value: JSONValue)] = if case let .object(p)? = schema["properties"] { p } else { [] }
            if case let .array(required)? = schema["required"] {
                for case let .string(name) in required where value[name] == nil { errors.append("\(path): missing \(name)") }
            }
            for (key, item) in pairs {
                if let sub = properties.first(where: { $0.key == key })?.value {
                    errors += validate(item, sub, at: "\(path).\(key)")
                } else if schema["additionalProperties"] == .bool(false) {
                    errors.append("\(path): unexpected field \(key)")
                }
            }
        }
        if case let .array(items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { errors += validate(item, itemSchema, at: "\(path)[\(i)]") }
        }
        return errors
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): true
        case let ("integer", .number(n)): n == n.rounded()
        default: false
        }
    }
}
