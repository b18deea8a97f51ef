import Foundation
import Testing

@testable import TransnationalRepression

/// Delimiters, encodings, line endings, delimiter-only rows, NUL bytes and unreadable paths:
/// files as spreadsheets write them, read alike by every reader.
@Suite("Files as they come")
struct FilesAsTheyComeTests {
  static let today = CalendarDay(year: 2026, month: 11, day: 23)!
  static let header =
    "id,origin,host,year,month,day,date_precision,category,mode,persons,persons_qualifier,ethnic_groups,source_title,source_url,source_date,notes"

  static func row(_ id: String, host: String = "TH", notes: String = "") -> String {
    "\(id),CN,\(host),2015,,,year,extradition,deportation,1,exact,Uyghur,S,,,\(notes)"
  }

  static func fields(_ reader: CSVReader) throws -> [[String]] {
    var rows: [[String]] = []
    try reader.forEachRecord { rows.append($0.fields() ?? ["<invalid>"]) }
    return rows
  }

  static func temporaryFile(_ bytes: [UInt8], name: String = "file.csv") throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("tnr-files-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
  }

  @Test("each delimiter splits its fields; a quoted delimiter stays in the cell")
  func delimiters() throws {
    for (delimiter, text) in [
      (CSVDelimiter.semicolon, "a;b\n1;\"x;y\"\n"), (.tab, "a\tb\n1\t\"x\ty\"\n"), (.pipe, "a|b\n1|\"x|y\"\n"),
    ] {
      #expect(try Self.fields(CSVReader(text: text, delimiter: delimiter)) == [["a", "b"], ["1", "x\(text.dropFirst().first!)y"]])
    }
    #expect(CSVDelimiter(argument: "tab") == .tab)
    #expect(CSVDelimiter(argument: "\t") == .tab)
    #expect(CSVDelimiter(argument: ":") == nil)
  }

  @Test("a sep= first line names the delimiter and is skipped, in memory and streamed in 64-byte blocks")
  func separatorLine() throws {
    let text = "sep=;\r\nname;note\r\n" + (1...20).map { "row \($0);a, b\r\n" }.joined()
    let inMemory = try Self.fields(CSVReader(text: text))
    #expect(inMemory.count == 21)
    #expect(inMemory[0] == ["name", "note"])
    #expect(inMemory[1] == ["row 1", "a, b"])
    let url = try Self.temporaryFile(Array(text.utf8))
    #expect(try Self.fields(CSVReader(contentsOf: url, blockSize: 64)) == inMemory)
    var firstLine = 0
    try CSVReader(text: text).forEachRecord { if firstLine == 0 { firstLine = $0.line } }
    #expect(firstLine == 2)
    // A given delimiter wins over the sep= line, which is still skipped.
    #expect(try Self.fields(CSVReader(text: "sep=;\na,b\n", delimiter: .comma)) == [["a", "b"]])
  }

  @Test("LF, CRLF and bare CR all end rows, also across 64-byte blocks")
  func lineEndings() throws {
    let rows = (1...12).map { "value \($0),second field here" }
    for ending in ["\n", "\r\n", "\r"] {
      let text = "a,b" + ending + rows.joined(separator: ending) + ending
      let expected = [["a", "b"]] + rows.map { $0.split(separator: ",").map(String.init) }
      #expect(try Self.fields(CSVReader(text: text)) == expected, "\(ending.debugDescription)")
      let url = try Self.temporaryFile(Array(text.utf8))
      #expect(try Self.fields(CSVReader(contentsOf: url, blockSize: 64)) == expected, "\(ending.debugDescription)")
    }
  }

  @Test("UTF-16 LE and BE with a byte-order mark, Windows-1252 and Latin-1 read as UTF-8")
  func encodings() throws {
    let text = "name,place\nCôte d’Ivoire,€ 😀\n"
    let expected = [["name", "place"], ["Côte d’Ivoire", "€ 😀"]]
    var littleEndian: [UInt8] = [0xFF, 0xFE]
    var bigEndian: [UInt8] = [0xFE, 0xFF]
    for unit in text.utf16 {
      littleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    #expect(try Self.fields(CSVReader(bytes: littleEndian)) == expected)
    #expect(try Self.fields(CSVReader(bytes: bigEndian)) == expected)
    #expect(try Self.fields(CSVReader(contentsOf: Self.temporaryFile(bigEndian), blockSize: 64)) == expected)
    // Windows-1252: 0x80 is €, 0x92 is ’, 0xF4 is ô; 0x81 is left undefined and keeps U+0081.
    let windows: [UInt8] = Array("x\n".utf8) + [0x80, 0x92, 0xF4, 0x81, 0x0A]
    #expect(try Self.fields(CSVReader(bytes: windows, encoding: .windows1252)) == [["x"], ["€’ô\u{81}"]])
    // Latin-1: every byte is its own code point.
    #expect(try Self.fields(CSVReader(bytes: windows, encoding: .latin1)) == [["x"], ["\u{80}\u{92}ô\u{81}"]])
  }

  @Test("UTF-16 that is not valid is an error naming its line")
  func invalidUTF16() throws {
    let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x62, 0x00]
    #expect(throws: ImportError.self) { try Self.fields(CSVReader(bytes: bytes)) }
    do {
      _ = try IncidentCSV.read(bytes: bytes)
      Issue.record("read an invalid UTF-16 file")
    } catch {
      #expect(error.description.contains("not valid UTF-16 on line 2"), "\(error)")
    }
    #expect(throws: ImportError.self) { try Self.fields(CSVReader(bytes: [0xFF, 0xFE, 0x61])) }
  }

  @Test("invalid UTF-8 without a declared encoding names its line and suggests --encoding")
  func invalidUTF8() throws {
    let bytes = Array((Self.header + "\n" + Self.row("A1") + "\n").utf8) + Array("A2,CN,TH,2015,,,year,extradition,deportation,1,exact,Uyghur,S,,,caf".utf8) + [0xE9, 0x0A]
    let result = try IncidentCSV.read(bytes: bytes, mode: .lenient, today: Self.today)
    #expect(result.report.accepted == 1)
    let reason = try #require(result.report.rejected.first?.reason)
    #expect(reason.hasPrefix("line 3, column 16 (notes): the row is not valid UTF-8"), "\(reason)")
    #expect(reason.contains("--encoding windows-1252"), "\(reason)")
    var declared = ColumnMapping()
    declared.encoding = .windows1252
    let read = try IncidentCSV.read(bytes: bytes, mapping: declared, mode: .lenient, today: Self.today)
    #expect(read.report.accepted == 2)
    #expect(read.dataset.last?.notes == "café")
  }

  @Test("delimiter-only rows are skipped and counted by the record reader and the columnar import alike")
  func delimiterOnlyRows() throws {
    let text = Self.header + "\n" + Self.row("A1") + "\n,,,,,,,,,,,,,,,\n\n" + Self.row("A2") + "\n,,\n"
    let records = try IncidentCSV.read(text: text, mode: .lenient, today: Self.today)
    #expect(records.report.dataRows == 2)
    #expect(records.report.accepted == 2)
    #expect(records.report.delimiterOnlyRows == 2)
    #expect(records.report.blankLines == 1)
    let columns = try IncidentColumns.read(text: text, mode: .lenient, today: Self.today)
    #expect(columns.report == records.report)
    // A row of empty quoted cells is a row (its empty id is rejected), not a skipped one.
    let quoted = try IncidentCSV.read(text: Self.header + "\n\"\",\"\"\n", mode: .lenient, today: Self.today)
    #expect(quoted.report.delimiterOnlyRows == 0)
    #expect(quoted.report.rejected.count == 1)
  }

  @Test("the report decodes without delimiterOnlyRows (reports written before it) and keeps it when present")
  func reportCodable() throws {
    let old = #"{"dataRows":2,"accepted":2,"rejected":[],"blankLines":0,"ignoredColumns":[]}"#
    let report = try JSONDecoder().decode(ImportReport.self, from: Data(old.utf8))
    #expect(report.delimiterOnlyRows == 0)
    var counted = report
    counted.delimiterOnlyRows = 3
    #expect(try JSONDecoder().decode(ImportReport.self, from: JSONEncoder().encode(counted)) == counted)
  }

  @Test("a NUL byte in a mapped file's cell is a rejected row naming line and column; the canonical schema keeps it")
  func nulByte() throws {
    let text = Self.header + "\n" + Self.row("A1", notes: "a\u{0}b") + "\n" + Self.row("A2") + "\n"
    var mapping = ColumnMapping()
    mapping.columns[.host] = "host"
    let mapped = try IncidentCSV.read(text: text, mapping: mapping, mode: .lenient, today: Self.today)
    #expect(mapped.report.accepted == 1)
    #expect(mapped.report.rejected.first?.reason.hasPrefix("line 2, column 16 (notes): the field holds a NUL byte") == true)
    let columns = try IncidentColumns.read(text: text, mapping: mapping, mode: .lenient, today: Self.today)
    #expect(columns.report == mapped.report)
    // The canonical schema reads back what its writer wrote (lossless round trips).
    let canonical = try IncidentCSV.read(text: text, mode: .lenient, today: Self.today)
    #expect(canonical.report.accepted == 2)
    #expect(canonical.dataset.first?.notes == "a\u{0}b")
  }

  @Test("a bare CR after the first 64 KiB sends the columnar import to the record reader, which it then equals")
  func bareCRLateInFile() throws {
    var text = Self.header + "\n"
    var index = 0
    while text.utf8.count < 100_000 {
      index += 1
      text += Self.row("R\(index)") + "\n"
    }
    text += Self.row("CR1") + "\r" + Self.row("CR2") + "\n"
    let url = try Self.temporaryFile(Array(text.utf8))
    let records = try IncidentCSV.read(contentsOf: url, mode: .lenient, today: Self.today)
    #expect(records.report.accepted == index + 2)
    let columns = try IncidentColumns.read(contentsOf: url, mode: .lenient, today: Self.today)
    #expect(columns.report == records.report)
    #expect(columns.columns == IncidentColumns(records.dataset))
  }

  @Test("UTF-16, sep= lines and declared delimiters or encodings give the columnar import the record reader's result")
  func columnarFallsBack() throws {
    let text = Self.header + "\n" + Self.row("A1") + "\n" + Self.row("A2", host: "TR") + "\n"
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let semicolons = Array(("sep=;\n" + text.replacingOccurrences(of: ",", with: ";")).utf8)
    for bytes in [utf16, semicolons] {
      let records = try IncidentCSV.read(bytes: bytes, mode: .lenient, today: Self.today)
      #expect(records.report.accepted == 2)
      let columns = try IncidentColumns.read(bytes: bytes, mode: .lenient, today: Self.today)
      #expect(columns.report == records.report)
      #expect(columns.columns == IncidentColumns(records.dataset))
    }
    var mapping = ColumnMapping()
    mapping.delimiter = .pipe
    let pipes = Array(text.replacingOccurrences(of: ",", with: "|").utf8)
    let columns = try IncidentColumns.read(bytes: pipes, mapping: mapping, mode: .lenient, today: Self.today)
    #expect(columns.report.accepted == 2)
    #expect(mapping.needsRecordReader(header: nil))
  }

  @Test("a directory or a missing path gets the same plain message from every reader")
  func unreadablePaths() throws {
    let directory = try Self.temporaryFile([], name: "x.csv").deletingLastPathComponent()
    let missing = directory.appendingPathComponent("missing.csv")
    for (url, words) in [(directory, "is a directory, not a file"), (missing, "no such file")] {
      var messages: [String] = []
      do { _ = try IncidentCSV.read(contentsOf: url) } catch { messages.append(error.description) }
      do { _ = try IncidentColumns.read(contentsOf: url) } catch { messages.append(error.description) }
      do { _ = try CSVTable(contentsOf: url) } catch { messages.append(error.description) }
      do { _ = try IncidentJSON.read(contentsOf: url) } catch { messages.append(error.description) }
      do { _ = try IncidentWorkbook.read(contentsOf: url) } catch { messages.append(error.description) }
      do { _ = try CountryTable(contentsOf: url) } catch { messages.append(error.description) }
      do { _ = try MappingSuggestion(contentsOf: url) } catch { messages.append(error.description) }
      #expect(messages.count == 7)
      #expect(Set(messages).count == 1, "\(messages)")
      #expect(messages.first?.contains(words) == true, "\(messages)")
    }
  }

  @Test("generated ids come from the file's name and the row's line, only when asked")
  func generatedIDs() throws {
    let text = "host,year,category,mode,source_title\nTH,2015,extradition,deportation,S\n\nTR,2016,detention,detention,S\n"
    var mapping = ColumnMapping(defaults: [.origin: "CN", .ethnicGroups: "Uyghur", .datePrecision: "year"])
    let error = #expect(throws: ImportError.self) {
      try IncidentCSV.read(text: text, mapping: mapping, today: Self.today)
    }
    #expect(error?.kind == .missingColumn("id"))
    mapping.generatesIDs = true
    let url = try Self.temporaryFile(Array(text.utf8), name: "team cases.csv")
    let result = try IncidentCSV.read(contentsOf: url, mapping: mapping, today: Self.today)
    #expect(result.dataset.map(\.id) == ["team cases-2", "team cases-4"])
    #expect(try IncidentCSV.read(text: text, mapping: mapping, today: Self.today).dataset.map(\.id) == ["row-2", "row-4"])
    // A file that has ids keeps them.
    let withIDs = "id,host,year,category,mode,source_title\nK1,TH,2015,extradition,deportation,S\n"
    #expect(try IncidentCSV.read(text: withIDs, mapping: mapping, today: Self.today).dataset.map(\.id) == ["K1"])
  }

  @Test("the mapping's delimiter, encoding and generate_ids survive its JSON")
  func mappingJSON() throws {
    var mapping = ColumnMapping(columns: [.host: "Country"])
    mapping.delimiter = .tab
    mapping.encoding = .windows1252
    mapping.generatesIDs = true
    let data = try JSONEncoder().encode(mapping)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""delimiter":"tab""#))
    #expect(text.contains(#""encoding":"windows-1252""#))
    #expect(text.contains(#""generate_ids":true"#))
    #expect(try JSONDecoder().decode(ColumnMapping.self, from: data) == mapping)
    // A delimiter or encoding alone does not loosen how values are read.
    var format = ColumnMapping.canonical
    format.delimiter = .semicolon
    #expect(format.readsCanonically)
  }
}
