import Foundation

/// A JSON value, decoded strictly (a number is never read as a Boolean). Test support, not API.
indirect enum JSONValue: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  static func parse(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }
}

/// A validator for the subset of JSON Schema (draft 2020-12) that `Documentation/JSONSchemas/`
/// uses: `type`, `properties`, `required`, `additionalProperties`, `items`, `minItems`,
/// `maxItems`, `enum`, `minimum`, `anyOf` and `$ref` to `#/$defs/…`. A keyword it does not know
/// is a failure, so a schema cannot silently ask for more than is checked. Test support, not API.
struct JSONSchemaValidator {
  let root: JSONValue
  static let keywords: Set<String> = [
    "$schema", "$id", "$defs", "title", "description", "type", "properties", "required",
    "additionalProperties", "items", "minItems", "maxItems", "enum", "minimum", "anyOf", "$ref",
  ]

  /// Every violation of `schema` by `value`, each with the path where it occurs.
  func errors(_ value: JSONValue, _ schema: JSONValue? = nil, path: String = "$") -> [String] {
    guard case .object(let rules) = schema ?? root else { return ["\(path): the schema is not an object"] }
    var found: [String] = []
    for key in rules.keys where !Self.keywords.contains(key) {
      found.append("\(path): unsupported schema keyword \(key)")
    }
    if case .string(let reference)? = rules["$ref"] {
      let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
      guard case .object(let definitions)? = { if case .object(let r) = root { r["$defs"] } else { nil } }(),
        let target = definitions[name]
      else { return found + ["\(path): unresolved \(reference)"] }
      found += errors(value, target, path: path)
    }
    if let type = rules["type"] {
      let allowed: [String] =
        switch type {
        case .string(let one): [one]
        case .array(let many): many.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: []
        }
      if !allowed.contains(where: { Self.matches(value, type: $0) }) {
        found.append("\(path): \(Self.describe(value)) is not of type \(allowed.joined(separator: "|"))")
        return found
      }
    }
    if case .array(let choices)? = rules["enum"], !choices.contains(value) {
      found.append("\(path): \(Self.describe(value)) is not one of the enumerated values")
    }
    if case .number(let minimum)? = rules["minimum"], case .number(let number) = value, number < minimum {
      found.append("\(path): \(number) is below the minimum \(minimum)")
    }
    if case .array(let alternatives)? = rules["anyOf"],
      !alternatives.contains(where: { errors(value, $0, path: path).isEmpty })
    {
      found.append("\(path): \(Self.describe(value)) matches none of anyOf")
    }
    if case .object(let members) = value {
      let properties: [String: JSONValue] =
        if case .object(let p)? = rules["properties"] { p } else { [:] }
      if case .array(let required)? = rules["required"] {
        for case .string(let name) in required where members[name] == nil {
          found.append("\(path): missing required key \(name)")
        }
      }
      for (name, member) in members.sorted(by: { $0.key < $1.key }) {
        if let rule = properties[name] {
          found += errors(member, rule, path: path + "." + name)
        } else {
          switch rules["additionalProperties"] {
          case .bool(false)?: found.append("\(path): key \(name) is not in the schema")
          case .object(let extra)?: found += errors(member, .object(extra), path: path + "." + name)
          default: break
          }
        }
      }
    }
    if case .array(let items) = value {
      if case .number(let least)? = rules["minItems"], Double(items.count) < least {
        found.append("\(path): \(items.count) items, fewer than \(Int(least))")
      }
      if case .number(let most)? = rules["maxItems"], Double(items.count) > most {
        found.append("\(path): \(items.count) items, more than \(Int(most))")
      }
      if let rule = rules["items"] {
        for (index, item) in items.enumerated() { found += errors(item, rule, path: "\(path)[\(index)]") }
      }
    }
    return found
  }

  static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
      ("number", .number):
      true
    case ("integer", .number(let number)): number.rounded() == number
    default: false
    }
  }

  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let b): "\(b)"
    case .number(let n): "\(n)"
    case .string(let s): "'\(s.prefix(40))'"
    case .array(let a): "an array of \(a.count)"
    case .object: "an object"
    }
  }
}
