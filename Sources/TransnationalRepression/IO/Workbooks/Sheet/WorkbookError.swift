/// Why a workbook (`.xlsx`) could not be read.
///
/// ``Workbook`` throws this for a damaged or hostile container (``zipError`` says more), for
/// parts that are missing, for XML that is malformed, nests too deep or declares entities, and
/// for sheets beyond Excel's own row and column limits. The ``description`` names the part at
/// fault and what is wrong, in a plain sentence.
///
/// ```swift
/// do {
///   let workbook = try Workbook(bytes: bytes)
///   let rows = try workbook.rows(of: workbook.sheets[0])
/// } catch {
///   print(error)  // e.g. "xl/worksheets/sheet1.xml: the XML declares a DTD ..."
/// }
/// ```
public struct WorkbookError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong. New reasons may be added; compare with the static members.
  ///
  /// ```swift
  /// if error.reason == .container { print(error.zipError?.reason as Any) }
  /// ```
  public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// A stable name for the reason, such as `"malformedXML"`.
    public let rawValue: String

    /// A reason with a stable name.
    ///
    /// - Parameter rawValue: the name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The stable name.
    public var description: String { rawValue }

    /// The ZIP container is damaged, hostile or not a ZIP archive (see
    /// ``WorkbookError/zipError``).
    public static let container = Reason(rawValue: "container")
    /// A part the workbook needs (the workbook part, a sheet) is missing.
    public static let missingPart = Reason(rawValue: "missingPart")
    /// A part's XML is malformed.
    public static let malformedXML = Reason(rawValue: "malformedXML")
    /// A part's XML declares a DTD or entities (refused: entities are never expanded).
    public static let entityDeclaration = Reason(rawValue: "entityDeclaration")
    /// A part's XML nests deeper than the scanner allows.
    public static let nestingTooDeep = Reason(rawValue: "nestingTooDeep")
    /// A cell reference or position lies beyond Excel's limits (1,048,576 rows, 16,384
    /// columns), or a cell's value is unreadable.
    public static let invalidCell = Reason(rawValue: "invalidCell")
    /// A sheet would lay out far more cells (gaps between cells included) than its XML holds:
    /// a sparse-sheet memory bomb; or, when writing, a table is over Excel's row or column
    /// limit.
    public static let sheetTooLarge = Reason(rawValue: "sheetTooLarge")
    /// No sheet has the name asked for.
    public static let sheetNotFound = Reason(rawValue: "sheetNotFound")
  }

  /// What is wrong.
  public let reason: Reason
  /// The part (path inside the archive) at fault, if one is.
  public let part: String?
  /// A plain sentence saying what is wrong.
  public let message: String
  /// The container error behind a ``Reason/container`` error.
  public let zipError: ZipError?

  /// An error with a reason, the part at fault and a message.
  ///
  /// - Parameters:
  ///   - reason: what is wrong.
  ///   - part: the part's path, or `nil`.
  ///   - message: a plain sentence.
  ///   - zipError: the container error behind it, if any.
  public init(_ reason: Reason, part: String? = nil, message: String, zipError: ZipError? = nil) {
    self.reason = reason
    self.part = part
    self.message = message
    self.zipError = zipError
  }

  init(_ zip: ZipError) {
    self.init(.container, part: zip.entry, message: zip.message, zipError: zip)
  }

  /// The message, prefixed with the part when one is at fault.
  public var description: String {
    if let part { return "\(part): \(message)" }
    return message
  }
}
