import Foundation
import TransnationalRepression

/// Reading `--incidents FILE` for the commands that only count: straight into columns.
///
/// `tnr count`, `report`, `correlate` and `validate` need the code columns and the import
/// report, not one ``Incident`` per row. ``readColumns(path:mapping:mode:today:)`` reads a CSV
/// through the columnar import (``IncidentColumns/read(contentsOf:mapping:mode:today:rejectedRowNames:threads:)``),
/// which applies the record reader's rules and gives its report and errors word for word; the
/// rejected rows' text is all it builds per row. A mapping that needs value-level reading (see
/// ``ColumnMapping``), a JSON file and a workbook are read record by record, then put into columns.
extension IncidentInput {
  /// Which reader the commands use; tests run the record reader to check that both give the
  /// same output.
  enum Engine: Sendable {
    /// The columnar import (the default).
    case columns
    /// ``IncidentCSV`` / ``IncidentJSON`` record by record, then columns.
    case records
  }

  /// The reader of the current task (tests set `.records` with `$engine.withValue`).
  @TaskLocal static var engine: Engine = .columns

  /// Reads a CSV or JSON incident file into columns and its import report: the "read columns
  /// for a command" entry point.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - mapping: Where each field comes from.
  ///   - mode: Strict (throw at the first invalid row) or lenient (report it).
  ///   - today: The day against which future dates are rejected.
  ///   - format: `--input-format` (`csv` or `json`), or `nil` to go by the name.
  ///   - sheet: `--sheet` of a workbook, or `nil` for its first sheet.
  /// - Returns: The accepted rows' columns (and months) and the import report, identical to
  ///   what ``read(path:mapping:mode:today:format:sheet:)`` gives put into columns.
  /// - Throws: ``ImportError``, as ``read(path:mapping:mode:today:format:sheet:)`` does.
  static func readColumns(
    path: String, mapping: ColumnMapping, mode: ImportMode, today: CalendarDay = .today,
    format: String? = nil, sheet: String? = nil
  ) throws(ImportError) -> ColumnImportResult {
    let url = URL(fileURLWithPath: path)
    if engine == .records || isJSON(url, format: format)
      || IncidentWorkbook.signature(ofFileAt: url) != nil
    {
      let result = try read(
        path: path, mapping: mapping, mode: mode, today: today, format: format, sheet: sheet)
      return ColumnImportResult(result.dataset, report: result.report)
    }
    // The columnar import itself takes the record reader when the mapping needs it
    // (`ColumnMapping.needsRecordReader(header:)`), and reads a file it cannot map.
    return try IncidentColumns.read(contentsOf: url, mapping: mapping, mode: mode, today: today)
  }

  /// The columns of the dataset named by `--incidents` (read through the mapping options,
  /// leniently with `--lenient`), or of the bundled sample. In lenient mode every rejected row
  /// and the count of rows go to `console`'s standard error, as ``dataset(_:console:)`` does.
  static func columns(
    _ arguments: ParsedArguments, console: Console
  ) throws -> (input: ColumnImportResult, isSample: Bool) {
    guard let path = arguments.value("incidents") else {
      return (ColumnImportResult(IncidentDataset.documentedSample, report: ImportReport()), true)
    }
    let result = try readColumns(
      path: path, mapping: mapping(arguments), mode: mode(arguments),
      format: arguments.value("input-format"), sheet: sheet(arguments, path: path))
    listRejected(result.report, path: path, console: console)
    return (result, false)
  }
}
