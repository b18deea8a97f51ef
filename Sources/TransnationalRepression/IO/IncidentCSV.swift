import Foundation

/// Reads and writes incidents in the canonical CSV schema (RFC 4180).
///
/// Reading validates every row. In ``ImportMode/strict`` mode the first invalid row throws an
/// ``ImportError`` naming its line, column and field; in ``ImportMode/lenient`` mode the valid rows
/// are kept and every invalid row is listed verbatim, with its reason, in the ``ImportReport``.
/// No value is read as missing unless the schema lets that field be empty: `"NA"` is Namibia.
///
/// ```swift
/// let result = try IncidentCSV.read(contentsOf: url, mode: .lenient)
/// print(result.dataset.count, result.report.rejected.count)
/// let text = IncidentCSV.write(result.dataset)   // canonical schema, names left out
/// ```
///
/// Round trips are lossless: read → write → read gives an equal dataset, and write → read →
/// write gives identical bytes.
public enum IncidentCSV {
  /// Reads an incident file.
  ///
  /// - Parameters:
  ///   - url: the file.
  ///   - mapping: where each field comes from (default: the canonical schema).
  ///   - mode: strict (throw at the first invalid row) or lenient (report it).
  ///   - today: the day against which future dates are rejected.
  ///   - rejectedRowNames: what a rejected row's text shows of a `person_name` column (default:
  ///     `<redacted>`; pass ``PersonNamePolicy/include`` for the rows exactly as in the file).
  /// - Returns: the dataset and the import report.
  /// - Throws: ``ImportError`` for a file that cannot be read, an empty file, a header that lacks
  ///   a column, and, in strict mode, the first invalid row.
  /// - Complexity: O(*n*) in the size of the file; memory bounded by the records kept.
  public static func read(
    contentsOf url: URL, mapping: ColumnMapping = .canonical, mode: ImportMode = .strict,
    today: CalendarDay = .today, rejectedRowNames: PersonNamePolicy = .redact
  ) throws(ImportError) -> ImportResult {
    let sourceName = url.deletingPathExtension().lastPathComponent
    if let engine = engine(mapping, mode, today, rejectedRowNames) {
      return try engine.readIncidents(.file(url), sourceName: sourceName)
    }
    return try readRecords(
      mapping.reader(of: url), mapping: mapping, mode: mode, today: today,
      rejectedRowNames: rejectedRowNames, sourceName: sourceName)
  }

  /// Reads incidents from CSV text in memory.
  ///
  /// - Parameters:
  ///   - text: the CSV text.
  ///   - mapping: where each field comes from.
  ///   - mode: strict or lenient.
  ///   - today: the day against which future dates are rejected.
  ///   - rejectedRowNames: what a rejected row's text shows of a `person_name` column.
  /// - Returns: the dataset and the import report.
  /// - Throws: ``ImportError``, as ``read(contentsOf:mapping:mode:today:rejectedRowNames:)``.
  public static func read(
    text: String, mapping: ColumnMapping = .canonical, mode: ImportMode = .strict,
    today: CalendarDay = .today, rejectedRowNames: PersonNamePolicy = .redact
  ) throws(ImportError) -> ImportResult {
    if engine(mapping, mode, today, rejectedRowNames) != nil {
      return try read(
        bytes: Array(text.utf8), mapping: mapping, mode: mode, today: today,
        rejectedRowNames: rejectedRowNames)
    }
    return try readRecords(
      CSVReader(text: text, delimiter: mapping.delimiter), mapping: mapping, mode: mode,
      today: today, rejectedRowNames: rejectedRowNames)
  }

  /// Reads incidents from CSV bytes in memory (which may hold invalid UTF-8).
  ///
  /// - Throws: ``ImportError``, as ``read(contentsOf:mapping:mode:today:rejectedRowNames:)``.
  public static func read(
    bytes: [UInt8], mapping: ColumnMapping = .canonical, mode: ImportMode = .strict,
    today: CalendarDay = .today, rejectedRowNames: PersonNamePolicy = .redact
  ) throws(ImportError) -> ImportResult {
    if let engine = engine(mapping, mode, today, rejectedRowNames) {
      return try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
        try engine.readIncidents(.bytes(buffer), sourceName: "row")
      }
    }
    return try readRecords(
      CSVReader(bytes: bytes, delimiter: mapping.delimiter, encoding: mapping.encoding),
      mapping: mapping, mode: mode, today: today, rejectedRowNames: rejectedRowNames)
  }

  /// The columnar engine that reads records for a mapping that reads values canonically (the
  /// canonical schema, with any delimiter or encoding, which the engine leaves to the record
  /// reader); `nil` for other mappings, which the record reader reads.
  private static func engine(
    _ mapping: ColumnMapping, _ mode: ImportMode, _ today: CalendarDay, _ names: PersonNamePolicy
  ) -> ColumnImporter? {
    guard mapping.readsCanonically else { return nil }
    return ColumnImporter(
      mapping: mapping, mode: mode, today: today, names: names,
      threads: CountingKernel.defaultThreadCount)
  }

  /// The record reader: each record through ``IncidentRowParser``, in file order, on the
  /// calling thread. (The columnar engine gives the same result for the files it reads.)
  static func readRecords(
    _ reader: CSVReader, mapping: ColumnMapping, mode: ImportMode, today: CalendarDay,
    rejectedRowNames: PersonNamePolicy, sourceName: String = "row"
  ) throws(ImportError) -> ImportResult {
    var builder: IncidentRowParser?
    var incidents: [Incident] = []
    var firstLineOfID: [String: Int] = [:]
    var report = ImportReport()
    do {
      try reader.forEachRecord { record in
        guard let parser = builder else {
          builder = try IncidentRowParser(
            header: record, mapping: mapping, today: today, sourceName: sourceName)
          report.ignoredColumns = builder!.ignoredColumns
          return
        }
        if record.isBlank {
          report.blankLines += 1
          return
        }
        if record.isDelimiterOnly {
          report.delimiterOnlyRows += 1
          return
        }
        report.dataRows += 1
        do throws(ImportError) {
          let incident = try parser.incident(from: record)
          if let first = firstLineOfID[incident.id] {
            throw ImportError(
              .invalidRecord(.duplicateID(incident.id, firstLine: first)), line: record.line,
              column: parser.columnNumber(of: .id), field: parser.columnName(of: .id),
              recordID: incident.id)
          }
          firstLineOfID[incident.id] = record.line
          incidents.append(incident)
          report.accepted += 1
        } catch {
          if mode == .strict { throw error }
          report.rejected.append(
            RejectedRow(
              line: record.line, raw: parser.rejectedText(of: record, names: rejectedRowNames),
              error: error))
        }
      }
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(.unreadable(String(describing: error)))
    }
    if builder == nil { throw ImportError(.emptyFile, line: 1) }
    return ImportResult(dataset: IncidentDataset(validated: incidents), report: report)
  }

  /// Writes a dataset in the canonical schema.
  ///
  /// The sixteen canonical columns come first; the optional columns (`detention_outcome`,
  /// `gender`, `source_publisher`, further sources) follow only when a record needs them, and
  /// `person_name` only when `names` is not ``PersonNamePolicy/omit``. Fields are quoted only when
  /// they hold a comma, a quote or a line break. Lines end with LF.
  ///
  /// - Parameters:
  ///   - dataset: the records.
  ///   - names: what to do with people's names (default: leave them out).
  /// - Returns: the CSV text.
  /// - Complexity: O(*n*).
  public static func write(_ dataset: IncidentDataset, names: PersonNamePolicy = .omit) -> String {
    IncidentCSVWriter(dataset: dataset, names: names).text()
  }

  /// Writes a dataset to a file in the canonical schema.
  ///
  /// - Throws: the file system's error when the file cannot be written.
  public static func write(
    _ dataset: IncidentDataset, to url: URL, names: PersonNamePolicy = .omit
  ) throws {
    try Data(write(dataset, names: names).utf8).write(to: url, options: .atomic)
  }
}
