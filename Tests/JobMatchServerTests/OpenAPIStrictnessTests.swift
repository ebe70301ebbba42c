import Foundation
import JobMatchCore
import Testing

/// docs/openapi.json states what the daemon accepts: the enums of the interchange spec (copied here from
/// shared/spec/interchange.md, "Enums"), 415 wherever a body is read, `minItems` where an empty array is
/// refused, and no `additionalProperties: false` on what is read (unknown fields are ignored).
@Suite("docs/openapi.json states what is accepted")
struct OpenAPIStrictnessTests {
    static let spec: [String: [String]] = [
        "E": ["none", "primary", "junior_high", "senior_high", "vocational", "college", "bachelor", "postgraduate"],
        "D": ["visual", "hearing", "speech", "physical", "intellectual", "mental"],
        "G": ["registered_unemployed", "long_term_unemployed", "older_worker", "disabled", "zero_employment_household", "low_income",
              "poverty_alleviated", "stay_at_home_parent", "graduate"],
        "J": ["full_time", "part_time", "gig", "public_welfare", "self_employment"],
        "S": ["day", "evening", "night", "weekend", "flexible"],
        "L": ["none", "low", "medium", "high"],
        "A": ["wheelchair_access", "sign_language", "screen_reader", "job_coach", "flexible_hours", "rest_breaks"],
        "tags": ["age_friendly", "disability_friendly", "doorstep", "flexible"],
        "events": ["recommended", "viewed", "applied", "interviewed", "hired", "rejected", "declined", "retained_3m", "separated"],
    ]

    func strings(_ value: JSONValue?) -> [String] {
        guard case let .array(items)? = value else { return [] }
        return items.compactMap { if case let .string(s) = $0 { s } else { nil } }
    }

    func schema(_ v: OpenAPIValidator, _ path: String...) -> JSONValue? { schema(v, path) }

    func schema(_ v: OpenAPIValidator, _ path: [String]) -> JSONValue? {
        var node: JSONValue? = v.spec
        for part in path { node = node.map { v.resolve($0) }?[part] }
        return node.map { v.resolve($0) }
    }

    @Test func enumsAreTheSpecs() throws {
        let v = try OpenAPIValidator()
        let a = ["components", "schemas", "Applicant", "properties"], j = ["components", "schemas", "Job", "properties"]
        let checks: [([String], String)] = [
            (a + ["education"], "E"), (a + ["disability", "properties", "categories", "items"], "D"), (a + ["groups", "items"], "G"),
            (a + ["preferences", "properties", "job_types", "items"], "J"), (a + ["preferences", "properties", "schedule", "items"], "S"),
            (j + ["job_type"], "J"), (j + ["education_min"], "E"), (j + ["schedule", "items"], "S"), (j + ["demands", "properties", "vision"], "L"),
            (j + ["demands", "properties", "stress"], "L"), (j + ["accommodations", "items"], "A"), (j + ["tags", "items"], "tags"),
            (["components", "schemas", "Interaction", "properties", "event"], "events"),
        ]
        for (path, name) in checks {
            let node = schema(v, path)
            #expect(strings(node?["enum"]) == Self.spec[name], "\(path.joined(separator: "."))")
        }
        for route in ["/v1/applicants/{id}/recommendations", "/v1/recommendations"] {
            let method = route == "/v1/recommendations" ? "post" : "get"
            guard case let .array(parameters)? = schema(v, "paths", route, method)?["parameters"] else { Issue.record("no parameters"); continue }
            for (name, list) in [("job_type", "J"), ("tag", "tags")] {
                let p = parameters.first { $0["name"] == .string(name) }
                #expect(strings(p?["schema"]?["items"]?["enum"]) == Self.spec[list], "\(route) \(name)")
            }
        }
    }

    @Test func bodiesAre415AndOpenEnded() throws {
        let v = try OpenAPIValidator()
        guard case let .object(paths)? = v.spec["paths"] else { Issue.record("no paths"); return }
        var bodies = 0
        for (path, item) in paths {
            guard case let .object(operations) = item else { continue }
            for (method, operation) in operations {
                guard let body = operation["requestBody"] else { continue }
                bodies += 1
                #expect(operation["responses"]?["415"] != nil, "\(method) \(path) has no 415")
                #expect(!mentionsClosedObject(v, body["content"]?["application/json"]?["schema"], depth: 0), "\(method) \(path)")
            }
        }
        #expect(bodies == 6)
        // An empty array of outcomes is refused, so the schema says minItems 1.
        guard case let .array(options)? = schema(v, "paths", "/v1/outcomes", "post")?["requestBody"]?["content"]?["application/json"]?["schema"]?["oneOf"]
        else { Issue.record("no oneOf"); return }
        #expect(options.contains { $0["type"] == .string("array") && $0["minItems"] == .number(1) })
        let categories = schema(v, "components", "schemas", "Applicant", "properties", "disability", "properties", "categories")
        #expect(categories?["minItems"] == .number(1))
    }

    /// True when a schema read from a request says `additionalProperties: false` anywhere.
    func mentionsClosedObject(_ v: OpenAPIValidator, _ raw: JSONValue?, depth: Int) -> Bool {
        guard let raw, depth < 12 else { return false }
        let schema = v.resolve(raw)
        if schema["additionalProperties"] == .bool(false) { return true }
        var children: [JSONValue] = []
        if case let .object(properties)? = schema["properties"] { children += properties.map(\.value) }
        if let items = schema["items"] { children.append(items) }
        if case let .array(options)? = schema["oneOf"] { children += options }
        return children.contains { mentionsClosedObject(v, $0, depth: depth + 1) }
    }
}
