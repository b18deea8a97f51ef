import Foundation
import Testing

@testable import TNRCommandLine
@testable import TransnationalRepression

/// Every command's `--format json` against its schema in `Documentation/JSONSchemas/`, and one
/// key style (snake_case) everywhere.
@Suite("JSON output matches the documented schemas")
struct JSONSchemaTests {
  static let schemas = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Documentation/JSONSchemas")

  static func validator(_ command: String) throws -> JSONSchemaValidator {
    let text = try String(contentsOf: schemas.appendingPathComponent("\(command).schema.json"), encoding: .utf8)
    return JSONSchemaValidator(root: try JSONValue.parse(text))
  }

  /// Every key of every object in `value`.
  static func keys(_ value: JSONValue) -> [String] {
    switch value {
    case .object(let members): members.keys + members.values.flatMap(keys)
    case .array(let items): items.flatMap(keys)
    default: []
    }
  }

  static func check(_ arguments: [String], schema: String, expectStatus: Int32 = 0) throws {
    let result = runTNR(arguments)
    #expect(result.status == expectStatus, "\(arguments): \(result.err)")
    let value = try JSONValue.parse(result.out)
    let errors = try validator(schema).errors(value)
    #expect(errors.isEmpty, "\(arguments): \(errors.prefix(10).joined(separator: "; "))")
    let camel = Self.keys(value).filter { $0.contains { $0.isUppercase } }
    #expect(camel.isEmpty, "\(arguments): keys not in snake_case: \(Set(camel).sorted())")
  }

  @Test("the validator rejects what its keywords forbid and accepts the rest")
  func validatorWorks() throws {
    let schema = try JSONValue.parse(
      #"""
      {"type": "object", "required": ["a"], "additionalProperties": false,
       "properties": {"a": {"type": "integer", "minimum": 0}, "b": {"$ref": "#/$defs/pair"},
                      "c": {"enum": ["x", "y"]}, "d": {"anyOf": [{"type": "null"}, {"type": "string"}]}},
       "$defs": {"pair": {"type": "array", "items": {"type": "boolean"}, "minItems": 2, "maxItems": 2}}}
      """#)
    let validator = JSONSchemaValidator(root: schema)
    #expect(validator.errors(try .parse(#"{"a": 1, "b": [true, false], "c": "x", "d": null}"#)).isEmpty)
    let bad: [(String, String)] = [
      (#"{"b": [true, true]}"#, "missing required key a"),
      (#"{"a": 1.5}"#, "is not of type integer"),
      (#"{"a": -1}"#, "below the minimum"),
      (#"{"a": 1, "z": 0}"#, "key z is not in the schema"),
      (#"{"a": 1, "b": [true]}"#, "fewer than 2"),
      (#"{"a": 1, "b": [true, 1]}"#, "$.b[1]"),
      (#"{"a": 1, "c": "w"}"#, "enumerated"),
      (#"{"a": 1, "d": 3}"#, "anyOf"),
      (#"[1]"#, "is not of type object"),
    ]
    for (text, message) in bad {
      let errors = validator.errors(try .parse(text))
      #expect(errors.contains { $0.contains(message) }, "\(text): \(errors)")
    }
    #expect(!JSONSchemaValidator(root: try .parse(#"{"format": "date"}"#)).errors(.null).isEmpty)
    #expect(try JSONValue.parse("1") == .number(1) && (try JSONValue.parse("true")) == .bool(true))
  }

  @Test("tnr report --format json: the sample and a user file")
  func report() throws {
    try Self.check(["report", "--format", "json", "--permutations", "99"], schema: "report")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-json-\(UUID()).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    try IncidentCSV.write(IncidentDataset.documentedSample.filter { $0.host.region == .southeastAsia }, to: file)
    try Self.check(["report", "--incidents", file.path, "--format", "json", "--quiet", "--permutations", "99"], schema: "report")
  }

  @Test(
    "tnr count --format json: incidents, persons, phases, multi-valued, filters, --top and --aggregates",
    arguments: [
      ["--by", "host,category"], ["--by", "year", "--measure", "persons", "--category", "extradition"],
      ["--by", "phase"], ["--by", "ethnic_group,region"], ["--by", "mode", "--top", "3"],
      ["--by", "origin", "--from", "2030"],
      ["--by", "origin,category", "--aggregates", Fixtures.url("aggregates/synthetic-canonical.csv").path],
      ["--by", "phase,mode", "--aggregates", Fixtures.url("aggregates/synthetic-canonical.csv").path],
    ])
  func count(_ arguments: [String]) throws {
    try Self.check(["count"] + arguments + ["--format", "json"], schema: "count")
  }

  @Test("tnr correlate --format json: defaults, top-N and permutations, the other join, --pairs")
  func correlate() throws {
    try Self.check(["correlate", "--format", "json"], schema: "correlate")
    try Self.check(["correlate", "--format", "json", "--top", "10", "--permutations", "99"], schema: "correlate")
    try Self.check(["correlate", "--format", "json", "--join", "hosts_with_cases", "--measure", "hrt_debt_pct_gdp"], schema: "correlate")
    let pairs = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-pairs-\(UUID()).csv")
    defer { try? FileManager.default.removeItem(at: pairs) }
    try Data("x,y\n1,1\n2,1\n3,1\n".utf8).write(to: pairs)  // y constant: undefined coefficients
    try Self.check(["correlate", "--pairs", pairs.path, "--format", "json", "--permutations", "9"], schema: "correlate")
  }

  @Test("tnr model --format json: Poisson, negative binomial with the upper exposure, logit, robust")
  func model() throws {
    try Self.check(["model", "--covariates", "china_share_total", "--format", "json"], schema: "model")
    try Self.check(
      ["model", "--covariates", "china_share_total", "--family", "negative-binomial", "--exposure", "high", "--format", "json"],
      schema: "model")
    try Self.check(
      ["model", "--covariates", "china_share_total,sco_member", "--robust", "hc1", "--format", "json"], schema: "model")
    try Self.check(
      ["model", "--aggregates", Fixtures.url("aggregates/synthetic-canonical.csv").path, "--covariates", "china_share_total", "--format", "json"],
      schema: "model")
    try Self.check(["model", "--panel", "--lag", "2", "--format", "json"], schema: "model")
    try Self.check(
      ["model", "--panel", "--covariates", "debt_pct_gdp,treaty_in_force", "--robust", "hc1", "--format", "json"],
      schema: "model")
  }

  @Test("tnr validate --format json: a clean file, rejected rows, a file that cannot be used")
  func validate() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-validate-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let clean = folder.appendingPathComponent("clean.csv")
    try IncidentCSV.write(IncidentDataset.documentedSample, to: clean)
    try Self.check(["validate", clean.path, "--format", "json"], schema: "validate")
    var text = IncidentCSV.write(IncidentDataset.documentedSample)
    text = text.replacingOccurrences(of: "DOC-001,CN,PK,", with: "DOC-001,CN,XX,")
      .replacingOccurrences(of: "id,origin,", with: "extra,id,origin,")
      .split(separator: "\n").map { $0.hasPrefix("extra,") ? String($0) : "e," + $0 }.joined(separator: "\n") + "\n"
    let bad = folder.appendingPathComponent("bad.csv")
    try Data(text.utf8).write(to: bad)
    try Self.check(["validate", bad.path, "--format", "json", "--lenient"], schema: "validate", expectStatus: 1)
    let object = try JSONValue.parse(runTNR(["validate", bad.path, "--format", "json"]).out)
    guard case .object(let members) = object else { Issue.record("not an object"); return }
    #expect(members["ignored_columns"] == .array([.string("extra")]))
    let empty = folder.appendingPathComponent("empty.csv")
    try Data().write(to: empty)
    try Self.check(["validate", empty.path, "--format", "json"], schema: "validate", expectStatus: 1)
  }

  @Test("tnr import --format json: the issue-13 spreadsheet, and a file with rejected rows")
  func importCommand() throws {
    let spreadsheet = Fixtures.url("import/issue-13-spreadsheet.csv").path
    let mapping = Fixtures.url("import/issue-13-mapping.json").path
    try Self.check(["import", spreadsheet, "--mapping", mapping, "--format", "json"], schema: "import")
    let ambiguous = Fixtures.url("import/corpus/country-names-ambiguous.csv").path
    try Self.check(
      ["import", ambiguous, "--mapping", mapping, "--format", "json", "--lenient"], schema: "import",
      expectStatus: 1)
  }
}
