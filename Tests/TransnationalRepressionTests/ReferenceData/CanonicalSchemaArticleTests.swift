import Foundation
import Testing

@testable import TransnationalRepression

/// The DocC article on the canonical schema
/// (`Documentation/TransnationalRepression.docc/CanonicalSchema.md`) against the code: its column
/// tables name exactly the fields of ``IncidentField``, its lists of values are the model's, and
/// its example file reads cleanly.
@Suite("Canonical schema article")
struct CanonicalSchemaArticleTests {
  static let article = Fixtures.checkout
    .appendingPathComponent("Documentation/TransnationalRepression.docc/CanonicalSchema.md")

  /// The article's lines from the heading `### <title>` to the next heading.
  static func section(_ title: String) throws -> [Substring] {
    let lines = try String(contentsOf: article, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex(of: "### \(title)"), "no section \(title)")
    let rest = lines[(start + 1)...]
    let end = rest.firstIndex { $0.hasPrefix("#") } ?? rest.endIndex
    return Array(rest[..<end])
  }

  /// The cells of the section's table rows (not the header or the rule).
  static func tableRows(_ title: String) throws -> [[String]] {
    try section(title).filter { $0.hasPrefix("| `") }.map { row in
      row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    }
  }

  /// The single-backticked lowercase words of a cell (``Symbol`` links are left out).
  static func codes(_ cell: String) -> [String] {
    cell.replacing(/``[A-Za-z\/()]+``/, with: "").matches(of: /`([a-z_]+)`/).map { String($0.1) }
  }

  @Test("the column tables name the sixteen canonical and the four optional fields, in order")
  func columns() throws {
    let canonical = try Self.tableRows("The sixteen canonical columns").flatMap { Self.codes($0[0]) }
    #expect(canonical == IncidentField.canonical.map(\.rawValue))
    let optional = try Self.tableRows("The optional columns").flatMap { Self.codes($0[0]) }
    #expect(optional == IncidentField.optional.map(\.rawValue))
    // "Required" is "no" exactly for the fields that may be empty.
    for row in try Self.tableRows("The sixteen canonical columns") {
      for name in Self.codes(row[0]) {
        let field = try #require(IncidentField(rawValue: name))
        #expect((row[1] == "no") == field.mayBeEmpty, "\(name)")
      }
    }
  }

  @Test("the listed values are the model's")
  func values() throws {
    let rows = try Self.tableRows("The sixteen canonical columns")
    func cell(_ name: String) throws -> String {
      try #require(rows.first { Self.codes($0[0]) == [name] })[3]
    }
    #expect(Self.codes(try cell("date_precision")) == DatePrecision.allCases.map(\.rawValue))
    #expect(Self.codes(try cell("category")) == IncidentCategory.allCases.map(\.rawValue))
    #expect(Self.codes(try cell("persons_qualifier")) == PersonCountQualifier.allCases.map(\.rawValue))
    let groups = try cell("ethnic_groups").matches(of: /`([A-Z][a-z]+)`/).map { String($0.1) }
    #expect(groups == EthnicGroup.allCases.map(\.rawValue))

    let modes = try Self.tableRows("Modes")
    func modeCell(_ category: String) throws -> [String] {
      Self.codes(try #require(modes.first { Self.codes($0[0]) == [category] })[1])
    }
    #expect(try modeCell("intimidation") == IntimidationTactic.allCases.map(\.rawValue))
    #expect(try modeCell("detention") == ["detention", "unspecified"])
    #expect(try modeCell("extradition") == ReturnMode.allCases.map(\.rawValue))
    for category in IncidentCategory.allCases {
      for mode in try modeCell(category.rawValue) {
        #expect(IncidentKind.categories(acceptingMode: mode).contains(category), "\(mode)")
      }
    }
    let optional = try Self.tableRows("The optional columns")
    let outcomes = Self.codes(try #require(optional.first { Self.codes($0[0]) == ["detention_outcome"] })[2])
    #expect(Set(outcomes) == Set(DetentionOutcome.allCases.map(\.rawValue)))
    let genders = Self.codes(try #require(optional.first { Self.codes($0[0]) == ["gender"] })[2])
    #expect(genders == Gender.allCases.map(\.rawValue))
  }

  @Test("the example file reads cleanly in strict mode")
  func example() throws {
    let lines = try Self.section("Strict and lenient reading")
    let open = try #require(lines.firstIndex(of: "```"))
    let close = try #require(lines[(open + 1)...].firstIndex(of: "```"))
    let text = lines[(open + 1)..<close].joined(separator: "\n") + "\n"
    let result = try IncidentCSV.read(text: text, today: CalendarDay(year: 2026, month: 11, day: 23)!)
    #expect(result.report.isClean)
    #expect(result.dataset.map(\.id) == ["T-1", "T-2"])
    #expect(result.dataset.first?.persons.description == "about 3")
    #expect(result.dataset.last?.ethnicGroups == [.uyghur, .kazakh])
  }
}
