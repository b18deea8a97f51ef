import Foundation
import Testing

@testable import TransnationalRepression

/// Reads the workbooks of `Tests/Fixtures/workbooks/sheets/` (made by
/// `generate_sheet_fixtures.py`: written by openpyxl, or XML written by hand) and checks every
/// cell against `expected.json`, whose values are written by hand in that script.
@Suite("Workbook sheets")
struct WorkbookTests {
  static func manifest() throws -> [String: Any] {
    let data = try Fixtures.data("workbooks/sheets/expected.json")
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The expected cell, from its tagged JSON form (`["s", text]`, `["d", "YYYY-MM-DD"]`, ...).
  static func expectedCell(_ json: Any) -> String {
    guard let pair = json as? [Any], let tag = pair.first as? String else { return "empty" }
    switch tag {
    case "n": return "n:\((pair[1] as? NSNumber)?.doubleValue ?? .nan)"
    case "b": return "b:\((pair[1] as? Bool) ?? false)"
    default: return "\(tag):\(pair[1])"
    }
  }

  static func describe(_ cell: WorkbookCell) -> String {
    switch cell {
    case .empty: return "empty"
    case .number(let x): return "n:\(x)"
    case .text(let s): return "s:\(s)"
    case .boolean(let b): return "b:\(b)"
    case .error(let e): return "e:\(e)"
    case .date(let d): return "d:\(d)"
    }
  }

  @Test("every cell of the openpyxl and hand-made workbooks reads as written by hand")
  func cells() throws {
    let workbooks = try #require(try Self.manifest()["workbooks"] as? [String: [String: Any]])
    #expect(workbooks.count == 3)
    for (file, expected) in workbooks.sorted(by: { $0.key < $1.key }) {
      let workbook = try Workbook(bytes: [UInt8](Fixtures.data("workbooks/sheets/" + file)))
      #expect(workbook.sheets.map(\.name) == expected["sheets"] as? [String], "\(file)")
      #expect(workbook.uses1904DateSystem == expected["date1904"] as? Bool, "\(file)")
      let rows = try #require(expected["rows"] as? [String: [[Any]]])
      for (sheetName, expectedRows) in rows {
        let actual = try workbook.rows(ofSheetNamed: sheetName)
        #expect(actual.count == expectedRows.count, "\(file) \(sheetName)")
        for (r, (row, expectedRow)) in zip(actual, expectedRows).enumerated() {
          #expect(
            row.map(Self.describe) == expectedRow.map(Self.expectedCell),
            "\(file) \(sheetName) row \(r + 1)")
        }
      }
    }
  }

  @Test("every hostile workbook throws its reason, naming the part")
  func hostile() throws {
    let hostile = try #require(try Self.manifest()["hostile"] as? [String: [String: String]])
    #expect(hostile.count >= 13)
    for (file, expected) in hostile.sorted(by: { $0.key < $1.key }) {
      let bytes = [UInt8](try Fixtures.data("workbooks/sheets/hostile/" + file))
      let error = #expect(throws: WorkbookError.self, "\(file)") {
        let workbook = try Workbook(bytes: bytes)
        for sheet in workbook.sheets { _ = try workbook.rows(of: sheet) }
      }
      #expect(error?.reason.rawValue == expected["reason"], "\(file): \(String(describing: error))")
      if let part = expected["part"] {
        #expect(error?.part == part, "\(file): \(String(describing: error))")
      }
      if let zipReason = expected["zipReason"] {
        #expect(error?.zipError?.reason.rawValue == zipReason, "\(file)")
      }
    }
  }

  @Test("the container's workbook: sheet list, shared strings, dates and booleans")
  func containerWorkbook() throws {
    let workbook = try Workbook(bytes: [UInt8](Fixtures.data("workbooks/zip/workbook.xlsx")))
    #expect(workbook.sheets.map(\.name) == ["Incidents", "Notes"])
    let rows = try workbook.rows(of: workbook.sheets[0])
    #expect(rows.count == 301)
    #expect(rows[0] == ["id", "host", "date", "persons", "confirmed"].map { .text($0) })
    #expect(rows.dropFirst().allSatisfy { $0.count == 5 })
    for row in rows.dropFirst() {
      guard case .date(let d) = row[2] else {
        Issue.record("not a date: \(row[2])")
        continue
      }
      #expect(d.year >= 2014 && d.year <= 2022)
    }
    let notes = try workbook.rows(ofSheetNamed: "Notes")
    #expect(notes == [[.text("Sources: Oxus Society & UHRP <2022>")]])
    let missing = #expect(throws: WorkbookError.self) {
      _ = try workbook.rows(ofSheetNamed: "Nope")
    }
    #expect(missing?.reason == .sheetNotFound)
  }

  @Test("serial numbers to days: the 1900 system's phantom leap day and the 1904 system")
  func serials() throws {
    // Expected days written by hand (Excel's own display of these serials).
    let cases: [(Double, Bool, String)] = [
      (1, false, "1900-01-01"), (59, false, "1900-02-28"), (60, false, "1900-02-29"),
      (61, false, "1900-03-01"), (25569, false, "1970-01-01"), (42917.999, false, "2017-07-01"),
      (45000, false, "2023-03-15"), (2_958_465, false, "9999-12-31"),
      (0, true, "1904-01-01"), (1, true, "1904-01-02"), (41455, true, "2017-07-01"),
    ]
    for (serial, uses1904, day) in cases {
      #expect(WorkbookDate(serial: serial, uses1904: uses1904)?.description == day, "\(serial)")
    }
    #expect(WorkbookDate(serial: 60, uses1904: false)?.isPhantomLeapDay == true)
    #expect(WorkbookDate(serial: 61, uses1904: false)?.isPhantomLeapDay == false)
    #expect(WorkbookDate(serial: 0, uses1904: false) == nil)
    #expect(WorkbookDate(serial: -1, uses1904: true) == nil)
    #expect(WorkbookDate(serial: 2_958_466, uses1904: false) == nil)
    #expect(WorkbookDate(serial: .nan, uses1904: false) == nil)
  }

  @Test("date format codes: d, m or y outside quotes, brackets and escapes")
  func formatCodes() {
    for code in ["yyyy-mm-dd", "d-mmm", "[$-409]d-mmm-yy;@", "m/d/yyyy h:mm", "DD.MM.YYYY", "mmm"] {
      #expect(WorkbookParts.isDateFormat(code), "\(code)")
    }
    for code in ["General", "0.00", "\"day \"0", "[Red]0", "#,##0 \"km\"", "0\\d", "_d0", "*m0"] {
      #expect(!WorkbookParts.isDateFormat(code), "\(code)")
    }
    #expect((14...22).allSatisfy(WorkbookParts.isBuiltInDate))
    #expect((45...47).allSatisfy(WorkbookParts.isBuiltInDate))
    #expect(![0, 1, 2, 13, 23, 44, 48, 49].contains(where: WorkbookParts.isBuiltInDate))
  }
}
