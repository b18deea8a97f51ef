import Foundation

/// Reads incidents from one sheet of an Excel workbook (`.xlsx`), through the same mapping and
/// validation as a CSV file.
///
/// The sheet's first non-empty row is the header; every later row is a record, validated exactly
/// as ``IncidentCSV`` validates a CSV record (the same ``ColumnMapping``, the same rules, the same
/// strict and lenient modes and ``ImportReport``). Cells reach the mapping as text:
///
/// - text (shared strings, inline strings, rich text) as it is;
/// - numbers as the shortest decimal that reads back to them (`3`, not `3.0`; `2.5`);
/// - booleans as `TRUE` or `FALSE`;
/// - Excel errors as their text (`#N/A`, `#DIV/0!`): a value the mapping sees and rejects with a
///   reason (`'#N/A' is not a country …`), never a crash;
/// - date-formatted numbers as the day they show, `YYYY-MM-DD` (day precision; the time of day is
///   dropped). A date column holding text (`July 2017`) goes through the date rules of
///   ``IncidentDate/init(parsing:order:)``.
///
/// Each record's ``RejectedRow/line`` and ``ImportError/line`` is the sheet's row number, and
/// ``ImportError/column`` is the sheet's column number (column A is 1; see
/// ``columnLetters(_:)`` and ``describe(_:)``). A rejected row's ``RejectedRow/raw`` is the row
/// rendered as one CSV line, cell by cell from column A. Rows with no value are blank lines.
/// A row shorter than the header is padded with empty cells; a row with a value beyond the
/// header's last column is rejected (the row has more fields than the header).
///
/// Hostile files (a damaged archive, a compression bomb, a CRC mismatch, XML that declares
/// entities or nests without bound, a sheet beyond Excel's limits, an encrypted or legacy `.xls`
/// workbook) throw an ``ImportError`` of kind ``ImportError/Kind/unreadable(_:)`` whose message
/// says what is wrong and what to do; the limits are those of ``ZipArchive/Limits`` and
/// ``Workbook``.
///
/// ```swift
/// let result = try IncidentWorkbook.read(
///   contentsOf: url, sheet: "Cases", mapping: mapping, mode: .lenient)
/// for row in result.report.rejected {
///   print(IncidentWorkbook.describe(row.error), row.raw)  // row 7, column C (host): …
/// }
/// ```
public enum IncidentWorkbook {
  /// What the first bytes of a file say it is.
  ///
  /// ```swift
  /// switch IncidentWorkbook.signature(of: bytes) {
  /// case .zip?: print("a workbook (or another ZIP archive)")
  /// case .compoundFile?: print("an encrypted or legacy .xls workbook")
  /// case nil: print("not a workbook")
  /// }
  /// ```
  public enum Signature: Hashable, Sendable {
    /// A ZIP archive (`PK\u{3}\u{4}`, or `PK\u{5}\u{6}` for an empty one): an `.xlsx` file.
    case zip
    /// An OLE compound file (`D0 CF 11 E0 A1 B1 1A E1`): a password-protected `.xlsx` or a
    /// legacy `.xls` workbook, which this library cannot read.
    case compoundFile
  }

  /// The message given for an OLE compound file.
  static let compoundFileMessage =
    "password-protected (encrypted) or legacy .xls workbook: save it as .xlsx without a "
    + "password, or export CSV"

  /// Whether bytes start like a workbook.
  ///
  /// - Parameter bytes: the start of a file (eight bytes are enough).
  /// - Returns: ``Signature/zip``, ``Signature/compoundFile``, or `nil` for anything else (CSV,
  ///   JSON, text).
  /// - Complexity: O(1).
  public static func signature(of bytes: some Collection<UInt8>) -> Signature? {
    let head = Array(bytes.prefix(8))
    if head.count >= 4, head[0] == 0x50, head[1] == 0x4B,
      (head[2] == 0x03 && head[3] == 0x04) || (head[2] == 0x05 && head[3] == 0x06)
    {
      return .zip
    }
    if head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { return .compoundFile }
    return nil
  }

  /// Whether a file starts like a workbook (its content decides, not its name).
  ///
  /// - Parameter url: the file.
  /// - Returns: the signature, or `nil` when the file is not a workbook or cannot be read (the
  ///   reader that follows reports that).
  /// - Complexity: O(1): reads eight bytes.
  public static func signature(ofFileAt url: URL) -> Signature? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard let head = try? handle.read(upToCount: 8) else { return nil }
    return signature(of: head)
  }

  /// Reads incidents from a sheet of a workbook file.
  ///
  /// - Parameters:
  ///   - url: the `.xlsx` file.
  ///   - sheet: the sheet's name; `nil` for the first sheet of the workbook.
  ///   - mapping: where each field comes from (default: the canonical schema).
  ///   - mode: strict (throw at the first invalid row) or lenient (report it).
  ///   - today: the day against which future dates are rejected.
  ///   - rejectedRowNames: what a rejected row's text shows of a `person_name` column.
  ///   - limits: caps for the ZIP container.
  /// - Returns: the dataset and the import report.
  /// - Throws: ``ImportError``: ``ImportError/Kind/unreadable(_:)`` naming the file for a file
  ///   that cannot be read or a damaged, hostile or encrypted workbook, or a sheet that does not
  ///   exist; a header or (in strict mode) row error as ``IncidentCSV`` gives.
  /// - Complexity: O(*n*) in the size of the inflated sheet.
  public static func read(
    contentsOf url: URL, sheet: String? = nil, mapping: ColumnMapping = .canonical,
    mode: ImportMode = .strict, today: CalendarDay = .today,
    rejectedRowNames: PersonNamePolicy = .redact, limits: ZipArchive.Limits = ZipArchive.Limits()
  ) throws(ImportError) -> ImportResult {
    try ImportError.checkReadableFile(url)
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: url, options: .mappedIfSafe))
    } catch {
      throw ImportError(.unreadable("\(url.path): the file cannot be read"))
    }
    return try read(
      bytes: bytes, named: url.path, sheet: sheet, mapping: mapping, mode: mode, today: today,
      rejectedRowNames: rejectedRowNames, limits: limits)
  }

  /// Reads incidents from a sheet of a workbook held in memory.
  ///
  /// - Parameters:
  ///   - bytes: the whole `.xlsx` file.
  ///   - sheet: the sheet's name; `nil` for the first sheet.
  ///   - mapping: where each field comes from.
  ///   - mode: strict or lenient.
  ///   - today: the day against which future dates are rejected.
  ///   - rejectedRowNames: what a rejected row's text shows of a `person_name` column.
  ///   - limits: caps for the ZIP container.
  /// - Returns: the dataset and the import report.
  /// - Throws: ``ImportError``, as
  ///   ``read(contentsOf:sheet:mapping:mode:today:rejectedRowNames:limits:)`` (messages do not
  ///   name a file).
  /// - Complexity: O(*n*) in the size of the inflated sheet.
  public static func read(
    bytes: [UInt8], sheet: String? = nil, mapping: ColumnMapping = .canonical,
    mode: ImportMode = .strict, today: CalendarDay = .today,
    rejectedRowNames: PersonNamePolicy = .redact, limits: ZipArchive.Limits = ZipArchive.Limits()
  ) throws(ImportError) -> ImportResult {
    try read(
      bytes: bytes, named: nil, sheet: sheet, mapping: mapping, mode: mode, today: today,
      rejectedRowNames: rejectedRowNames, limits: limits)
  }

  /// The cells of the chosen sheet, or an `unreadable` error saying what to do.
  static func sheetRows(
    bytes: [UInt8], named name: String?, sheet: String?, limits: ZipArchive.Limits
  ) throws(ImportError) -> [[WorkbookCell]] {
    func failure(_ message: String) -> ImportError {
      ImportError(.unreadable(name.map { "\($0): \(message)" } ?? message))
    }
    if signature(of: bytes) == .compoundFile { throw failure(compoundFileMessage) }
    do throws(WorkbookError) {
      let workbook = try Workbook(bytes: bytes, limits: limits)
      if let sheet {
        return try workbook.rows(ofSheetNamed: sheet)
      }
      guard let first = workbook.sheets.first else {
        throw WorkbookError(.missingPart, message: "the workbook lists no sheet")
      }
      return try workbook.rows(of: first)
    } catch {
      throw failure(advice(for: error))
    }
  }

  /// A workbook error as a sentence with what to do.
  static func advice(for error: WorkbookError) -> String {
    if error.zipError?.reason == .compoundFile { return compoundFileMessage }
    let limit: Set<ZipError.Reason> = [
      .tooManyEntries, .entryTooLarge, .archiveTooLarge, .compressionRatioTooHigh,
    ]
    if let zip = error.zipError, limit.contains(zip.reason) {
      return "\(error.description); the workbook exceeds the reader's limits (a compression "
        + "bomb or an unusually large file): check where it came from, or export the sheet as CSV"
    }
    switch error.reason {
    case .sheetNotFound:
      return "\(error.description); name one of them with --sheet"
    case .sheetTooLarge, .invalidCell:
      return "\(error.description); the sheet lies beyond Excel's own limits: check where the "
        + "file came from, or export the sheet as CSV"
    case .entityDeclaration:
      return "\(error.description); workbooks written by Excel never declare entities: re-save "
        + "the file in Excel, or export the sheet as CSV"
    default:
      if error.zipError?.reason == .notAnArchive {
        return "\(error.description); it is not an .xlsx workbook: export the sheet as CSV"
      }
      return "\(error.description); the workbook is damaged or not a valid .xlsx file: open "
        + "and re-save it in Excel, or export the sheet as CSV"
    }
  }

  static func read(
    bytes: [UInt8], named name: String?, sheet: String?, mapping: ColumnMapping,
    mode: ImportMode, today: CalendarDay, rejectedRowNames: PersonNamePolicy,
    limits: ZipArchive.Limits
  ) throws(ImportError) -> ImportResult {
    let rows = try sheetRows(bytes: bytes, named: name, sheet: sheet, limits: limits)
    return try WorkbookRecords(rows: rows).validate(
      mapping: mapping, mode: mode, today: today, rejectedRowNames: rejectedRowNames)
  }

  /// The letters of a 1-based column number: 1 is `A`, 27 is `AA`, 16,384 is `XFD`.
  ///
  /// ```swift
  /// IncidentWorkbook.columnLetters(3)   // "C"
  /// ```
  ///
  /// - Parameter column: the column number, 1 or more.
  /// - Returns: the letters (empty for a number below 1).
  /// - Complexity: O(log *n*).
  public static func columnLetters(_ column: Int) -> String {
    var n = column
    var letters: [Character] = []
    while n > 0 {
      let digit = (n - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
      n = (n - 1) / 26
    }
    return String(letters.reversed())
  }

  /// An import error of a workbook, placed as a spreadsheet user sees it: `row 7, column C
  /// (host), record E3: <reason>`.
  ///
  /// ```swift
  /// print(IncidentWorkbook.describe(row.error))
  /// ```
  ///
  /// - Parameter error: an error from ``read(contentsOf:sheet:mapping:mode:today:rejectedRowNames:limits:)``.
  /// - Returns: the sentence.
  public static func describe(_ error: ImportError) -> String {
    var place: [String] = []
    if let line = error.line { place.append("row \(line)") }
    if let column = error.column {
      place.append("column \(columnLetters(column))" + (error.field.map { " (\($0))" } ?? ""))
    } else if let field = error.field {
      place.append("field \(field)")
    }
    if let recordID = error.recordID { place.append("record \(recordID)") }
    return place.isEmpty ? error.reason : place.joined(separator: ", ") + ": " + error.reason
  }
}
