import Foundation
import TransnationalRepression

/// The checks run on every input of the `FuzzSheet` target (and on its committed seed corpus by
/// the test suite). Test support, not API.
///
/// The input is split at its first two NUL bytes into a worksheet's XML, a shared-strings part
/// and a styles part (the latter two optional), packed into a stored workbook with a fixed
/// workbook part. Reading it either throws a ``WorkbookError`` with a message, or gives rows
/// within Excel's limits and the documented cell cap; those rows, written by ``WorkbookWriter``
/// (which refuses them, with a ``WorkbookError``, exactly when the header row it adds takes them
/// over Excel's row limit) and read again, come back equal (text XML cannot hold compared as U+FFFD); the sheet read as
/// incidents (``IncidentWorkbook``, lenient) loses no row.
public enum SheetFuzzHarness {
  /// Runs every check on one input.
  public static func run(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
    let sheet = parts[0]
    let shared = parts.count > 1 ? parts[1] : nil
    let styles = parts.count > 2 ? parts[2] : nil
    let workbook = package(sheet: sheet, sharedStrings: shared, styles: styles)
    let rows: [[WorkbookCell]]
    do {
      let opened = try Workbook(bytes: workbook)
      check(opened.sheets.count == 1, "the fixed workbook part lists one sheet")
      rows = try opened.rows(of: opened.sheets[0])
    } catch {
      check(!error.message.isEmpty, "an empty workbook error message")
      checkImport(workbook, expectFailure: true)
      return
    }
    check(rows.count <= Workbook.maxRows, "more rows than Excel allows")
    var cells = 0
    for row in rows {
      check(row.count <= Workbook.maxColumns, "more columns than Excel allows")
      cells += row.count
    }
    check(cells <= (1 << 20) + 2 * sheet.count, "more cells than the documented cap")
    checkWriterRoundTrip(rows)
    checkImport(workbook, expectFailure: false)
  }

  static func checkImport(_ workbook: [UInt8], expectFailure: Bool) {
    do {
      let result = try IncidentWorkbook.read(bytes: workbook, mode: .lenient, today: CSVFuzzHarness.today)
      check(!expectFailure, "the import read a sheet the workbook reader refused")
      let report = result.report
      check(report.accepted + report.rejected.count == report.dataRows, "the report loses rows")
      check(result.dataset.count == report.accepted, "the dataset and the report disagree")
    } catch {
      check(!error.description.isEmpty, "an empty import error")
    }
  }

  /// Text as the writer can store it: characters XML 1.0 cannot hold become U+FFFD.
  static func storable(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          switch scalar.value {
          case 0x09, 0x0A, 0x0D: scalar
          case 0..<0x20, 0xFFFE, 0xFFFF: "\u{FFFD}"
          default: scalar
          }
        }))
  }

  static func checkWriterRoundTrip(_ rows: [[WorkbookCell]]) {
    var expected: [[WorkbookCell]] = []
    for row in rows {
      var out: [WorkbookCell] = []
      for cell in row {
        switch cell {
        case .number(let x) where !x.isFinite: return  // written as #NUM!: not a round trip
        case .text(let s): out.append(.text(storable(s)))
        case .error(let s): out.append(.error(storable(s)))
        default: out.append(cell)
        }
      }
      while out.last == .empty { out.removeLast() }
      expected.append(out)
    }
    var writer = WorkbookWriter()
    do {
      try writer.addSheet(named: "Fuzz", header: [], rows: rows)
    } catch {
      // With its header row the table is one row longer than the sheet it came from.
      check(error.reason == .sheetTooLarge, "the writer refused rows for another reason: \(error)")
      check(rows.count + 1 > Workbook.maxRows, "the writer refused a table within Excel's limits")
      return
    }
    check(rows.count + 1 <= Workbook.maxRows, "the writer took a table over Excel's row limit")
    do {
      let again = try Workbook(bytes: writer.bytes())
      let read = try again.rows(of: again.sheets[0]).dropFirst()
      var trimmed = Array(read)
      while trimmed.count < expected.count { trimmed.append([]) }
      check(trimmed == expected, "rows written by WorkbookWriter read back differently")
    } catch {
      fail("a workbook written by WorkbookWriter cannot be read: \(error)")
    }
  }

  /// A stored ZIP of a one-sheet workbook around the given parts.
  static func package(sheet: [UInt8], sharedStrings: [UInt8]?, styles: [UInt8]?) -> [UInt8] {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var workbookRels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    var entries: [(String, [UInt8])] = [
      (
        "_rels/.rels",
        Array(
          ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>").utf8)
      ),
      (
        "xl/workbook.xml",
        Array(
          ("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"\(rel)\"><sheets><sheet name=\"Fuzz\" sheetId=\"1\" r:id=\"rId1\"/>"
            + "</sheets></workbook>").utf8)
      ),
      ("xl/worksheets/sheet1.xml", sheet),
    ]
    if let sharedStrings {
      workbookRels += "<Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      entries.append(("xl/sharedStrings.xml", sharedStrings))
    }
    if let styles {
      workbookRels += "<Relationship Id=\"rId3\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
      entries.append(("xl/styles.xml", styles))
    }
    entries.append(("xl/_rels/workbook.xml.rels", Array((workbookRels + "</Relationships>").utf8)))
    return storedZip(entries)
  }

  /// A ZIP archive of stored entries (APPNOTE method 0) with their CRC-32s.
  static func storedZip(_ entries: [(String, [UInt8])]) -> [UInt8] {
    func le(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
      for k in 0..<width { out.append(UInt8((value >> (8 * k)) & 0xFF)) }
    }
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (name, data) in entries {
      let nameBytes = Array(name.utf8)
      let crc = Int(CRC32.checksum(data))
      let offset = out.count
      le(0x0403_4B50, 4, &out); le(20, 2, &out); le(0, 2, &out); le(0, 2, &out)
      le(0, 2, &out); le(0x21, 2, &out); le(crc, 4, &out); le(data.count, 4, &out)
      le(data.count, 4, &out); le(nameBytes.count, 2, &out); le(0, 2, &out)
      out += nameBytes + data
      le(0x0201_4B50, 4, &central); le(20, 2, &central); le(20, 2, &central); le(0, 2, &central)
      le(0, 2, &central); le(0, 2, &central); le(0x21, 2, &central); le(crc, 4, &central)
      le(data.count, 4, &central); le(data.count, 4, &central); le(nameBytes.count, 2, &central)
      le(0, 2, &central); le(0, 2, &central); le(0, 2, &central); le(0, 2, &central)
      le(0, 4, &central); le(offset, 4, &central)
      central += nameBytes
    }
    let directory = out.count
    out += central
    le(0x0605_4B50, 4, &out); le(0, 2, &out); le(0, 2, &out); le(entries.count, 2, &out)
    le(entries.count, 2, &out); le(central.count, 4, &out); le(directory, 4, &out); le(0, 2, &out)
    return out
  }
}
