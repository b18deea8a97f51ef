import Foundation
import Testing

@testable import TransnationalRepression

/// The JSON reader against nst/JSONTestSuite (vendored in `Tests/Fixtures/JSONTestSuite/`, MIT
/// licence beside it): every `y_` file accepted, every `n_` file rejected at a place, the `i_`
/// files as `expectations-i.txt` records, and none of them a crash, both as whole documents and
/// as the value of an unknown key inside a valid incident record.
@Suite("JSON: nst/JSONTestSuite")
struct JSONTestSuiteTests {
  static let folder = Fixtures.url("JSONTestSuite/test_parsing")
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!

  static func files(_ prefix: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
  }

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: folder.appendingPathComponent(name)))
  }

  static func validate(_ bytes: [UInt8]) -> JSONSyntaxError? {
    bytes.withUnsafeBufferPointer { buffer in
      do throws(JSONSyntaxError) {
        try JSONScanner.validateDocument(buffer)
        return nil
      } catch {
        return error
      }
    }
  }

  /// A valid record with `value` under the unknown key `"extra"`.
  static func record(with value: [UInt8]) -> Data {
    let head = #"[{"id": "S-1", "host": "TR", "date": {"year": 2019, "precision": "year"}, "#
      + #""category": "detention", "mode": "detention", "persons": {"qualifier": "unknown"}, "#
      + #""ethnic_groups": ["Uyghur"], "sources": [{"title": "T"}], "extra": "#
    return Data(Array(head.utf8) + value + Array("}]".utf8))
  }

  @Test("the suite is all there (95 y_, 188 n_, 35 i_ files) with its licence")
  func vendored() throws {
    #expect(try Self.files("y_").count == 95)
    #expect(try Self.files("n_").count == 188)
    #expect(try Self.files("i_").count == 35)
    let licence = try String(contentsOf: Fixtures.url("JSONTestSuite/LICENSE"), encoding: .utf8)
    #expect(licence.contains("MIT License"))
  }

  @Test("every y_ file is accepted by the scanner, and as a value inside a record")
  func accepted() throws {
    for name in try Self.files("y_") {
      let bytes = try Self.bytes(name)
      #expect(Self.validate(bytes) == nil, "\(name): \(Self.validate(bytes)?.message ?? "")")
      let inRecord = Result { () throws(ImportError) in
        try IncidentJSON.read(data: Self.record(with: bytes), today: Self.today)
      }
      #expect((try? inRecord.get())?.dataset.count == 1, "\(name) inside a record: \(inRecord)")
    }
  }

  @Test("every n_ file is rejected with a place, as a document and as a value inside a record")
  func rejected() throws {
    for name in try Self.files("n_") {
      let bytes = try Self.bytes(name)
      let error = Self.validate(bytes)
      #expect(error != nil, "\(name) was accepted")
      if let error { #expect((0...bytes.count).contains(error.offset) && !error.message.isEmpty) }
      let asFile = try #require(throws: ImportError.self, "\(name) as a file") {
        try IncidentJSON.read(data: Data(bytes), today: Self.today)
      }
      #expect(asFile.line != nil && asFile.column != nil, "\(name): \(asFile)")
      for mode in [ImportMode.strict, .lenient] {
        let inRecord = try #require(throws: ImportError.self, "\(name) inside a record") {
          try IncidentJSON.read(data: Self.record(with: bytes), mode: mode, today: Self.today)
        }
        #expect(inRecord.line != nil && inRecord.column != nil, "\(name): \(inRecord)")
      }
    }
  }

  @Test("the i_ files behave as expectations-i.txt records")
  func implementationDefined() throws {
    let names = try Self.files("i_")
    if ProcessInfo.processInfo.environment["TNR_UPDATE_FIXTURES"] == "1" {
      let lines = try names.map { name in
        "\(name) \(Self.validate(try Self.bytes(name)) == nil ? "accept" : "reject")"
      }
      try ("# i_ files of nst/JSONTestSuite: what JSONScanner.validateDocument does with each\n"
        + lines.joined(separator: "\n") + "\n").write(
          to: Fixtures.url("JSONTestSuite/expectations-i.txt"), atomically: true, encoding: .utf8)
      return
    }
    let text = try String(
      contentsOf: Fixtures.url("JSONTestSuite/expectations-i.txt"), encoding: .utf8)
    var expected: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: " ", maxSplits: 1)
      expected[String(parts[0])] = String(parts[1])
    }
    #expect(Set(names) == Set(expected.keys))
    for name in names {
      let verdict = Self.validate(try Self.bytes(name)) == nil ? "accept" : "reject"
      #expect(expected[name] == verdict, "\(name)")
    }
  }

  @Test("the invalid suite files that Foundation's JSONDecoder accepted under an unknown key now fail")
  func formerlyAccepted() throws {
    var formerly: [String] = []
    for name in try Self.files("n_") {
      let data = Self.record(with: try Self.bytes(name))
      if (try? JSONDecoder().decode([Incident].self, from: data)) != nil { formerly.append(name) }
      #expect(throws: ImportError.self, "\(name)") {
        try IncidentJSON.read(data: data, today: Self.today)
      }
    }
    if ProcessInfo.processInfo.environment["TNR_UPDATE_FIXTURES"] == "1" {
      try ("# n_ files that Foundation's JSONDecoder (swift-corelibs-foundation, Swift 6.3) accepted\n"
        + "# as the value of an unknown key in a valid incident record; the hand-written reader rejects them\n"
        + formerly.joined(separator: "\n") + "\n").write(
          to: Fixtures.url("JSONTestSuite/formerly-accepted.txt"), atomically: true, encoding: .utf8)
      return
    }
    let listed = try String(
      contentsOf: Fixtures.url("JSONTestSuite/formerly-accepted.txt"), encoding: .utf8
    ).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    // The list was measured with Swift 6.3's Foundation (43 files, as issue 15 counts); a later,
    // stricter Foundation may accept fewer of them, never the new reader.
    #expect(listed.count == 43)
    #expect(Set(formerly).isSubset(of: Set(listed)), "\(Set(formerly).subtracting(listed))")
  }
}
