/// An Excel workbook (`.xlsx`, Office Open XML SpreadsheetML) read from memory, with no
/// dependency: the ZIP container through ``ZipArchive``, the XML through a byte-level scanner.
///
/// Opening a workbook reads, in the order calamine does: the package relationships
/// (`_rels/.rels`) to find the workbook part, the workbook's relationships and sheet list
/// (`xl/workbook.xml`: names, order, `date1904`), the shared strings (rich-text runs joined,
/// phonetic runs dropped, entities decoded, `xml:space` honoured) and the styles (which cell
/// formats are date formats). ``rows(of:)`` then reads one sheet's cells.
///
/// Dates: a number is a ``WorkbookCell/date(_:)`` when its cell style's number format is a date
/// format: built-in ids 14–22 and 45–47, or a custom format code with `d`, `m` or `y` outside
/// quotes, brackets and escapes. Both the 1900 system (with its phantom 29 February 1900) and
/// the 1904 system are read (see ``WorkbookDate``).
///
/// Hostile files: the container's limits (``ZipArchive/Limits``) apply; XML that declares a DTD
/// or entities, nests deeper than 256 elements or is malformed is refused; cell references
/// beyond Excel's 1,048,576 rows and 16,384 columns are refused, and so is a sheet that would lay
/// out more than 2^20 cells plus two per byte of its XML (gaps between cells included). Every
/// failure is a ``WorkbookError``.
///
/// ```swift
/// let workbook = try Workbook(bytes: Array(try Data(contentsOf: url)))
/// print(workbook.sheets.map(\.name))
/// for row in try workbook.rows(of: workbook.sheets[0]) { print(row) }
/// ```
public struct Workbook: Sendable {
  /// One sheet of the workbook's sheet list.
  ///
  /// ```swift
  /// let first = workbook.sheets[0]
  /// print(first.name, first.part)
  /// ```
  public struct Sheet: Hashable, Sendable {
    /// The sheet's name, as its tab shows it.
    public let name: String
    /// The path of the sheet's part inside the archive, such as `xl/worksheets/sheet1.xml`.
    public let part: String
    /// The sheet's visibility attribute (`visible`, `hidden` or `veryHidden`).
    public let state: String
  }

  /// Excel's row limit (1,048,576).
  public static let maxRows = 1_048_576
  /// Excel's column limit (16,384, column XFD).
  public static let maxColumns = 16_384

  /// The worksheets, in workbook order.
  public let sheets: [Sheet]
  /// Whether the workbook uses the 1904 date system.
  public let uses1904DateSystem: Bool
  /// The shared strings.
  let sharedStrings: [String]
  /// For each cell style (index `s`), whether its number format is a date format.
  let dateStyles: [Bool]
  let archive: ZipArchive

  /// Opens a workbook held in memory.
  ///
  /// - Parameters:
  ///   - bytes: the whole `.xlsx` file.
  ///   - limits: caps for the ZIP container.
  /// - Throws: ``WorkbookError``: ``WorkbookError/Reason/container`` for a damaged, hostile or
  ///   encrypted file (an encrypted workbook is an OLE compound file, see
  ///   ``ZipError/Reason/compoundFile``), ``WorkbookError/Reason/missingPart`` when there is no
  ///   workbook part, or an XML error.
  /// - Complexity: O(*n*) in the size of the workbook part, shared strings and styles.
  public init(bytes: [UInt8], limits: ZipArchive.Limits = ZipArchive.Limits()) throws(WorkbookError)
  {
    do {
      archive = try ZipArchive(bytes: bytes, limits: limits)
    } catch {
      throw WorkbookError(error)
    }
    var workbookPath = "xl/workbook.xml"
    if archive.entry(named: "_rels/.rels") != nil {
      let rels = try WorkbookParts.relationships(
        try Workbook.part("_rels/.rels", archive), part: "_rels/.rels", base: "")
      if let office = rels.first(where: { $0.type.hasSuffix("/officeDocument") }) {
        workbookPath = office.target
      }
    }
    guard archive.entry(named: workbookPath) != nil else {
      throw WorkbookError(
        .missingPart, part: workbookPath,
        message: "the file has no workbook part; it is not an Excel workbook")
    }
    let slash = workbookPath.lastIndex(of: "/")
    let directory = slash.map { String(workbookPath[...$0]) } ?? ""
    let fileName =
      slash.map { String(workbookPath[workbookPath.index(after: $0)...]) } ?? workbookPath
    let relsPath = directory + "_rels/" + fileName + ".rels"
    var rels: [WorkbookParts.Relationship] = []
    if archive.entry(named: relsPath) != nil {
      rels = try WorkbookParts.relationships(
        try Workbook.part(relsPath, archive), part: relsPath, base: directory)
    }
    let listing = try WorkbookParts.sheetList(
      try Workbook.part(workbookPath, archive), part: workbookPath)
    var sheets: [Sheet] = []
    for entry in listing.sheets {
      guard let target = rels.first(where: { $0.id == entry.relationshipID }) else {
        throw WorkbookError(
          .missingPart, part: workbookPath,
          message: "the sheet \"\(entry.name)\" has no relationship to a part")
      }
      sheets.append(Sheet(name: entry.name, part: target.target, state: entry.state))
    }
    self.sheets = sheets
    self.uses1904DateSystem = listing.uses1904
    if let shared = rels.first(where: { $0.type.hasSuffix("/sharedStrings") }),
      archive.entry(named: shared.target) != nil
    {
      sharedStrings = try WorkbookParts.sharedStrings(
        try Workbook.part(shared.target, archive), part: shared.target)
    } else {
      sharedStrings = []
    }
    if let styles = rels.first(where: { $0.type.hasSuffix("/styles") }),
      archive.entry(named: styles.target) != nil
    {
      dateStyles = try WorkbookParts.dateStyles(
        try Workbook.part(styles.target, archive), part: styles.target)
    } else {
      dateStyles = []
    }
  }

  static func part(_ path: String, _ archive: ZipArchive) throws(WorkbookError) -> [UInt8] {
    do {
      return try archive.data(for: path)
    } catch {
      throw WorkbookError(error)
    }
  }

  /// The sheet with a name, if there is one.
  ///
  /// - Parameter name: the sheet's name (compared exactly).
  /// - Returns: the sheet, or `nil`.
  public func sheet(named name: String) -> Sheet? {
    sheets.first { $0.name == name }
  }

  /// The cells of a sheet, row by row.
  ///
  /// Row *i* of the result is the sheet's row *i* + 1: rows the sheet skips are empty arrays,
  /// and within a row, columns the sheet skips are ``WorkbookCell/empty``. A row ends at its
  /// last cell. Cells with and without `r=` references are both read (a cell without one
  /// follows the previous cell; a row without one follows the previous row).
  ///
  /// ```swift
  /// let rows = try workbook.rows(of: workbook.sheets[0])
  /// let header = rows.first ?? []
  /// ```
  ///
  /// - Parameter sheet: one of ``sheets``.
  /// - Returns: the rows of cells.
  /// - Throws: ``WorkbookError`` when the sheet's part is missing, damaged or malformed, or a
  ///   cell lies beyond Excel's limits.
  /// - Complexity: O(*n*) in the size of the sheet's XML.
  public func rows(of sheet: Sheet) throws(WorkbookError) -> [[WorkbookCell]] {
    guard archive.entry(named: sheet.part) != nil else {
      throw WorkbookError(
        .missingPart, part: sheet.part, message: "the sheet \"\(sheet.name)\" has no part")
    }
    let xml = try Workbook.part(sheet.part, archive)
    return try WorkbookParts.cells(
      xml, part: sheet.part, sharedStrings: sharedStrings, dateStyles: dateStyles,
      uses1904: uses1904DateSystem)
  }

  /// The cells of the sheet with a name.
  ///
  /// - Parameter name: the sheet's name.
  /// - Returns: the rows of cells (see ``rows(of:)``).
  /// - Throws: ``WorkbookError`` with ``WorkbookError/Reason/sheetNotFound`` when no sheet has
  ///   the name, or any error of ``rows(of:)``.
  /// - Complexity: O(*n*) in the size of the sheet's XML.
  public func rows(ofSheetNamed name: String) throws(WorkbookError) -> [[WorkbookCell]] {
    guard let sheet = sheet(named: name) else {
      throw WorkbookError(
        .sheetNotFound,
        message:
          "the workbook has no sheet named \"\(name)\"; its sheets are "
          + sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))
    }
    return try rows(of: sheet)
  }
}
