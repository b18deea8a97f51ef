/// A sheet's rows rendered as CSV records, so that ``IncidentRowParser`` validates them exactly as
/// it validates a CSV file's records.
///
/// Each non-empty row becomes one CSV line (fields quoted when they hold a comma, a quote or a
/// line break), so each line is exactly one record; the record's line number is the sheet's row
/// number. Rows shorter than the header are padded with empty fields.
struct WorkbookRecords {
  /// The CSV text of the rows, one record per line.
  private(set) var bytes: [UInt8] = []
  /// For each record, the sheet's 1-based row number; `0` marks a blank row.
  private(set) var rowNumbers: [Int] = []
  /// For each line of the CSV text (a record spans several when a cell holds a line break), the
  /// sheet's row number of its record.
  private var rowOfLine: [Int] = []
  /// Whether a cell holds a carriage return, or a row renders as delimiters only (`,,,`: cells
  /// of empty text): the columnar engine would read such text otherwise than this reader does.
  private var needsRecordReader = false

  init(rows: [[WorkbookCell]]) {
    bytes.reserveCapacity(rows.count * 64)
    rowNumbers.reserveCapacity(rows.count)
    var headerCount: Int?
    for (index, row) in rows.enumerated() {
      var last = row.count - 1
      while last >= 0, row[last] == .empty { last -= 1 }
      if last < 0 {
        // A row with no value: a blank line, unless it comes before the header.
        if headerCount != nil {
          rowNumbers.append(index + 1)
          bytes.append(0x0A)
          rowOfLine.append(index + 1)
        }
        continue
      }
      let count = max(last + 1, headerCount ?? 0)
      if headerCount == nil { headerCount = last + 1 }
      let start = bytes.count
      for column in 0..<count {
        if column > 0 { bytes.append(0x2C) }
        if column <= last { append(row[column]) }
      }
      bytes.append(0x0A)
      rowNumbers.append(index + 1)
      var lineBreaks = 0
      var plain = true
      for byte in bytes[start...] {
        if byte == 0x0A { lineBreaks += 1 } else if byte == 0x0D { needsRecordReader = true }
        if byte != 0x2C && byte != 0x0A { plain = false }
      }
      if plain && count > 1 { needsRecordReader = true }
      rowOfLine.append(contentsOf: repeatElement(index + 1, count: lineBreaks))
    }
  }

  private mutating func append(_ cell: WorkbookCell) {
    switch cell {
    case .empty: break
    case .text(let text): appendField(text)
    case .error(let text): appendField(text)
    case .boolean(let value): bytes.append(contentsOf: (value ? "TRUE" : "FALSE").utf8)
    case .date(let date): bytes.append(contentsOf: date.description.utf8)
    case .number(let value): bytes.append(contentsOf: WorkbookRecords.text(of: value).utf8)
    }
  }

  private mutating func appendField(_ text: String) {
    var text = text
    let needsQuotes = text.withUTF8 { utf8 in
      utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }
    if !needsQuotes {
      bytes.append(contentsOf: text.utf8)
      return
    }
    bytes.append(0x22)
    for byte in text.utf8 {
      bytes.append(byte)
      if byte == 0x22 { bytes.append(0x22) }
    }
    bytes.append(0x22)
  }

  /// A number as the mapping reads it: whole numbers without a decimal point, others as the
  /// shortest decimal that reads back to the same double.
  static func text(of value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int(value))
    }
    return String(value)
  }

  /// Validates the records with the mapping, as ``IncidentCSV`` does a file's: on the columnar
  /// engine (rows validated and records built in parallel, lines then told as sheet rows) when
  /// the mapping reads values as the canonical schema does, else one record at a time.
  func validate(
    mapping: ColumnMapping, mode: ImportMode, today: CalendarDay,
    rejectedRowNames: PersonNamePolicy
  ) throws(ImportError) -> ImportResult {
    if needsRecordReader || mapping.needsRecordReader {
      return try validateByRecords(
        mapping: mapping, mode: mode, today: today, rejectedRowNames: rejectedRowNames)
    }
    let engine = ColumnImporter(
      mapping: mapping, mode: mode, today: today, names: rejectedRowNames,
      threads: CountingKernel.defaultThreadCount)
    let result: ImportResult
    do {
      result = try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
        try engine.readIncidents(.bytes(buffer), sourceName: "row")
      }
    } catch {
      throw sheetRows(error)
    }
    var report = result.report
    report.rejected = report.rejected.map {
      RejectedRow(line: sheetRow($0.line), raw: $0.raw, error: sheetRows($0.error))
    }
    return ImportResult(dataset: result.dataset, report: report)
  }

  /// The sheet's row of a line of the CSV text.
  private func sheetRow(_ line: Int) -> Int {
    rowOfLine.indices.contains(line - 1) ? rowOfLine[line - 1] : line
  }

  /// An error of the CSV text, with its lines told as the sheet's rows.
  private func sheetRows(_ error: ImportError) -> ImportError {
    var kind = error.kind
    if case .invalidRecord(.duplicateID(let id, let first?)) = kind {
      kind = .invalidRecord(.duplicateID(id, firstLine: sheetRow(first)))
    }
    return ImportError(
      kind, line: error.line.map(sheetRow), column: error.column, field: error.field,
      recordID: error.recordID)
  }

  /// ``validate(mapping:mode:today:rejectedRowNames:)`` one record at a time, each line its sheet
  /// row.
  func validateByRecords(
    mapping: ColumnMapping, mode: ImportMode, today: CalendarDay,
    rejectedRowNames: PersonNamePolicy
  ) throws(ImportError) -> ImportResult {
    var parser: IncidentRowParser?
    var incidents: [Incident] = []
    var firstLineOfID: [String: Int] = [:]
    var report = ImportReport()
    var scanner = CSVScanner()
    var result: Result<Void, ImportError> = .success(())
    bytes.withUnsafeBufferPointer { buffer in
      var position = 0
      var index = 0
      loop: while true {
        guard case .record(let end, let next, _) = scanner.scan(buffer, from: position, isFinal: true)
        else { break }
        let line = rowNumbers[index]
        index += 1
        defer { position = next }
        let outcome: Result<Void, ImportError> = withUnsafePointer(to: &scanner) { pointer in
          let record = CSVRecord(buffer: buffer, scanner: pointer, range: position..<end, line: line)
          guard let rowParser = parser else {
            do throws(ImportError) {
              parser = try IncidentRowParser(header: record, mapping: mapping, today: today)
              report.ignoredColumns = parser!.ignoredColumns
              return .success(())
            } catch {
              return .failure(error)
            }
          }
          if record.isBlank {
            report.blankLines += 1
            return .success(())
          }
          report.dataRows += 1
          do throws(ImportError) {
            let incident = try rowParser.incident(from: record)
            if let first = firstLineOfID[incident.id] {
              throw ImportError(
                .invalidRecord(.duplicateID(incident.id, firstLine: first)), line: line,
                column: rowParser.columnNumber(of: .id), field: rowParser.columnName(of: .id),
                recordID: incident.id)
            }
            firstLineOfID[incident.id] = line
            incidents.append(incident)
            report.accepted += 1
          } catch {
            if mode == .strict { return .failure(error) }
            report.rejected.append(
              RejectedRow(
                line: line, raw: rowParser.rejectedText(of: record, names: rejectedRowNames),
                error: error))
          }
          return .success(())
        }
        if case .failure = outcome {
          result = outcome
          break loop
        }
      }
    }
    if case .failure(let error) = result { throw error }
    if parser == nil {
      throw ImportError(.emptyFile, line: 1)
    }
    return ImportResult(dataset: IncidentDataset(validated: incidents), report: report)
  }
}
