import Foundation
import Testing

@testable import TNRCommandLine
@testable import TransnationalRepression

/// Workbooks through the CSV mapping: the fixtures of `Tests/Fixtures/workbooks/import/` (made by
/// `generate_import_fixtures.py` with openpyxl). Every expected value below is written by hand
/// from what the generator puts in each cell.
@Suite("Incident workbooks")
struct IncidentWorkbookTests {
  static let today = CalendarDay(year: 2026, month: 1, day: 1)!

  /// The issue-13 spreadsheet's mapping (Case ID, Country, Date, Type, Number of people, Source).
  static func issueMapping() throws -> ColumnMapping {
    try Fixtures.json(ColumnMapping.self, "import/issue-13-mapping.json")
  }

  static func url(_ name: String) -> URL { Fixtures.url("workbooks/import/\(name)") }

  static func read(
    _ name: String, sheet: String? = nil, mapping: ColumnMapping? = nil, mode: ImportMode = .lenient
  ) throws -> ImportResult {
    try IncidentWorkbook.read(
      contentsOf: url(name), sheet: sheet, mapping: mapping ?? issueMapping(), mode: mode,
      today: today)
  }

  static func incident(_ result: ImportResult, _ id: String) throws -> Incident {
    try #require(result.dataset.first { $0.id == id }, "\(id)")
  }

  static func day(_ incident: Incident) -> String {
    let d = incident.date
    return "\(d.year)-\(d.month.map(String.init) ?? "_")-\(d.day.map(String.init) ?? "_") \(d.precision)"
  }

  @Test("canonical columns with number cells: years, months, days and counts read as numbers; a date cell in source_date reads as YYYY-MM-DD")
  func canonicalNumberCells() throws {
    let result = try Self.read("canonical-columns-number-cells.xlsx", mapping: .canonical, mode: .strict)
    #expect(result.report.dataRows == 2)
    #expect(result.report.accepted == 2)
    let first = try Self.incident(result, "DOC-001")
    #expect(Self.day(first) == "1997-_-_ year")
    #expect(first.host == Country("PK"))
    #expect(first.persons == (try PersonCount(14, qualifier: .exact)))
    #expect(first.sources.first?.date == "2011-08-10")
    let second = try Self.incident(result, "DOC-002")
    #expect(Self.day(second) == "1999-2-11 day")
    #expect(second.persons == (try PersonCount(3, qualifier: .exact)))
  }

  @Test("date cells in a mapped date column are day precision; a time of day is dropped")
  func dateCells() throws {
    let result = try Self.read("mapped-date-cells-day-precision.xlsx", mode: .strict)
    #expect(result.report.accepted == 2)
    #expect(Self.day(try Self.incident(result, "DOC-002")) == "1999-2-11 day")
    #expect(Self.day(try Self.incident(result, "DOC-010")) == "2006-6-20 day")
    #expect(try Self.incident(result, "DOC-010").host == Country("UZ"))
  }

  @Test("text in the date column goes through the #13 date rules; a numeric date needs --date-order")
  func textDates() throws {
    let result = try Self.read("text-dates-in-date-column.xlsx")
    #expect(result.report.accepted == 3)
    #expect(Self.day(try Self.incident(result, "DOC-001")) == "1997-_-_ year")
    #expect(Self.day(try Self.incident(result, "DOC-006")) == "2002-1-_ month")
    #expect(try Self.incident(result, "DOC-006").persons == (try PersonCount(2, qualifier: .upTo)))
    #expect(Self.day(try Self.incident(result, "DOC-012")) == "2008-1-_ month")
    let rejected = try #require(result.report.rejected.first)
    #expect(result.report.rejected.count == 1)
    #expect(rejected.line == 5)
    #expect(rejected.error.column == 3)
    #expect(rejected.error.field == "Date")
    #expect(rejected.error.reason.contains("--date-order"), "\(rejected.error.reason)")
    #expect(rejected.raw == "DOC-002,Kazakhstan,11/02/1999,Deportation,3,HRIC")

    var dmy = try Self.issueMapping()
    dmy.dateOrder = .dmy
    let ordered = try Self.read("text-dates-in-date-column.xlsx", mapping: dmy, mode: .strict)
    #expect(ordered.report.accepted == 4)
    #expect(Self.day(try Self.incident(ordered, "DOC-002")) == "1999-2-11 day")
  }

  @Test("#N/A and #DIV/0! are values the mapping sees and rejects with a reason, never a crash")
  func errorCells() throws {
    let result = try Self.read("error-cells-na-and-div0.xlsx")
    #expect(result.report.accepted == 1)
    #expect(result.report.rejected.map(\.line) == [3, 4])
    let na = result.report.rejected[0]
    #expect(na.raw == "DOC-002,#N/A,1999-02-11,Deportation,3,HRIC")
    #expect(na.error.column == 2)
    #expect(na.error.field == "Country")
    #expect(na.error.reason.contains("#N/A"), "\(na.error.reason)")
    #expect(
      IncidentWorkbook.describe(na.error).hasPrefix("row 3, column B (Country), record DOC-002: "),
      "\(IncidentWorkbook.describe(na.error))")
    let div = result.report.rejected[1]
    #expect(div.error.column == 5)
    #expect(div.error.field == "Number of people")
    #expect(div.error.reason.contains("#DIV/0!"), "\(div.error.reason)")

    #expect {
      _ = try Self.read("error-cells-na-and-div0.xlsx", mode: .strict)
    } throws: { error in
      (error as? ImportError)?.line == 3 && (error as? ImportError)?.column == 2
    }
  }

  @Test("a fractional count is not a whole number; a year typed as text is read; a boolean reads TRUE/FALSE")
  func numbersAndBooleans() throws {
    let result = try Self.read("numbers-booleans-and-text-years.xlsx", mapping: .canonical)
    #expect(result.report.accepted == 1)
    let first = try Self.incident(result, "DOC-001")
    #expect(Self.day(first) == "1997-_-_ year")
    #expect(first.notes == "TRUE")
    #expect(result.report.rejected.map(\.line) == [3, 4])
    #expect(result.report.rejected[0].error.field == "persons")
    #expect(result.report.rejected[0].error.column == 10)
    #expect(result.report.rejected[0].error.reason.contains("2.5"))
    #expect(result.report.rejected[1].error.field == "host")
    #expect(result.report.rejected[1].error.reason.contains("FALSE"))
    #expect(result.report.rejected[1].raw.hasPrefix("DOC-003,CN,FALSE,2002,,,year,"))
  }

  @Test("the header is the first non-empty row; an empty row is a blank line; a short row is padded; line numbers are sheet rows")
  func headerBlankAndShortRows() throws {
    let result = try Self.read("header-on-row-3-blank-and-short-rows.xlsx")
    #expect(result.report.dataRows == 3)
    #expect(result.report.blankLines == 1)
    #expect(Set(result.dataset.map(\.id)) == ["DOC-001", "DOC-010"])
    #expect(result.report.rejected.map(\.line) == [6])
    #expect(result.report.rejected.first?.raw == "DOC-012,Sweden,Jan 2008,Surveillance,,")
  }

  @Test("the first sheet by default; --sheet picks another; an unknown sheet lists the sheets")
  func sheetChoice() throws {
    #expect {
      _ = try Self.read("cases-on-second-sheet.xlsx")
    } throws: { error in
      (error as? ImportError)?.line == 1
        && (error as? ImportError)?.description.contains("the header lacks 6 columns") == true
    }
    let result = try Self.read("cases-on-second-sheet.xlsx", sheet: "Cases", mode: .strict)
    #expect(result.dataset.map(\.id) == ["DOC-001"])
    #expect(Self.day(try Self.incident(result, "DOC-001")) == "1997-_-_ year")
    #expect {
      _ = try Self.read("cases-on-second-sheet.xlsx", sheet: "Nope")
    } throws: { error in
      let text = (error as? ImportError)?.description ?? ""
      return text.contains("\"Read me\"") && text.contains("\"Cases\"") && text.contains("--sheet")
    }
  }

  @Test("a value beyond the header's last column is a rejected row (more fields than the header)")
  func valueBeyondHeader() throws {
    let result = try Self.read("value-beyond-header.xlsx")
    #expect(result.report.accepted == 1)
    let row = try #require(result.report.rejected.first)
    #expect(row.line == 3)
    #expect(row.error.kind == .wrongFieldCount(expected: 6, found: 8))
    #expect(row.raw == "DOC-010,Uzbekistan,2006-06,Extradition,1,UHRP,,stray note")
  }

  @Test("rich text joins its runs; a rejected row's rendering quotes commas, quotes and line breaks")
  func richTextAndRendering() throws {
    let result = try Self.read("rich-text-quotes-and-line-breaks.xlsx")
    #expect(try Self.incident(result, "DOC-001").host == Country("PK"))
    let row = try #require(result.report.rejected.first)
    #expect(row.line == 3)
    #expect(row.error.field == "Type")
    #expect(row.error.column == 4)
    #expect(row.raw == "DOC-002,Kazakhstan,1999-02-11,Kidnapping,3,\"HRIC \"\"Appendix D.2\"\"\nchart\"")
  }

  @Test("date cells of a 1904-system workbook read as the day they show")
  func date1904() throws {
    let result = try Self.read("date1904-date-cells.xlsx", mode: .strict)
    #expect(Self.day(try Self.incident(result, "DOC-002")) == "1999-2-11 day")
  }

  @Test("a duplicate id names the sheet row of the first")
  func duplicateIDs() throws {
    let result = try Self.read("duplicate-ids.xlsx")
    let row = try #require(result.report.rejected.first)
    #expect(row.line == 3)
    #expect(row.error.kind == .invalidRecord(.duplicateID("DOC-001", firstLine: 2)))
  }

  @Test("a future date cell and Excel's phantom 29 February 1900 are rejected rows")
  func futureAndPhantom() throws {
    let result = try Self.read("future-date-and-phantom-leap-day.xlsx")
    #expect(result.report.accepted == 0)
    #expect(result.report.rejected.map(\.line) == [2, 3])
    #expect(result.report.rejected[0].error.field == "Date")
    if case .invalidRecord(.futureDate) = result.report.rejected[0].error.kind {
    } else {
      Issue.record("not a future date: \(result.report.rejected[0].error)")
    }
    #expect(result.report.rejected[1].raw.contains("1900-02-29"))
    #expect(result.report.rejected[1].error.field == "Date")
  }

  @Test("an empty sheet has no header")
  func emptySheet() throws {
    #expect(throws: ImportError(.emptyFile, line: 1)) {
      _ = try Self.read("empty-sheet.xlsx")
    }
  }

  @Test("files are told apart by content: ZIP and OLE magic, CSV and JSON are not workbooks")
  func signatures() throws {
    #expect(IncidentWorkbook.signature(ofFileAt: Self.url("workbook-named-as-csv.csv")) == .zip)
    #expect(
      IncidentWorkbook.signature(ofFileAt: Self.url("encrypted-workbook-named-as-csv.csv"))
        == .compoundFile)
    #expect(IncidentWorkbook.signature(ofFileAt: Fixtures.url("import/issue-13-spreadsheet.csv")) == nil)
    #expect(IncidentWorkbook.signature(of: Array("PK".utf8)) == nil)
    #expect(IncidentWorkbook.signature(of: [UInt8]()) == nil)
    #expect(IncidentWorkbook.columnLetters(1) == "A")
    #expect(IncidentWorkbook.columnLetters(26) == "Z")
    #expect(IncidentWorkbook.columnLetters(27) == "AA")
    #expect(IncidentWorkbook.columnLetters(16_384) == "XFD")
  }

  @Test("hostile workbooks are an unreadable error saying what is wrong and what to do")
  func hostile() throws {
    let cases: [(String, String)] = [
      ("workbooks/sheets/hostile/encrypted-ole.xlsx", "password-protected (encrypted) or legacy .xls workbook"),
      ("workbooks/sheets/hostile/doctype-entity-expansion.xlsx", "never declare entities"),
      ("workbooks/sheets/hostile/row-beyond-excel-limit.xlsx", "beyond Excel's own limits"),
      ("workbooks/sheets/hostile/sparse-cells-bomb.xlsx", "beyond Excel's own limits"),
      ("workbooks/sheets/hostile/unclosed-element.xlsx", "re-save it in Excel"),
      ("workbooks/zip/hostile/truncated-half.zip", "export the sheet as CSV"),
      ("workbooks/zip/hostile/bomb-ratio.zip", "export the sheet as CSV"),
    ]
    for (path, advice) in cases {
      #expect(performing: {
        _ = try IncidentWorkbook.read(contentsOf: Fixtures.url(path), today: Self.today)
      }, throws: { error in
        guard let error = error as? ImportError, case .unreadable(let message) = error.kind else {
          return false
        }
        return message.hasPrefix(Fixtures.url(path).path) && message.contains(advice)
      })
    }
  }

  @Test("a sheet part that is a compression bomb is refused under the ratio and size caps before it is inflated")
  func sheetBomb() throws {
    let url = Self.url("sheet-compression-bomb.xlsx")
    for limits in [
      ZipArchive.Limits(maxCompressionRatio: 500), ZipArchive.Limits(maxEntrySize: 1 << 20),
    ] {
      #expect(performing: {
        _ = try IncidentWorkbook.read(contentsOf: url, limits: limits)
      }, throws: { error in
        guard let error = error as? ImportError, case .unreadable(let message) = error.kind else {
          return false
        }
        return message.contains("xl/worksheets/sheet1.xml") && message.contains("exceeds the reader's limits")
      })
    }
    // Under the default caps (ratio 1000) the same file is read: the cap is a documented number.
    let result = try IncidentWorkbook.read(
      contentsOf: url, mapping: try Self.issueMapping(), today: Self.today)
    #expect(result.dataset.map(\.id) == ["DOC-001"])
  }

  @Test("the article's workbook (Tests/DocSnippets/Fixtures/case-files.xlsx) reads as the article says")
  func articleWorkbook() throws {
    var mapping = ColumnMapping(
      columns: [.id: "Case ID", .host: "Country", .persons: "Number of people", .sourceTitle: "Source"],
      defaults: [.origin: "CN", .ethnicGroups: "Uyghur"])
    mapping.dateColumn = "Date"
    mapping.kindColumn = "Type"
    mapping.values["kind"] = [
      "Deportation": "extradition/deportation", "Detention": "detention",
      "Threats": "intimidation/threat",
    ]
    let url = Fixtures.checkout.appendingPathComponent("Tests/DocSnippets/Fixtures/case-files.xlsx")
    let result = try IncidentWorkbook.read(
      contentsOf: url, sheet: "Cases", mapping: mapping, mode: .lenient, today: Self.today)
    #expect(result.report.dataRows == 5)
    #expect(result.report.accepted == 4)
    #expect(result.report.rejected.count == 1)
    #expect(
      result.dataset.map { "\($0.id) \($0.date) \($0.persons)" } == [
        "DOC-001 1997 14", "DOC-006 2002-01 up to 2", "DOC-022 2014-03-12 about 220",
        "DOC-049 2020-08-24 about 58",
      ])
    let rejected = try #require(result.report.rejected.first)
    #expect(IncidentWorkbook.describe(rejected.error).hasPrefix("row 4, column D (Type), record DOC-012"))
  }

  @Test("tnr import reads a workbook by content, with --sheet, and shows rows and column letters")
  func importCommand() throws {
    let mapping = Fixtures.url("import/issue-13-mapping.json").path
    let renamed = runTNR([
      "import", Self.url("workbook-named-as-csv.csv").path, "--mapping", mapping, "--today", "2026-01-01",
    ])
    #expect(renamed.status == 0, "\(renamed.err)")
    #expect(renamed.out.hasPrefix("id,origin,host,"))
    #expect(renamed.out.contains("DOC-001,CN,PK,1997,,,year,extradition,deportation,14,"))

    let second = runTNR([
      "import", Self.url("cases-on-second-sheet.xlsx").path, "--sheet", "Cases", "--mapping", mapping,
      "--today", "2026-01-01",
    ])
    #expect(second.status == 0, "\(second.err)")

    let errors = runTNR([
      "import", Self.url("error-cells-na-and-div0.xlsx").path, "--mapping", mapping, "--lenient",
      "--today", "2026-01-01",
    ])
    #expect(errors.status == 1)
    #expect(errors.err.contains("row 3, column B (Country), record DOC-002: "), "\(errors.err)")
    #expect(errors.err.contains("    DOC-002,#N/A,1999-02-11,Deportation,3,HRIC\n"), "\(errors.err)")

    let encrypted = runTNR(["import", Self.url("encrypted-workbook-named-as-csv.csv").path])
    #expect(encrypted.status == 1)
    #expect(
      encrypted.err.contains(
        "password-protected (encrypted) or legacy .xls workbook: save it as .xlsx without a password, or export CSV"),
      "\(encrypted.err)")
    #expect(encrypted.err.contains("encrypted-workbook-named-as-csv.csv"))

    let notWorkbook = runTNR(["import", Fixtures.url("import/issue-13-spreadsheet.csv").path, "--sheet", "A"])
    #expect(notWorkbook.status == 2)
  }

  @Test("every command's --incidents takes a workbook by content; a hostile one exits 1 naming the file")
  func incidentsOption() throws {
    let counted = runTNR([
      "count", "--by", "host", "--format", "csv", "--incidents",
      Self.url("canonical-columns-number-cells.xlsx").path,
    ])
    #expect(counted.status == 0, "\(counted.err)")
    #expect(counted.out.contains("KZ"), "\(counted.out)")
    #expect(counted.out.contains("PK"), "\(counted.out)")
    let encrypted = Self.url("encrypted-workbook-named-as-csv.csv").path
    let refused = runTNR(["count", "--by", "host", "--incidents", encrypted])
    #expect(refused.status == 1)
    #expect(refused.err.contains(encrypted), "\(refused.err)")
    #expect(refused.err.contains("password-protected"), "\(refused.err)")
  }

  @Test("--sheet picks the sheet on every command that reads incidents, and is refused for a file that is not a workbook")
  func sheetOnEveryCommand() throws {
    let workbook = Self.url("cases-on-second-sheet.xlsx").path
    let mapping = Fixtures.url("import/issue-13-mapping.json").path
    let expected = try Self.read("cases-on-second-sheet.xlsx", sheet: "Cases", mode: .strict)
    let counted = runTNR([
      "count", "--by", "host", "--incidents", workbook, "--sheet", "Cases", "--mapping", mapping,
    ])
    #expect(counted.status == 0, "\(counted.err)")
    #expect(counted.out.contains("Data: \(expected.dataset.count) records."), "\(counted.out)")
    let validated = runTNR(["validate", workbook, "--sheet", "Cases", "--mapping", mapping, "--format", "json"])
    #expect(validated.status == 0, "\(validated.err)")
    #expect(validated.out.contains("\"accepted\" : \(expected.report.accepted)") || validated.out.contains("\"accepted\":\(expected.report.accepted)"), "\(validated.out)")
    // The first sheet is not the cases: without --sheet the header is not found.
    #expect(runTNR(["count", "--by", "host", "--incidents", workbook, "--mapping", mapping]).status == 1)
    let csv = Fixtures.url("import/issue-13-spreadsheet.csv").path
    for command in [["count", "--by", "host", "--incidents", csv], ["validate", csv], ["report", "--incidents", csv]] {
      let refused = runTNR(command + ["--sheet", "Cases"])
      #expect(refused.status == 2, "\(command)")
      #expect(refused.err.contains("is not a workbook"), "\(refused.err)")
    }
  }
}
