import Foundation

/// The outcome of reading an incident file straight into columns: the columns of the valid
/// records and the import report.
///
/// ```swift
/// let result = try IncidentColumns.read(contentsOf: url, mode: .lenient)
/// result.columns.count == result.report.accepted   // true
/// ```
public struct ColumnImportResult: Hashable, Sendable {
  /// The codes of the valid records, in file order.
  public let columns: IncidentColumns
  /// What was accepted and rejected: the same report as ``IncidentCSV`` gives for the file.
  public let report: ImportReport
  /// Each accepted record's month (1–12), or 0 when its date gives none, in file order: not a
  /// counting column (``IncidentColumns`` stays at 8 bytes per incident), but what
  /// ``AnalysisReport/init(imported:isSample:creditors:options:)`` needs to compare partial
  /// years with the published figures. Empty when the result was made without months.
  public let months: [UInt8]

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - columns: The columns of the accepted records.
  ///   - report: The import report.
  ///   - months: Each accepted record's month, 0 for none (or empty when not known).
  public init(columns: IncidentColumns, report: ImportReport, months: [UInt8] = []) {
    self.columns = columns
    self.report = report
    self.months = months
  }

  /// The result of reading `dataset` with `report`: its columns and months.
  ///
  /// ```swift
  /// let result = ColumnImportResult(IncidentDataset.documentedSample, report: ImportReport())
  /// result.columns.count == result.months.count   // true
  /// ```
  ///
  /// - Parameters:
  ///   - dataset: The accepted records.
  ///   - report: The import report.
  /// - Complexity: O(*n*).
  public init(_ dataset: IncidentDataset, report: ImportReport) {
    self.init(
      columns: IncidentColumns(dataset), report: report,
      months: dataset.map { UInt8($0.date.month ?? 0) })
  }
}

extension IncidentColumns {
  /// Reads an incident CSV file straight into the columnar store, validating every row.
  ///
  /// The result is what building the columns from ``IncidentCSV`` would give —
  /// `IncidentColumns(try IncidentCSV.read(contentsOf: url, …).dataset)` — with the same
  /// ``ImportReport`` and, in strict mode, the same first ``ImportError``, but without building
  /// an ``Incident`` per row: every rule is checked (countries, including alpha-3 and numeric
  /// codes, dates and future dates, persons, category and mode, ethnic groups, sources,
  /// repeated ids), and the valid rows go straight to 8 bytes of codes each. Plain rows are
  /// checked on their bytes; any other row (quoted values with doubled quotes, wrong field
  /// counts, invalid values) goes through the same parser as ``IncidentCSV``, so error messages
  /// are identical.
  ///
  /// A mapping with value-level reading (``ColumnMapping/dateColumn``,
  /// ``ColumnMapping/kindColumn``, ``ColumnMapping/values``, or counts read as text) is read by
  /// ``IncidentCSV`` record by record and then put into columns: the result is the same, only
  /// slower, and no row is read by rules other than the record reader's.
  ///
  /// The file is taken a block of a few MiB at a time: a regular file is mapped into memory and
  /// the pages already read are given back; a pipe or device is read into a buffer. Memory holds
  /// the columns, the ids seen so far (to reject repeats) and one block of the file. Blocks
  /// without quote characters are split at line breaks across `threads` threads. (As with any
  /// mapped file, truncating the file from another process while it is read stops the process.)
  ///
  /// ```swift
  /// // gen.py's benchmark CSV: id,kind,host_country_iso2,year
  /// let mapping = ColumnMapping(
  ///   columns: [.category: "kind", .host: "host_country_iso2"],
  ///   defaults: [.origin: "CN", .month: "", .day: "", .datePrecision: "year",
  ///              .mode: "unspecified", .persons: "", .personsQualifier: "unknown",
  ///              .ethnicGroups: "Uyghur", .sourceTitle: "Synthetic benchmark data",
  ///              .sourceURL: "", .sourceDate: "", .notes: ""])
  /// let result = try IncidentColumns.read(contentsOf: url, mapping: mapping)
  /// let table = result.columns.countIncidents(try CountQuery(by: [.host, .category, .year]))
  /// ```
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - mapping: Where each field comes from (default: the canonical schema).
  ///   - mode: Strict (throw at the first invalid row) or lenient (report it).
  ///   - today: The day against which future dates are rejected.
  ///   - rejectedRowNames: What a rejected row's text shows of a `person_name` column (default:
  ///     `<redacted>`).
  ///   - threads: The most threads to use; `nil` uses every active processor. The result does
  ///     not depend on it.
  /// - Returns: The columns and the import report.
  /// - Throws: ``ImportError``, exactly as
  ///   ``IncidentCSV/read(contentsOf:mapping:mode:today:rejectedRowNames:)``: for a file that
  ///   cannot be read, an empty file, a header that lacks a column, and, in strict mode, the
  ///   first invalid row.
  /// - Complexity: O(*n*) in the size of the file; memory O(*r*) for *r* accepted rows (the
  ///   columns and their ids) plus one block of the file.
  public static func read(
    contentsOf url: URL, mapping: ColumnMapping = .canonical, mode: ImportMode = .strict,
    today: CalendarDay = .today, rejectedRowNames: PersonNamePolicy = .redact,
    threads: Int? = nil
  ) throws(ImportError) -> ColumnImportResult {
    if mapping.needsRecordReader(header: mapping.needsRecordReader ? Self.header(of: url) : nil) {
      // Value-level reading (a date column, kind labels, vocabularies, counts as text) is the
      // record reader's: read the records, then make the columns, rather than mis-read a row.
      let result = try IncidentCSV.read(
        contentsOf: url, mapping: mapping, mode: mode, today: today,
        rejectedRowNames: rejectedRowNames)
      return ColumnImportResult(result.dataset, report: result.report)
    }
    return try importer(mapping, mode, today, rejectedRowNames, threads).read(.file(url))
  }

  /// Reads incident CSV bytes in memory (which may hold invalid UTF-8) straight into columns.
  ///
  /// ```swift
  /// let result = try IncidentColumns.read(bytes: Array(text.utf8), mode: .lenient)
  /// ```
  ///
  /// - Parameters:
  ///   - bytes: The CSV bytes.
  ///   - mapping: Where each field comes from.
  ///   - mode: Strict or lenient.
  ///   - today: The day against which future dates are rejected.
  ///   - rejectedRowNames: What a rejected row's text shows of a `person_name` column.
  ///   - threads: The most threads to use; `nil` uses every active processor.
  /// - Returns: The columns and the import report.
  /// - Throws: ``ImportError``, as ``read(contentsOf:mapping:mode:today:rejectedRowNames:threads:)``.
  /// - Complexity: O(*n*) in the number of bytes.
  public static func read(
    bytes: [UInt8], mapping: ColumnMapping = .canonical, mode: ImportMode = .strict,
    today: CalendarDay = .today, rejectedRowNames: PersonNamePolicy = .redact,
    threads: Int? = nil
  ) throws(ImportError) -> ColumnImportResult {
    if mapping.needsRecordReader(header: mapping.needsRecordReader ? Self.header(of: bytes.prefix(65_536)) : nil) {
      let result = try IncidentCSV.read(
        bytes: bytes, mapping: mapping, mode: mode, today: today,
        rejectedRowNames: rejectedRowNames)
      return ColumnImportResult(result.dataset, report: result.report)
    }
    let importer = importer(mapping, mode, today, rejectedRowNames, threads)
    return try bytes.withUnsafeBufferPointer { (buffer) throws(ImportError) in
      try importer.read(.bytes(buffer))
    }
  }

  /// Reads incident CSV text straight into columns.
  ///
  /// ```swift
  /// let result = try IncidentColumns.read(text: csv, today: CalendarDay(year: 2026, month: 11, day: 23)!)
  /// ```
  ///
  /// - Parameters:
  ///   - text: The CSV text.
  ///   - mapping: Where each field comes from.
  ///   - mode: Strict or lenient.
  ///   - today: The day against which future dates are rejected.
  ///   - rejectedRowNames: What a rejected row's text shows of a `person_name` column.
  ///   - threads: The most threads to use; `nil` uses every active processor.
  /// - Returns: The columns and the import report.
  /// - Throws: ``ImportError``, as ``read(contentsOf:mapping:mode:today:rejectedRowNames:threads:)``.
  /// - Complexity: O(*n*) in the length of the text.
  public static func read(
    text: String, mapping: ColumnMapping = .canonical, mode: ImportMode = .strict,
    today: CalendarDay = .today, rejectedRowNames: PersonNamePolicy = .redact,
    threads: Int? = nil
  ) throws(ImportError) -> ColumnImportResult {
    try read(
      bytes: Array(text.utf8), mapping: mapping, mode: mode, today: today,
      rejectedRowNames: rejectedRowNames, threads: threads)
  }

  private static func importer(
    _ mapping: ColumnMapping, _ mode: ImportMode, _ today: CalendarDay,
    _ names: PersonNamePolicy, _ threads: Int?
  ) -> ColumnImporter {
    ColumnImporter(
      mapping: mapping, mode: mode, today: today, names: names,
      threads: Swift.max(1, threads ?? CountingKernel.defaultThreadCount))
  }
}

extension IncidentColumns {
  /// The column names of a file's first line, read from its first 64 KiB; `nil` when they
  /// cannot be read there (the caller then takes the record reader, which reads anything).
  static func header(of url: URL) -> [String]? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard let head = try? handle.read(upToCount: 65_536) else { return nil }
    return header(of: [UInt8](head)[...])
  }

  /// The column names of the first line of `bytes`, or `nil` when the line is not complete,
  /// is not UTF-8 or holds a quote (left to the full reader).
  static func header(of bytes: ArraySlice<UInt8>) -> [String]? {
    var line = bytes
    if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
    guard let end = line.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
    line = line[..<end]
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    guard !line.contains(UInt8(ascii: "\"")), let text = String(validating: line, as: UTF8.self) else { return nil }
    return text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }
}
