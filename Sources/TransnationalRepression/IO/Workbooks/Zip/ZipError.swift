/// Why a ZIP archive, or one of its entries, could not be read.
///
/// ``ZipArchive`` throws this for a damaged, truncated or hostile archive. The error names the
/// entry when one is at fault (``entry``), says what is wrong in a plain sentence
/// (``description``), and carries a stable ``reason`` for code to test.
///
/// ```swift
/// do {
///   let archive = try ZipArchive(bytes: bytes)
///   let sheet = try archive.data(for: "xl/worksheets/sheet1.xml")
/// } catch {
///   print(error)  // e.g. "xl/worksheets/sheet1.xml: the data does not match its CRC-32 ..."
///   if error.reason == .crcMismatch { ... }
/// }
/// ```
public struct ZipError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong. New reasons may be added; compare with the static members.
  ///
  /// ```swift
  /// if error.reason == .encryptedEntry { print("password-protected") }
  /// ```
  public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// A stable name for the reason, such as `"crcMismatch"`.
    public let rawValue: String

    /// A reason with a stable name.
    ///
    /// - Parameter rawValue: the name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The stable name.
    public var description: String { rawValue }

    /// The bytes are not a ZIP archive (no end-of-central-directory record and no ZIP
    /// signature at the start).
    public static let notAnArchive = Reason(rawValue: "notAnArchive")
    /// The bytes are an OLE compound file: a password-protected (encrypted) Office document or
    /// a legacy `.xls` workbook, not a ZIP archive.
    public static let compoundFile = Reason(rawValue: "compoundFile")
    /// The archive starts like a ZIP archive but its end is missing.
    public static let truncated = Reason(rawValue: "truncated")
    /// The central directory is damaged or inconsistent with the end record.
    public static let invalidCentralDirectory = Reason(rawValue: "invalidCentralDirectory")
    /// The archive spans several disks (split archives are not read).
    public static let multipleDisks = Reason(rawValue: "multipleDisks")
    /// An offset or size points outside the archive or into the central directory.
    public static let offsetOutOfRange = Reason(rawValue: "offsetOutOfRange")
    /// An entry's local header is missing or disagrees with the central directory.
    public static let invalidLocalHeader = Reason(rawValue: "invalidLocalHeader")
    /// Two entries' data overlap (the trick of "overlapping" ZIP bombs).
    public static let overlappingEntries = Reason(rawValue: "overlappingEntries")
    /// An entry's name contains a NUL byte or is empty.
    public static let invalidName = Reason(rawValue: "invalidName")
    /// Two entries have the same name.
    public static let duplicateName = Reason(rawValue: "duplicateName")
    /// The archive has more entries than ``ZipArchive/Limits/maxEntries``.
    public static let tooManyEntries = Reason(rawValue: "tooManyEntries")
    /// An entry is larger than ``ZipArchive/Limits/maxEntrySize``.
    public static let entryTooLarge = Reason(rawValue: "entryTooLarge")
    /// The entries together are larger than ``ZipArchive/Limits/maxTotalSize``.
    public static let archiveTooLarge = Reason(rawValue: "archiveTooLarge")
    /// An entry's declared size is more than ``ZipArchive/Limits/maxCompressionRatio`` times
    /// its compressed size: a decompression bomb.
    public static let compressionRatioTooHigh = Reason(rawValue: "compressionRatioTooHigh")
    /// An entry is encrypted.
    public static let encryptedEntry = Reason(rawValue: "encryptedEntry")
    /// An entry uses a compression method other than stored (0) or DEFLATE (8).
    public static let unsupportedMethod = Reason(rawValue: "unsupportedMethod")
    /// An entry's compressed data is damaged (see ``ZipError/inflateError``).
    public static let corruptData = Reason(rawValue: "corruptData")
    /// An entry's data is not the size its header declares.
    public static let sizeMismatch = Reason(rawValue: "sizeMismatch")
    /// An entry's data does not match its CRC-32.
    public static let crcMismatch = Reason(rawValue: "crcMismatch")
    /// No entry has the name asked for.
    public static let entryNotFound = Reason(rawValue: "entryNotFound")
  }

  /// What is wrong.
  public let reason: Reason
  /// The name of the entry at fault, or `nil` when the archive as a whole is.
  public let entry: String?
  /// A plain sentence saying what is wrong and, where it helps, what to do.
  public let message: String
  /// The DEFLATE error behind a ``Reason/corruptData`` error.
  public let inflateError: InflateError?

  /// An error with a reason, the entry at fault and a message.
  ///
  /// - Parameters:
  ///   - reason: what is wrong.
  ///   - entry: the entry's name, or `nil` for the whole archive.
  ///   - message: a plain sentence.
  ///   - inflateError: the DEFLATE error behind it, if any.
  public init(
    _ reason: Reason, entry: String? = nil, message: String, inflateError: InflateError? = nil
  ) {
    self.reason = reason
    self.entry = entry
    self.message = message
    self.inflateError = inflateError
  }

  /// The message, prefixed with the entry's name when an entry is at fault.
  public var description: String {
    if let entry { return "\(entry): \(message)" }
    return message
  }
}
