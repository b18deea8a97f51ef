/// What a lenient import kept and what it rejected.
///
/// Nothing is lost: every data row of the file is either accepted or listed in ``rejected``
/// verbatim with its line and reason, so `accepted + rejected.count == dataRows` always holds.
/// Blank lines carry no data; they are counted in ``blankLines`` and are not data rows. Rows of
/// delimiters only (`,,,,,`, which spreadsheets write for rows they hold empty) are not data rows
/// either: they are skipped and counted in ``delimiterOnlyRows``, never an error.
public struct ImportReport: Hashable, Sendable, Codable {
  /// The number of data rows (records after the header, blank lines excluded).
  public var dataRows: Int
  /// The number of rows accepted into the dataset.
  public var accepted: Int
  /// Every rejected row, in file order.
  public var rejected: [RejectedRow]
  /// The number of blank lines skipped.
  public var blankLines: Int
  /// The number of rows of delimiters only (`,,,,,`) skipped.
  public var delimiterOnlyRows: Int
  /// Columns of the file that no field is read from.
  public var ignoredColumns: [String]

  /// Creates a report.
  public init(
    dataRows: Int = 0, accepted: Int = 0, rejected: [RejectedRow] = [], blankLines: Int = 0,
    ignoredColumns: [String] = [], delimiterOnlyRows: Int = 0
  ) {
    self.delimiterOnlyRows = delimiterOnlyRows
    self.dataRows = dataRows
    self.accepted = accepted
    self.rejected = rejected
    self.blankLines = blankLines
    self.ignoredColumns = ignoredColumns
  }

  /// Whether every row was accepted.
  public var isClean: Bool { rejected.isEmpty }

  private enum CodingKeys: String, CodingKey {
    case dataRows, accepted, rejected, blankLines, ignoredColumns, delimiterOnlyRows
  }

  /// Decodes a report; `delimiterOnlyRows` may be absent (reports written before it), and is 0.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    dataRows = try container.decode(Int.self, forKey: .dataRows)
    accepted = try container.decode(Int.self, forKey: .accepted)
    rejected = try container.decode([RejectedRow].self, forKey: .rejected)
    blankLines = try container.decode(Int.self, forKey: .blankLines)
    ignoredColumns = try container.decode([String].self, forKey: .ignoredColumns)
    delimiterOnlyRows = try container.decodeIfPresent(Int.self, forKey: .delimiterOnlyRows) ?? 0
  }

  /// Encodes every count, the rejected rows and the ignored columns.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(dataRows, forKey: .dataRows)
    try container.encode(accepted, forKey: .accepted)
    try container.encode(rejected, forKey: .rejected)
    try container.encode(blankLines, forKey: .blankLines)
    try container.encode(ignoredColumns, forKey: .ignoredColumns)
    try container.encode(delimiterOnlyRows, forKey: .delimiterOnlyRows)
  }
}

/// A row an import rejected, kept verbatim.
public struct RejectedRow: Hashable, Sendable, Codable {
  /// The 1-based line where the row starts.
  public let line: Int
  /// The row exactly as it stands in the file, without its line break (bytes that are not valid
  /// UTF-8 show as U+FFFD).
  public let raw: String
  /// Why it was rejected, with the column and field where known.
  public let error: ImportError

  /// The reason, as text.
  public var reason: String { error.description }

  /// Creates a rejected row.
  public init(line: Int, raw: String, error: ImportError) {
    self.line = line
    self.raw = raw
    self.error = error
  }

  private enum CodingKeys: String, CodingKey { case line, raw, reason, column, field }

  /// Decodes a rejected row (its error becomes a ``ImportError/Kind/invalidValue(_:)``).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    line = try container.decode(Int.self, forKey: .line)
    raw = try container.decode(String.self, forKey: .raw)
    error = ImportError(
      .invalidValue(try container.decode(String.self, forKey: .reason)), line: line,
      column: try container.decodeIfPresent(Int.self, forKey: .column),
      field: try container.decodeIfPresent(String.self, forKey: .field))
  }

  /// Encodes line, raw text, reason, column and field.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(line, forKey: .line)
    try container.encode(raw, forKey: .raw)
    try container.encode(reason, forKey: .reason)
    try container.encodeIfPresent(error.column, forKey: .column)
    try container.encodeIfPresent(error.field, forKey: .field)
  }
}

/// The outcome of reading an incident file: the valid records and the report.
public struct ImportResult: Hashable, Sendable {
  /// The valid records.
  public let dataset: IncidentDataset
  /// What was accepted and rejected.
  public let report: ImportReport
}

/// How a reader treats invalid rows.
public enum ImportMode: Hashable, Sendable {
  /// Throw at the first invalid row.
  case strict
  /// Keep the valid rows; list every invalid row verbatim in the ``ImportReport``.
  case lenient
}
