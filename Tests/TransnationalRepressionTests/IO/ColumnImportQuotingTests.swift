import Foundation
import Testing

@testable import TransnationalRepression

/// The columnar import's line loop on quoted fields, its cut of a block into parts (checked
/// after the parts are read, and redone by quote parity, then as one part, when it fails), and
/// its direct table of numbered ids with a prefix — each against the record reader, with
/// ``ColumnImportTests/compare(_:mapping:names:label:configurations:sourceLocation:)``, which
/// reads from memory and from files, on one thread and several, with blocks and parts so small
/// that records straddle them.
@Suite("Columnar CSV import: quoted fields, part cuts and prefixed ids")
struct ColumnImportQuotingTests {
  static let header = IncidentField.canonical.map(\.rawValue).joined(separator: ",")

  /// A canonical row (16 fields); `values` replaces fields by position.
  static func row(_ id: String, _ values: [Int: String] = [:]) -> String {
    var fields = [
      id, "CN", "TR", "2020", "", "", "year", "detention", "detention", "1", "exact", "Uyghur",
      "Source", "", "", "",
    ]
    for (index, value) in values { fields[index] = value }
    return fields.joined(separator: ",")
  }

  /// Quoted values, plain and unusual: closing on their line or not, with doubled quotes,
  /// line breaks, text after the closing quote, a quote inside an unquoted field, empty.
  static let quotedValues = [
    "\"A title, with a comma\"", "\"SYNTHETIC \u{2014} a dash, not real\"", "\"plain\"",
    "\"He said \"\"no\"\"\"", "\"Line one\nline two\"", "\"Line one\r\nline two\"",
    "\"x\"y", "ab\"c", "\"\"", "\"   \"", "\"caf\u{E9}\"", "\"a\"\"\"",
  ]

  @Test("quoted fields anywhere in the row, plain or not, read as IncidentCSV reads them", arguments: 0..<8)
  func quotedFields(round: Int) throws {
    var random = TestRandom(seed: UInt64(round) &* 4_099 &+ 11)
    var lines = [Self.header]
    for row in 0..<300 {
      var values: [Int: String] = [:]
      // Mostly the plain quoted title of the canonical file, sometimes anything else.
      values[12] = Int.random(in: 0..<4, using: &random) == 0
        ? Self.quotedValues.randomElement(using: &random)! : Self.quotedValues[1]
      if Int.random(in: 0..<6, using: &random) == 0 {
        values[15] = Self.quotedValues.randomElement(using: &random)!  // the last field
      }
      if Int.random(in: 0..<10, using: &random) == 0 { values[2] = "\"TR\"" }
      if Int.random(in: 0..<20, using: &random) == 0 { values[7] = "\"extradition\"" }
      let id = Int.random(in: 0..<15, using: &random) == 0 ? "\"SYN-\(row)\"" : "SYN-\(row)"
      var line = Self.row(id, values)
      if Int.random(in: 0..<8, using: &random) == 0 { line += "\r" }  // CRLF
      lines.append(line)
    }
    var text = lines.joined(separator: "\n")
    switch round % 4 {
    case 0: text += "\n"
    case 1: text += "\n" + Self.row("SYN-last", [15: "\"notes, last\""])  // no final line break
    case 2: text += "\n" + Self.row("SYN-open", [15: "\"never closed"])
    default: break
    }
    try ColumnImportTests.compare(Array(text.utf8), label: "quoted \(round)")
  }

  @Test("every row quoted plainly: the fast path takes each one")
  func plainQuotedRows() throws {
    var lines = [Self.header]
    for row in 0..<400 {
      lines.append(Self.row("SYN-1-\(row)", [12: Self.quotedValues[row % 3], 15: "\"n, \(row)\""]))
    }
    let fast = try ColumnImportTests.compare(
      Array((lines.joined(separator: "\n") + "\n").utf8), label: "plain quoted")
    #expect(fast.prefix(ColumnImportTests.configurations.count).allSatisfy { $0 == 400 }, "\(fast)")
  }

  @Test("line breaks inside quotes in every block: the cut at line breaks fails and is redone")
  func lineBreaksInQuotes() throws {
    var lines = [Self.header]
    for row in 0..<2_000 {
      // Every other row's title spans three lines, so most cuts at a line break fall inside
      // quotes; a few rows hold a stray quote, which makes the parity cut fail too.
      let title = row % 2 == 0 ? "\"first\nsecond,\nthird\"" : row % 97 == 3 ? "a\"b" : "Source"
      lines.append(Self.row(String(row + 1), [12: title]))
    }
    let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
    try ColumnImportTests.compare(bytes, label: "line breaks in quotes")
    try ColumnImportTests.compare(
      bytes, label: "line breaks in quotes, large blocks",
      configurations: [
        .init(fromFile: true, threads: 2, blockSize: 20_000),
        .init(fromFile: false, threads: 4, minimumPartBytes: 500),
      ])
  }

  @Test("a bare carriage return after the first block sends the whole input to the record reader")
  func lateBareCarriageReturn() throws {
    for position in [150, 299] {
      var lines = [Self.header]
      for row in 0..<300 {
        lines.append(Self.row("SYN-\(row)", [12: row == position ? "\"a\rb\"" : Self.quotedValues[1]]))
      }
      try ColumnImportTests.compare(
        Array((lines.joined(separator: "\n") + (position == 299 ? "\r" : "\n")).utf8),
        label: "bare CR at row \(position)")
    }
  }

  @Test("ids with the first id's prefix and a number are told apart from every other id")
  func prefixedIDs() throws {
    let ids = [
      "SYN-1-0", "SYN-1-1", "1", "SYN-1-01", "SYN-1-1", "1", "SYN-1-", "SYN-1-0",
      "SYN-1-18446744073709551616", "SYN-1-999999999999999999", "SYN-1-999999999999999999",
      "syn-1-1", "SYN-2-1", "\"SYN-1-1\"", "SYN-1-2", "01", "SYN-1-2", "SYN-1-3000000",
      "SYN-1-3000000", "SYN-1-1e3", "SYN-1--1", "SYN-1-+1",
    ]
    var lines = [Self.header]
    // Repeated in three rounds, so that repeats fall within a part, across parts and blocks.
    for round in 0..<3 {
      for id in ids { lines.append(Self.row(id, [3: String(2000 + round)])) }
    }
    let text = lines.joined(separator: "\n") + "\n"
    try ColumnImportTests.compare(Array(text.utf8), label: "prefixed ids")
    let result = try IncidentColumns.read(text: text, mode: .lenient, today: ColumnImportTests.today)
    // Each distinct id is accepted once (a quoted id is the same id), every repeat rejected.
    let distinct = Set(ids.map { $0.replacingOccurrences(of: "\"", with: "") }).count
    #expect(result.columns.count == distinct)
    #expect(result.report.rejected.count == 3 * ids.count - distinct)
  }

  @Test("the direct table's prefix: the first id without its trailing digits, printable and short")
  func directPrefix() {
    func prefix(_ sample: String) -> Int {
      Array(sample.utf8).withUnsafeBufferPointer { DirectIDs(sample: $0, bound: 100).prefixCount }
    }
    #expect(prefix("SYN-1-0") == 6)
    #expect(prefix("A1") == 1)
    #expect(prefix("12") == 0)  // digits only: row numbers, no prefix
    #expect(prefix("ABCDEFGH7") == 8)
    #expect(prefix("ABCDEFGHI7") == 0)  // a prefix longer than 8 bytes
    #expect(prefix("A B7") == 0)  // not printable
    #expect(prefix("caf\u{E9}7") == 0)
    #expect(prefix("SYN-") == 0)  // no number
    #expect(prefix("") == 0)
    let direct = Array("SYN-1-0".utf8).withUnsafeBufferPointer { DirectIDs(sample: $0, bound: 100) }
    func value(_ id: String, slack: Int = 0) -> Int? {
      let bytes = Array(id.utf8) + Array(repeating: 0x2C, count: slack)
      return bytes.withUnsafeBufferPointer {
        direct.value(UnsafeBufferPointer(rebasing: $0[0..<id.utf8.count]), slack: slack)
      }
    }
    for slack in [0, 8] {
      #expect(value("SYN-1-0", slack: slack) == 0)
      #expect(value("SYN-1-99", slack: slack) == 99)
      #expect(value("SYN-1-100", slack: slack) == nil)  // not below the bound
      #expect(value("SYN-1-07", slack: slack) == nil)  // not canonical
      #expect(value("SYN-1-", slack: slack) == nil)
      #expect(value("SYN-2-5", slack: slack) == nil)
      #expect(value("5", slack: slack) == nil)  // no prefix: the id index's
      #expect(value("SYN-1-5x", slack: slack) == nil)
    }
    let plain = DirectIDs(bound: 100)
    #expect(Array("42".utf8).withUnsafeBufferPointer { plain.value($0, slack: 0) } == 42)
    #expect(Array("A42".utf8).withUnsafeBufferPointer { plain.value($0, slack: 0) } == nil)
  }
}
