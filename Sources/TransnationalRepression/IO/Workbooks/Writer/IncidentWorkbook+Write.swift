import Foundation

extension IncidentWorkbook {
  /// Writes a dataset as a workbook: one sheet of the canonical columns, as
  /// ``IncidentCSV/write(_:names:)`` writes them, typed.
  ///
  /// `year`, `month`, `day` and `persons` are number cells; a source date that is a whole day
  /// (`YYYY-MM-DD`) is a date cell (shown `yyyy-mm-dd`); every other field is text, and empty
  /// fields are empty cells. Reading the workbook back with
  /// ``read(bytes:sheet:mapping:mode:today:rejectedRowNames:limits:)`` gives the same dataset.
  ///
  /// ```swift
  /// let bytes = try IncidentWorkbook.write(IncidentDataset.documentedSample)
  /// let back = try IncidentWorkbook.read(bytes: bytes)
  /// ```
  ///
  /// - Parameters:
  ///   - dataset: the records.
  ///   - names: what to do with people's names (default: leave them out).
  ///   - sheet: the sheet's name.
  /// - Returns: the `.xlsx` file's bytes.
  /// - Throws: ``WorkbookError`` (``WorkbookError/Reason/sheetTooLarge``) for a dataset of more
  ///   than 1,048,575 records, which one Excel sheet cannot hold with its header.
  /// - Complexity: O(*n*).
  public static func write(
    _ dataset: IncidentDataset, names: PersonNamePolicy = .omit, sheet: String = "Incidents"
  ) throws(WorkbookError) -> [UInt8] {
    var writer = WorkbookWriter()
    let (header, rows) = typedRows(IncidentCSV.write(dataset, names: names)) { name, field in
      switch name {
      case "year", "month", "day", "persons":
        if let number = IncidentRowParser.wholeNumber(field) { return .number(Double(number)) }
      default:
        if name == "source_date" || name.hasPrefix("source_date_"), let date = dayCell(field) {
          return .date(date)
        }
      }
      return .text(field)
    }
    try writer.addSheet(named: sheet, header: header, rows: rows)
    return writer.bytes()
  }

  /// Writes a dataset as a workbook file (see ``write(_:names:sheet:)``).
  ///
  /// - Parameters:
  ///   - dataset: the records.
  ///   - url: the `.xlsx` file to write.
  ///   - names: what to do with people's names.
  /// - Throws: ``WorkbookError`` for a dataset one sheet cannot hold; the file system's error
  ///   when the file cannot be written.
  public static func write(
    _ dataset: IncidentDataset, to url: URL, names: PersonNamePolicy = .omit
  ) throws {
    try Data(write(dataset, names: names)).write(to: url, options: .atomic)
  }

  /// A `YYYY-MM-DD` text as a date cell, or `nil` for any other text.
  static func dayCell(_ text: String) -> WorkbookDate? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2,
      parts[2].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2])
    else { return nil }
    return WorkbookDate(year: year, month: month, day: day)
  }

  /// The header and the typed rows of CSV text; `cell` types each non-empty field by its
  /// column's name.
  static func typedRows(
    _ csv: String, cell: (String, String) -> WorkbookCell
  ) -> (header: [String], rows: [[WorkbookCell]]) {
    var header: [String]?
    var rows: [[WorkbookCell]] = []
    try? CSVReader(text: csv).forEachRecord { record in
      let fields = record.fields() ?? []
      guard let names = header else {
        header = fields
        return
      }
      rows.append(
        fields.enumerated().map { index, field in
          field.isEmpty ? .empty : cell(index < names.count ? names[index] : "", field)
        })
    }
    return (header ?? [], rows)
  }
}
