import Foundation

/// Writes a minimal, valid Excel workbook (`.xlsx`): one sheet per table, a header row, numbers
/// as numbers, dates as dates.
///
/// The archive's entries are stored (a valid ZIP method every reader accepts) with their
/// CRC-32s. Text is written as inline strings; a ``WorkbookCell/date(_:)`` cell is written as its
/// serial number (1900 date system) with a `yyyy-mm-dd` number format from the styles part, so
/// Excel, LibreOffice, openpyxl and ``Workbook`` all read it as a date. Booleans and error values
/// keep their types. Characters XML 1.0 cannot hold (control characters other than tab, line
/// feed and carriage return) are written as U+FFFD.
///
/// Sheet names follow Excel's rules: at most 31 characters, none of `[ ] : * ? / \`, unique
/// regardless of case. ``addSheet(named:header:rows:)`` replaces forbidden characters with `_`,
/// shortens long names and numbers duplicates.
///
/// ```swift
/// var writer = WorkbookWriter()
/// try writer.addSheet(named: "Counts", header: ["host", "incidents"],
///                     rows: [[.text("TR"), .number(12)], [.text("KZ"), .number(3)]])
/// try writer.write(to: URL(fileURLWithPath: "counts.xlsx"))
/// ```
public struct WorkbookWriter: Sendable {
  private var sheets: [(name: String, xml: [UInt8])] = []

  /// An empty workbook (a workbook needs at least one sheet: ``bytes()`` adds an empty `Sheet1`
  /// when none was added).
  public init() {}

  /// The names of the sheets added so far, as they will be written.
  public var sheetNames: [String] { sheets.map(\.name) }

  /// Adds a sheet: a header row of text, then the rows.
  ///
  /// A sheet holds what Excel can open and ``Workbook`` reads back: at most
  /// ``Workbook/maxRows`` rows, the header included, and no cell beyond column
  /// ``Workbook/maxColumns`` (trailing ``WorkbookCell/empty`` cells do not count). A larger
  /// table is refused, never written as a workbook no reader accepts.
  ///
  /// - Parameters:
  ///   - name: the sheet's tab name (made valid for Excel when it is not).
  ///   - header: the column titles, written as text in row 1.
  ///   - rows: the cells of rows 2, 3, …; ``WorkbookCell/empty`` cells are left out.
  /// - Throws: ``WorkbookError`` with reason ``WorkbookError/Reason/sheetTooLarge`` when the
  ///   table is over Excel's row or column limit; nothing is added then.
  /// - Complexity: O(*n*) in the number of cells.
  public mutating func addSheet(
    named name: String, header: [String], rows: [[WorkbookCell]]
  ) throws(WorkbookError) {
    try WorkbookWriter.checkLimits(header: header, rows: rows)
    var xml: [UInt8] = []
    xml.reserveCapacity((rows.count + 1) * max(header.count, 1) * 24 + 512)
    xml += Array(
      ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<sheetData>").utf8)
    WorkbookWriter.appendRow(header.map { WorkbookCell.text($0) }, number: 1, to: &xml)
    for (index, row) in rows.enumerated() {
      WorkbookWriter.appendRow(row, number: index + 2, to: &xml)
    }
    xml += Array("</sheetData></worksheet>".utf8)
    sheets.append((uniqueName(name), xml))
  }

  /// Refuses a table that does not fit one Excel sheet.
  private static func checkLimits(header: [String], rows: [[WorkbookCell]]) throws(WorkbookError) {
    if rows.count + 1 > Workbook.maxRows {
      throw WorkbookError(
        .sheetTooLarge,
        message: "a sheet holds at most \(Workbook.maxRows) rows (Excel's limit), and this table "
          + "has \(rows.count + 1) with its header; write it as CSV, or split it across sheets")
    }
    let widest = max(
      header.count, rows.lazy.map { row in (row.lastIndex { $0 != .empty } ?? -1) + 1 }.max() ?? 0)
    if widest > Workbook.maxColumns {
      throw WorkbookError(
        .sheetTooLarge,
        message: "a sheet holds at most \(Workbook.maxColumns) columns (Excel's limit), and this "
          + "table has \(widest); write it as CSV instead")
    }
  }

  /// A name Excel accepts and no other sheet has.
  private func uniqueName(_ proposed: String) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    var base = String(proposed.map { forbidden.contains($0) ? "_" : $0 })
    if base.hasPrefix("'") { base = "_" + base.dropFirst() }
    if base.hasSuffix("'") { base = base.dropLast() + "_" }
    if base.isEmpty { base = "Sheet\(sheets.count + 1)" }
    base = String(base.prefix(31))
    let taken = Set(sheets.map { $0.name.lowercased() })
    var candidate = base
    var number = 2
    while taken.contains(candidate.lowercased()) {
      let suffix = " (\(number))"
      candidate = String(base.prefix(31 - suffix.count)) + suffix
      number += 1
    }
    return candidate
  }

  private static func appendRow(_ row: [WorkbookCell], number: Int, to xml: inout [UInt8]) {
    let rowText = String(number)
    xml += Array("<row r=\"\(rowText)\">".utf8)
    for (column, cell) in row.enumerated() {
      if cell == .empty { continue }
      xml += Array("<c r=\"".utf8)
      xml += Array(IncidentWorkbook.columnLetters(column + 1).utf8)
      xml += Array(rowText.utf8)
      switch cell {
      case .empty: break
      case .text(let text):
        xml += Array("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8)
        appendEscaped(text, to: &xml)
        xml += Array("</t></is></c>".utf8)
      case .number(let value):
        if value.isFinite {
          xml += Array("\"><v>".utf8)
          xml += Array(WorkbookRecords.text(of: value).utf8)
          xml += Array("</v></c>".utf8)
        } else {
          xml += Array("\" t=\"e\"><v>#NUM!</v></c>".utf8)
        }
      case .boolean(let value):
        xml += Array("\" t=\"b\"><v>\(value ? 1 : 0)</v></c>".utf8)
      case .error(let text):
        xml += Array("\" t=\"e\"><v>".utf8)
        appendEscaped(text, to: &xml)
        xml += Array("</v></c>".utf8)
      case .date(let date):
        xml += Array("\" s=\"1\"><v>".utf8)
        xml += Array(WorkbookRecords.text(of: date.serial).utf8)
        xml += Array("</v></c>".utf8)
      }
    }
    xml += Array("</row>".utf8)
  }

  /// XML-escapes text for element content: `&`, `<`, `>`, a carriage return as `&#13;` (a
  /// literal one would be read as a line feed), characters XML cannot hold as U+FFFD.
  static func appendEscaped(_ text: String, to xml: inout [UInt8]) {
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x26: xml += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
      case 0x3C: xml += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
      case 0x3E: xml += [0x26, 0x67, 0x74, 0x3B]  // &gt;
      case 0x0D: xml += Array("&#13;".utf8)
      case 0x09, 0x0A: xml.append(UInt8(scalar.value))
      case 0..<0x20, 0xFFFE, 0xFFFF: xml += [0xEF, 0xBF, 0xBD]
      case 0x20..<0x80: xml.append(UInt8(scalar.value))
      default: xml += Array(String(scalar).utf8)
      }
    }
  }

  private static func escapedAttribute(_ text: String) -> String {
    var xml: [UInt8] = []
    appendEscaped(text, to: &xml)
    return String(decoding: xml, as: UTF8.self).replacingOccurrences(of: "\"", with: "&quot;")
  }

  /// The workbook's bytes.
  ///
  /// - Returns: the `.xlsx` file.
  /// - Complexity: O(*n*) in the size of the sheets.
  public func bytes() -> [UInt8] {
    var sheets = self.sheets
    if sheets.isEmpty {
      var empty = WorkbookWriter()
      try! empty.addSheet(named: "Sheet1", header: [], rows: [])  // an empty sheet fits
      sheets = empty.sheets
    }
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    var zip = ZipWriter()
    var types =
      header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    for index in sheets.indices {
      types +=
        "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    types += "</Types>"
    zip.add("[Content_Types].xml", Array(types.utf8))
    zip.add(
      "_rels/.rels",
      Array(
        (header + "<Relationships xmlns=\"\(packageRelationships)\">"
          + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
          + "</Relationships>").utf8))
    var workbook =
      header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
    var workbookRels = header + "<Relationships xmlns=\"\(packageRelationships)\">"
    for (index, sheet) in sheets.enumerated() {
      workbook +=
        "<sheet name=\"\(WorkbookWriter.escapedAttribute(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
      workbookRels +=
        "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    workbook += "</sheets></workbook>"
    workbookRels +=
      "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
      + "</Relationships>"
    zip.add("xl/workbook.xml", Array(workbook.utf8))
    zip.add("xl/_rels/workbook.xml.rels", Array(workbookRels.utf8))
    let styles =
      header + "<styleSheet xmlns=\"\(main)\">"
      + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
      + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
      + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
      + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
      + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
      + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "</styleSheet>"
    zip.add("xl/styles.xml", Array(styles.utf8))
    for (index, sheet) in sheets.enumerated() {
      zip.add("xl/worksheets/sheet\(index + 1).xml", sheet.xml)
    }
    return zip.finished()
  }

  /// Writes the workbook to a file.
  ///
  /// - Parameter url: the `.xlsx` file to write (replaced atomically).
  /// - Throws: the file system's error when the file cannot be written.
  public func write(to url: URL) throws {
    try Data(bytes()).write(to: url, options: .atomic)
  }
}

extension WorkbookDate {
  /// The date-formatted cell value of a calendar day, in the 1900 date system.
  ///
  /// ```swift
  /// WorkbookDate(year: 2023, month: 3, day: 15)?.serial  // 45000
  /// ```
  ///
  /// - Parameters:
  ///   - year: the year, 1900–9999.
  ///   - month: the month, 1–12.
  ///   - day: the day of the month (checked against the calendar).
  /// - Returns: the date, or `nil` for a day the 1900 system cannot hold or that does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1900...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else {
      return nil
    }
    // Days from 1970-01-01 (H. Hinnant's days_from_civil).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468
    var serial = days + 25_569
    if serial <= 60 { serial -= 1 }  // before the phantom 29 February 1900
    guard let date = WorkbookDate(serial: Double(serial), uses1904: false),
      date.year == year, date.month == month, date.day == day
    else { return nil }
    self = date
  }
}
