/// Readers of the individual parts of a workbook: relationships, the sheet list, shared strings,
/// styles and a worksheet's cells. Internal; ``Workbook`` is the interface.
enum WorkbookParts {
  struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  struct SheetEntry {
    var name: String
    var relationshipID: String
    var state: String
  }

  static func scan<T>(
    _ bytes: [UInt8], part: String, _ body: (inout XMLScanner) throws(WorkbookError) -> T
  ) throws(WorkbookError) -> T {
    try bytes.withUnsafeBufferPointer { buffer throws(WorkbookError) -> T in
      var scanner = XMLScanner(buffer, part: part)
      return try body(&scanner)
    }
  }

  /// A relationships part (`*.rels`), with targets resolved against `base` (the directory of the
  /// part the relationships belong to).
  static func relationships(_ bytes: [UInt8], part: String, base: String) throws(WorkbookError)
    -> [Relationship]
  {
    try scan(bytes, part: part) { s throws(WorkbookError) in
      var out: [Relationship] = []
      while true {
        let token = try s.next()
        if token == .endOfInput { break }
        guard token == .start, s.nameIs("Relationship") else { continue }
        if s.attribute("TargetMode", is: "External") { continue }
        guard let id = try s.attributeString("Id"), let target = try s.attributeString("Target")
        else { continue }
        let type = try s.attributeString("Type") ?? ""
        out.append(Relationship(id: id, type: type, target: resolve(target, base: base)))
      }
      return out
    }
  }

  /// A relationship target as a path inside the archive.
  static func resolve(_ target: String, base: String) -> String {
    let joined = target.hasPrefix("/") ? String(target.dropFirst()) : base + target
    var parts: [Substring] = []
    for component in joined.split(separator: "/", omittingEmptySubsequences: true) {
      if component == "." { continue }
      if component == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(component)
    }
    return parts.joined(separator: "/")
  }

  /// The workbook part: its sheets and its date system.
  static func sheetList(_ bytes: [UInt8], part: String) throws(WorkbookError) -> (
    sheets: [SheetEntry], uses1904: Bool
  ) {
    try scan(bytes, part: part) { s throws(WorkbookError) in
      var sheets: [SheetEntry] = []
      var uses1904 = false
      while true {
        let token = try s.next()
        if token == .endOfInput { break }
        guard token == .start else { continue }
        if s.nameIs("workbookPr") {
          uses1904 = s.attribute("date1904", is: "1") || s.attribute("date1904", is: "true")
        } else if s.nameIs("sheet") {
          guard let name = try s.attributeString("name"), let id = try s.attributeString("id")
          else {
            throw WorkbookError(
              .malformedXML, part: part, message: "a sheet has no name or relationship id")
          }
          sheets.append(
            SheetEntry(
              name: name, relationshipID: id, state: try s.attributeString("state") ?? "visible"))
        }
      }
      return (sheets, uses1904)
    }
  }

  /// Reads a string item (`<si>` or `<is>`) whose start tag was just read: the text of its
  /// `<t>` elements joined (rich-text runs included, phonetic `<rPh>` runs left out). Without
  /// `xml:space="preserve"`, whitespace at the ends of each `<t>` is dropped.
  static func stringItem(_ s: inout XMLScanner, buffer: inout [UInt8]) throws(WorkbookError)
    -> String
  {
    buffer.removeAll(keepingCapacity: true)
    if s.selfClosing { return "" }
    let target = s.depth - 1
    var inText = false
    var preserve = false
    var textStart = 0
    var phonetic = 0
    while true {
      switch try s.next() {
      case .start:
        if s.selfClosing { continue }
        if s.nameIs("t") && phonetic == 0 {
          inText = true
          preserve = s.attribute("space", is: "preserve")
          textStart = buffer.count
        } else if s.nameIs("rPh") {
          phonetic += 1
        }
      case .end:
        if s.depth == target { return String(decoding: buffer, as: UTF8.self) }
        if inText && s.nameIs("t") {
          inText = false
          if !preserve { trim(&buffer, from: textStart) }
        } else if s.nameIs("rPh") {
          phonetic -= 1
        }
      case .text:
        if inText { try s.appendText(into: &buffer) }
      case .endOfInput:
        throw s.malformed("a string item is not closed")
      }
    }
  }

  static func trim(_ buffer: inout [UInt8], from start: Int) {
    while buffer.count > start, XMLScanner.isSpace(buffer[buffer.count - 1]) {
      buffer.removeLast()
    }
    var k = start
    while k < buffer.count, XMLScanner.isSpace(buffer[k]) { k += 1 }
    if k > start { buffer.removeSubrange(start..<k) }
  }

  /// The shared-strings part.
  static func sharedStrings(_ bytes: [UInt8], part: String) throws(WorkbookError) -> [String] {
    try scan(bytes, part: part) { s throws(WorkbookError) in
      var out: [String] = []
      var buffer: [UInt8] = []
      while true {
        let token = try s.next()
        if token == .endOfInput { break }
        if token == .start && s.nameIs("si") {
          out.append(try stringItem(&s, buffer: &buffer))
        }
      }
      return out
    }
  }

  /// Whether a number format id is one of the built-in date formats (14–22, 45–47).
  static func isBuiltInDate(_ id: Int) -> Bool {
    (14...22).contains(id) || (45...47).contains(id)
  }

  /// Whether a custom format code shows a date: it has `d`, `m` or `y` (either case) outside
  /// double quotes, square brackets and escapes (`\x`, `_x`, `*x`).
  static func isDateFormat(_ code: String) -> Bool {
    var quoted = false
    var bracket = false
    var skipNext = false
    for b in code.utf8 {
      if skipNext {
        skipNext = false
        continue
      }
      if quoted {
        if b == 0x22 { quoted = false }
        continue
      }
      if bracket {
        if b == 0x5D { bracket = false }
        continue
      }
      switch b {
      case 0x22: quoted = true
      case 0x5B: bracket = true
      case 0x5C, 0x5F, 0x2A: skipNext = true
      case 0x64, 0x44, 0x6D, 0x4D, 0x79, 0x59: return true
      default: break
      }
    }
    return false
  }

  /// The styles part: for each cell format (`<cellXfs>`), whether it is a date format.
  static func dateStyles(_ bytes: [UInt8], part: String) throws(WorkbookError) -> [Bool] {
    try scan(bytes, part: part) { s throws(WorkbookError) in
      var custom: [Int: Bool] = [:]
      var styles: [Bool] = []
      var inCellFormats = false
      while true {
        let token = try s.next()
        if token == .endOfInput { break }
        if token == .end && s.nameIs("cellXfs") {
          inCellFormats = false
          continue
        }
        guard token == .start else { continue }
        if s.nameIs("numFmt") {
          if let id = try s.attributeString("numFmtId").flatMap({ Int($0) }),
            let code = try s.attributeString("formatCode")
          {
            custom[id] = isDateFormat(code)
          }
        } else if s.nameIs("cellXfs") {
          inCellFormats = !s.selfClosing
        } else if s.nameIs("xf") && inCellFormats {
          let id = try s.attributeString("numFmtId").flatMap { Int($0) } ?? 0
          styles.append(custom[id] ?? isBuiltInDate(id))
        }
      }
      return styles
    }
  }

  /// A cell reference such as `B12`: its column and row (1-based).
  static func reference(_ s: XMLScanner, _ range: Range<Int>) -> (column: Int, row: Int)? {
    var i = range.lowerBound
    var column = 0
    while i < range.upperBound {
      let b = s.bytes[i] & 0xDF  // upper case
      guard b >= 0x41 && b <= 0x5A && s.bytes[i] >= 0x41 else { break }
      column = column * 26 + Int(b - 0x40)
      if column > Workbook.maxColumns { return nil }
      i += 1
    }
    guard column > 0 else { return nil }
    var row = 0
    var digits = 0
    while i < range.upperBound {
      let d = s.bytes[i] &- 0x30
      guard d < 10 else { return nil }
      row = row * 10 + Int(d)
      if row > Workbook.maxRows { return nil }
      digits += 1
      i += 1
    }
    return (column, digits > 0 ? row : 0)
  }

  static func integer(_ s: XMLScanner, _ range: Range<Int>) -> Int? {
    guard !range.isEmpty, range.count <= 18 else { return nil }
    var value = 0
    for i in range {
      let d = s.bytes[i] &- 0x30
      guard d < 10 else { return nil }
      value = value * 10 + Int(d)
    }
    return value
  }

  /// A number's text: integers of up to 15 digits directly, anything else through `Double`.
  static func number(_ bytes: [UInt8]) -> Double? {
    var i = 0
    var negative = false
    if bytes.first == 0x2D {
      negative = true
      i = 1
    }
    if bytes.count > i && bytes.count - i <= 15 {
      var value = 0
      var ok = true
      while i < bytes.count {
        let d = bytes[i] &- 0x30
        if d >= 10 {
          ok = false
          break
        }
        value = value * 10 + Int(d)
        i += 1
      }
      if ok { return Double(negative ? -value : value) }
    }
    return Double(String(decoding: bytes, as: UTF8.self))
  }

  /// A worksheet's cells.
  static func cells(
    _ bytes: [UInt8], part: String, sharedStrings: [String], dateStyles: [Bool], uses1904: Bool
  ) throws(WorkbookError) -> [[WorkbookCell]] {
    try scan(bytes, part: part) { s throws(WorkbookError) in
      var rows: [[WorkbookCell]] = []
      var row: [WorkbookCell] = []
      var rowNumber = 0
      var inRow = false
      var inData = false
      var column = 0
      var value: [UInt8] = []
      var buffer: [UInt8] = []
      // Cells laid out, gaps included, are capped in proportion to the XML, so that a sparse
      // sheet (one cell in column XFD per row) cannot turn a small part into gigabytes.
      let maxCells = (1 << 20) + 2 * bytes.count
      var laidOut = 0

      func invalid(_ what: String) -> WorkbookError {
        WorkbookError(.invalidCell, part: part, message: what)
      }

      while true {
        let token = try s.next()
        if token == .endOfInput { break }
        if token == .end {
          if s.nameIs("row") && inRow {
            while rows.count < rowNumber - 1 { rows.append([]) }
            rows.append(row)
            inRow = false
          } else if s.nameIs("sheetData") {
            inData = false
          }
          continue
        }
        guard token == .start else { continue }
        if s.nameIs("sheetData") {
          inData = !s.selfClosing
          continue
        }
        guard inData else { continue }
        if s.nameIs("row") {
          var number = rowNumber + 1
          if let r = s.attribute("r") {
            guard let n = integer(s, r), n > rowNumber, n <= Workbook.maxRows else {
              throw invalid(
                "row \(rowNumber + 1) has a bad or out-of-order number (rows are 1 to "
                  + "\(Workbook.maxRows), in order)")
            }
            number = n
          }
          guard number <= Workbook.maxRows else {
            throw invalid("the sheet has more than \(Workbook.maxRows) rows, Excel's limit")
          }
          rowNumber = number
          row = []
          column = 0
          if s.selfClosing {
            while rows.count < rowNumber - 1 { rows.append([]) }
            rows.append([])
          } else {
            inRow = true
          }
          continue
        }
        guard s.nameIs("c"), inRow else {
          continue
        }
        // A cell.
        let attributes = s.cellAttributes()
        var cellColumn = column + 1
        if let r = attributes.r {
          guard let ref = reference(s, r), ref.column > column else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: s.bytes[r]), as: UTF8.self)
            throw invalid(
              "a cell in row \(rowNumber) has a bad or out-of-order reference \"\(text)\" "
                + "(columns are A to XFD, in order)")
          }
          cellColumn = ref.column
        }
        guard cellColumn <= Workbook.maxColumns else {
          throw invalid(
            "row \(rowNumber) has more than \(Workbook.maxColumns) columns, Excel's limit")
        }
        column = cellColumn
        let typeRange = attributes.t
        let type: UInt8 =
          if let t = typeRange, !t.isEmpty {
            t.count == 9
              ? 0x69 /* inlineStr */ : t.count == 3 ? 0x74 /* str */ : s.bytes[t.lowerBound]
          } else { 0x6E }
        let style = attributes.s.flatMap { integer(s, $0) } ?? 0
        if s.selfClosing { continue }
        value.removeAll(keepingCapacity: true)
        var hasValue = false
        var inline: String?
        let cellDepth = s.depth - 1
        var inV = false
        while true {
          let t = try s.next()
          if t == .endOfInput { throw s.malformed("a cell is not closed") }
          if t == .end {
            if s.depth == cellDepth { break }
            if s.nameIs("v") { inV = false }
            continue
          }
          if t == .text {
            if inV { try s.appendText(into: &value) }
            continue
          }
          // start
          if s.nameIs("v") {
            hasValue = true
            inV = !s.selfClosing
          } else if s.nameIs("is") {
            inline = try stringItem(&s, buffer: &buffer)
          } else {
            try s.skipElement()  // <f>, <extLst>, ...
          }
        }
        let cell: WorkbookCell
        switch type {
        case 0x73:  // s: shared string
          guard hasValue else { continue }
          guard let index = Int(String(decoding: value, as: UTF8.self)), index >= 0,
            index < sharedStrings.count
          else {
            throw invalid(
              "a cell in row \(rowNumber) refers to shared string "
                + "\"\(String(decoding: value, as: UTF8.self))\", which does not exist")
          }
          cell = .text(sharedStrings[index])
        case 0x69:  // inlineStr
          if let inline {
            cell = .text(inline)
          } else if hasValue {
            cell = .text(String(decoding: value, as: UTF8.self))
          } else {
            continue
          }
        case 0x74, 0x64:  // str (formula text), d (ISO 8601 date text)
          guard hasValue else { continue }
          cell = .text(String(decoding: value, as: UTF8.self))
        case 0x62:  // b
          guard hasValue else { continue }
          cell = .boolean(value == [0x31] || value == Array("true".utf8))
        case 0x65:  // e
          guard hasValue else { continue }
          cell = .error(String(decoding: value, as: UTF8.self))
        default:  // n
          guard hasValue, !value.isEmpty else { continue }
          if let x = number(value) {
            if style < dateStyles.count, dateStyles[style],
              let date = WorkbookDate(serial: x, uses1904: uses1904)
            {
              cell = .date(date)
            } else {
              cell = .number(x)
            }
          } else {
            cell = .text(String(decoding: value, as: UTF8.self))
          }
        }
        laidOut += cellColumn - row.count
        if laidOut > maxCells {
          throw WorkbookError(
            .sheetTooLarge, part: part,
            message:
              "the sheet lays out more than \(maxCells) cells (gaps included) from "
              + "\(bytes.count) bytes of XML; it is too sparse to read as rows")
        }
        while row.count < cellColumn - 1 { row.append(.empty) }
        row.append(cell)
      }
      return rows
    }
  }
}
