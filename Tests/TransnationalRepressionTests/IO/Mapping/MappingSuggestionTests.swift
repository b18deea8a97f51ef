import Foundation
import Testing

@testable import TransnationalRepression

/// `tnr import --suggest FILE` and ``MappingSuggestion``: a proposed mapping from the header and
/// the first rows, tried on the import corpus.
@Suite("Mapping suggestion")
struct MappingSuggestionTests {
  static let today = "2026-11-23"

  @Test("issue 13's spreadsheet: columns by their usual names, kind labels listed, origin and groups to fill in")
  func issueSpreadsheet() throws {
    let result = runTNR(["import", "--suggest", Fixtures.url("import/issue-13-spreadsheet.csv").path])
    #expect(result.status == 0, "\(result.err)")
    let mapping = try JSONDecoder().decode(ColumnMapping.self, from: Data(result.out.utf8))
    // Written by hand from the file's header and its Type column.
    var expected = ColumnMapping(
      columns: [.id: "Case ID", .host: "Country", .persons: "Number of people", .sourceTitle: "Source"],
      defaults: [.origin: "", .ethnicGroups: ""])
    expected.dateColumn = "Date"
    expected.kindColumn = "Type"
    expected.values = [
      "kind": [
        "Assault": "", "Deportation": "", "Detention": "detention/detention",
        "Extradition": "extradition/unspecified", "Surveillance": "", "Threats": "",
        "Threats to family": "",
      ]
    ]
    #expect(mapping == expected)
    #expect(result.err.contains("'Assault', 'Deportation', 'Surveillance', 'Threats', 'Threats to family'"), "\(result.err)")
    #expect(result.err.contains("no column found for origin, ethnic_groups"), "\(result.err)")
  }

  @Test("flags beside --suggest override the suggestion")
  func flagsOverride() throws {
    let result = runTNR([
      "import", "--suggest", Fixtures.url("import/issue-13-spreadsheet.csv").path,
      "--default", "origin=CN", "--value", "kind:Assault=intimidation/physical_assault",
    ])
    let mapping = try JSONDecoder().decode(ColumnMapping.self, from: Data(result.out.utf8))
    #expect(mapping.defaults[.origin] == "CN")
    #expect(mapping.values["kind"]?["Assault"] == "intimidation/physical_assault")
    #expect(mapping.values["kind"]?["Deportation"] == "")
  }

  @Test("header synonyms", arguments: [
    (["Host country", "Event date", "Tactic", "Victims", "Link", "Description"],
     ["host": "Host country", "date": "Event date", "kind": "Tactic", "persons": "Victims", "source_url": "Link", "notes": "Description"]),
    (["Location", "Year", "Category", "Persons", "Sources", "Ethnicity", "Sex", "Perpetrator"],
     ["host": "Location", "date": "Year", "kind": "Category", "persons": "Persons", "source_title": "Sources", "ethnic_groups": "Ethnicity", "gender": "Sex", "origin": "Perpetrator"]),
    (["CASE_ID", "country ", "Date of incident", "Type of incident", "Number of victims"],
     ["id": "CASE_ID", "host": "country ", "date": "Date of incident", "kind": "Type of incident", "persons": "Number of victims"]),
  ])
  func synonyms(_ header: [String], _ expected: [String: String]) {
    let mapping = MappingSuggestion(header: header, rows: []).mapping
    var found: [String: String] = [:]
    for (field, column) in mapping.columns { found[field.rawValue] = column }
    if let date = mapping.dateColumn { found["date"] = date }
    if let kind = mapping.kindColumn { found["kind"] = kind }
    #expect(found == expected)
  }

  @Test("canonical columns need no mapping; a file without ids gets generated ones")
  func canonicalAndIDs() {
    let suggestion = MappingSuggestion(
      header: ["host", "year", "date_precision", "category", "mode", "source_title", "origin", "ethnic_groups"],
      rows: [])
    #expect(suggestion.mapping.columns.isEmpty)
    #expect(suggestion.mapping.dateColumn == nil)
    #expect(suggestion.mapping.kindColumn == nil)
    #expect(suggestion.mapping.defaults.isEmpty)
    #expect(suggestion.mapping.generatesIDs)
  }

  @Test("a vocabulary lists every label: valid ones map to themselves, others are left to fill in")
  func vocabularies() {
    let suggestion = MappingSuggestion(
      header: ["Case ID", "Sex", "Group"],
      rows: [["1", "Female", "Uyghur"], ["2", "F", "Uighur"], ["3", "female", "Kazakh; uyghur"], ["4", "", ""]])
    #expect(suggestion.mapping.values["gender"] == ["Female": "female", "F": ""])
    #expect(suggestion.mapping.values["ethnic_groups"] == ["Uyghur": "Uyghur", "Uighur": "", "Kazakh; uyghur": "Kazakh; uyghur"])
  }

  @Test("numeric dates are not given an order; the note says to add one")
  func numericDates() throws {
    let suggestion = try MappingSuggestion(contentsOf: Fixtures.url("import/corpus/dates-numeric-dmy.csv"))
    #expect(suggestion.mapping.dateOrder == nil)
    #expect(suggestion.notes.contains { $0.contains("date_order") })
  }

  @Test("the delimiter and encoding are found: semicolons, tabs in UTF-16, Windows-1252")
  func fileFormat() throws {
    let semicolon = try MappingSuggestion(contentsOf: Fixtures.url("import/corpus/delimiter-semicolon.csv"))
    #expect(semicolon.mapping.delimiter == .semicolon)
    let tab = try MappingSuggestion(contentsOf: Fixtures.url("import/corpus/utf16-le-bom-tab.csv"))
    #expect(tab.mapping.delimiter == .tab)
    #expect(tab.mapping.encoding == nil)
    let windows = try MappingSuggestion(contentsOf: Fixtures.url("import/corpus/windows-1252-undeclared.csv"))
    #expect(windows.mapping.encoding == .windows1252)
    let sepLine = try MappingSuggestion(contentsOf: Fixtures.url("import/corpus/sep-line-semicolon.csv"))
    #expect(sepLine.mapping.delimiter == nil)  // the sep= line names it
    #expect(sepLine.mapping.kindColumn == "Type")
  }

  /// The manifest's cases read with the base flags alone (no extra flags, no file error), but
  /// for those about labels the base flags do not know (the suggestion leaves them "", which
  /// the import refuses until filled in) and about an undeclared encoding (which the suggestion
  /// declares).
  static let plainCases = ImportCorpusTests.manifest.cases.filter { entry in
    entry.base != false && (entry.args ?? []).isEmpty && entry.file_error == nil
      && !(entry.rejected ?? []).contains { $0.contains.contains("label") || $0.contains.contains("--encoding") }
  }

  @Test("on the corpus: the suggestion finds the base mapping's columns, and with the team's values imports as the manifest says",
    arguments: plainCases)
  func corpus(_ entry: ImportCorpusTests.Case) throws {
    let path = Fixtures.url("import/corpus/\(entry.file)").path
    let suggested = runTNR(["import", "--suggest", path])
    #expect(suggested.status == 0, "\(suggested.err)")
    let mapping = try JSONDecoder().decode(ColumnMapping.self, from: Data(suggested.out.utf8))
    #expect(mapping.columns == [.id: "Case ID", .host: "Country", .persons: "Number of people", .sourceTitle: "Source"])
    #expect(mapping.dateColumn == "Date")
    #expect(mapping.kindColumn == "Type")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("suggested-\(UUID().uuidString).json")
    try Data(suggested.out.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    // The team fills in what the suggestion leaves open: the base flags' defaults and labels.
    let filled = runTNR(
      ["import", path, "--mapping", file.path, "--lenient", "--today", Self.today]
        + ImportCorpusTests.manifest.base.drop { $0 != "--default" })
    let accepted = entry.accepted?.count ?? 0
    let rejected = entry.rejected?.count ?? 0
    #expect(filled.err.contains("\(accepted) accepted, \(rejected) rejected"), "\(filled.err)")
  }
}
