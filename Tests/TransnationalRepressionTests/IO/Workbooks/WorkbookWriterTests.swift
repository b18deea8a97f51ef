import Foundation
import Testing

@testable import TNRCommandLine
@testable import TransnationalRepression

/// The workbook writer: what it writes, the reader reads back identically. (The committed
/// `Tests/Fixtures/workbooks/check_written_workbooks.py` checks the same outputs with openpyxl.)
@Suite("Workbook writer")
struct WorkbookWriterTests {
  @Test("every kind of cell reads back as written, including text XML must escape")
  func cellsRoundTrip() throws {
    let day = try #require(WorkbookDate(year: 2023, month: 3, day: 15))
    #expect(day.serial == 45000)
    #expect(WorkbookDate(year: 1900, month: 1, day: 1)?.serial == 1)
    #expect(WorkbookDate(year: 1900, month: 2, day: 28)?.serial == 59)
    #expect(WorkbookDate(year: 1900, month: 3, day: 1)?.serial == 61)
    #expect(WorkbookDate(year: 2015, month: 2, day: 29) == nil)
    #expect(WorkbookDate(year: 1899, month: 12, day: 31) == nil)
    let rows: [[WorkbookCell]] = [
      [.text("A & B <c> \"q\""), .number(3), .number(-2.5), .boolean(true), .error("#N/A")],
      [.text("  padded  "), .empty, .date(day), .text("line\nbreak\r\nCRLF\ttab"), .boolean(false)],
      [.text("Ürümqi 乌鲁木齐 🙂"), .number(1e20), .number(0.1), .date(WorkbookDate(year: 1900, month: 1, day: 1)!)],
      [],
      [.empty, .text("after a blank row")],
    ]
    var writer = WorkbookWriter()
    try writer.addSheet(named: "Cells", header: ["a", "b", "c", "d", "e"], rows: rows)
    let workbook = try Workbook(bytes: writer.bytes())
    #expect(workbook.sheets.map(\.name) == ["Cells"])
    let read = try workbook.rows(of: workbook.sheets[0])
    #expect(read.first == ["a", "b", "c", "d", "e"].map { WorkbookCell.text($0) })
    let expected: [[WorkbookCell]] = rows.map { row in
      var trimmed = row
      while trimmed.last == .empty { trimmed.removeLast() }
      return trimmed
    }
    #expect(Array(read.dropFirst()) == expected)
  }

  @Test("control characters XML cannot hold become U+FFFD; sheet names are made valid and unique")
  func namesAndControlCharacters() throws {
    var writer = WorkbookWriter()
    try writer.addSheet(named: "a/b:c?", header: ["x\u{1}y"], rows: [])
    try writer.addSheet(named: "A_B_C_", header: [], rows: [])
    try writer.addSheet(named: String(repeating: "n", count: 40), header: [], rows: [])
    try writer.addSheet(named: "", header: [], rows: [])
    #expect(writer.sheetNames == ["a_b_c_", "A_B_C_ (2)", String(repeating: "n", count: 31), "Sheet4"])
    let workbook = try Workbook(bytes: writer.bytes())
    #expect(workbook.sheets.map(\.name) == writer.sheetNames)
    #expect(try workbook.rows(of: workbook.sheets[0]) == [[.text("x\u{FFFD}y")]])
  }

  @Test("a table over Excel's row or column limit is refused with a message, never written unreadable")
  func limits() throws {
    // 1,048,575 rows and the header fill a sheet; one more row does not fit. (A fuzzed sheet
    // with a cell in row 1,048,576, written back with a header, was such a table.)
    var writer = WorkbookWriter()
    let rows = [[WorkbookCell]](repeating: [], count: Workbook.maxRows - 1)
    try writer.addSheet(named: "Full", header: ["h"], rows: rows)
    #expect(throws: WorkbookError.self) {
      try writer.addSheet(named: "Over", header: ["h"], rows: rows + [[.number(1)]])
    }
    do {
      try writer.addSheet(named: "Over", header: [], rows: rows + [[]])
      Issue.record("a sheet of 1,048,577 rows was accepted")
    } catch {
      #expect(error.reason == .sheetTooLarge)
      #expect(error.message.contains("1048576 rows (Excel's limit)"))
      #expect(error.message.contains("1048577"))
    }
    #expect(writer.sheetNames == ["Full"])
    let full = try Workbook(bytes: writer.bytes())
    let fullRows = try full.rows(of: full.sheets[0])
    #expect(fullRows.count == Workbook.maxRows)  // the last row of the sheet, read back
    #expect(fullRows.first == [.text("h")])

    // Columns: a cell in column 16,385 is refused; trailing empty cells beyond it are not cells.
    var wide = WorkbookWriter()
    let columns = Workbook.maxColumns
    let fits = [WorkbookCell](repeating: .empty, count: columns - 1) + [.number(1), .empty, .empty]
    try wide.addSheet(named: "Wide", header: [], rows: [fits])
    let read = try Workbook(bytes: wide.bytes())
    #expect(try read.rows(of: read.sheets[0]).last?.count == columns)
    #expect(throws: WorkbookError.self) {
      try wide.addSheet(named: "Wider", header: [], rows: [fits.dropLast(2) + [.empty, .text("x")]])
    }
    #expect(throws: WorkbookError.self) {
      try wide.addSheet(named: "Header", header: Array(repeating: "h", count: columns + 1), rows: [])
    }
  }

  @Test("every entry is stored with its CRC-32, which the reader checks")
  func archive() throws {
    var writer = WorkbookWriter()
    try writer.addSheet(named: "One", header: ["h"], rows: [[.number(1)]])
    let bytes = writer.bytes()
    #expect(IncidentWorkbook.signature(of: bytes) == .zip)
    let archive = try ZipArchive(bytes: bytes)
    #expect(
      Set(archive.entries.map(\.name)) == [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml", "xl/worksheets/sheet1.xml",
      ])
    for entry in archive.entries {
      #expect(entry.method == .stored)
      let data = try archive.data(for: entry)
      #expect(CRC32.checksum(data) == entry.crc32)
    }
    // An empty writer still makes a valid workbook (one empty sheet).
    let empty = try Workbook(bytes: WorkbookWriter().bytes())
    #expect(empty.sheets.map(\.name) == ["Sheet1"])
  }

  @Test("the bundled sample written as a workbook reads back as the same dataset")
  func sampleRoundTrip() throws {
    let sample = IncidentDataset.documentedSample
    let bytes = try IncidentWorkbook.write(sample)
    let back = try IncidentWorkbook.read(bytes: bytes, mode: .strict)
    #expect(back.report.accepted == sample.count)
    #expect(back.dataset == sample)
    // Types: numbers are numbers, full source dates are dates.
    let workbook = try Workbook(bytes: bytes)
    let rows = try workbook.rows(of: workbook.sheets[0])
    let header = rows[0].map { cell -> String in
      if case .text(let text) = cell { return text }
      return ""
    }
    let year = try #require(header.firstIndex(of: "year"))
    let sourceDate = try #require(header.firstIndex(of: "source_date"))
    #expect(rows[1][year] == .number(1997))
    #expect(rows[1][sourceDate] == .date(WorkbookDate(year: 2011, month: 8, day: 10)!))
    // And the written canonical CSV of the read-back dataset is byte-identical.
    #expect(IncidentCSV.write(back.dataset) == IncidentCSV.write(sample))
  }

  @Test("tnr import --output OUT.xlsx and tnr count --format xlsx --output write workbooks")
  func commands() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tnr-xlsx-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("cases.csv")
    try Data(IncidentCSV.write(IncidentDataset.documentedSample).utf8).write(to: csv)
    let out = folder.appendingPathComponent("out.xlsx")
    let imported = runTNR(["import", csv.path, "--output", out.path])
    #expect(imported.status == 0, "\(imported.err)")
    let back = try IncidentWorkbook.read(contentsOf: out)
    #expect(back.dataset == IncidentDataset.documentedSample)

    let counts = folder.appendingPathComponent("counts.xlsx")
    let counted = runTNR(["count", "--by", "host,year", "--format", "xlsx", "--output", counts.path])
    #expect(counted.status == 0, "\(counted.err)")
    #expect(counted.out.isEmpty)
    let workbook = try Workbook(bytes: Array(try Data(contentsOf: counts)))
    #expect(workbook.sheets.map(\.name) == ["incidents by host, year"])
    let rows = try workbook.rows(of: workbook.sheets[0])
    #expect(rows[0] == [.text("host"), .text("year"), .text("incidents")])
    // The same table as --format csv, with numbers as numbers.
    let csvTable = runTNR(["count", "--by", "host,year", "--format", "csv"]).out
    let lines = csvTable.split(separator: "\n")
    #expect(rows.count == lines.count)
    for (row, line) in zip(rows.dropFirst(), lines.dropFirst()) {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      #expect(row.count == 3)
      #expect(row[0] == .text(fields[0]))
      #expect(row[1] == .number(Double(fields[1])!))
      #expect(row[2] == .number(Double(fields[2])!))
    }
    let noOutput = runTNR(["count", "--by", "host", "--format", "xlsx"])
    #expect(noOutput.status == 2)
    #expect(noOutput.err.contains("--output"))
  }
}
