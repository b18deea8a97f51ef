import Foundation
import TransnationalRepression

/// Turns any error a command meets into one plain sentence naming the file and what to do, never
/// a Foundation dump such as `NSCocoaErrorDomain Code=516`.
enum FailureMessage {
  static func describe(_ error: any Error) -> String {
    if let error = error as? ImportError { return error.description }
    if let error = error as? CocoaError { return cocoa(error) }
    let nsError = error as NSError
    if nsError.domain == NSCocoaErrorDomain { return cocoa(CocoaError(CocoaError.Code(rawValue: nsError.code), userInfo: nsError.userInfo)) }
    if nsError.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(nsError.code)) {
      return "\(POSIXError(code).localizedDescription) (\(path(of: nsError.userInfo) ?? "no file named"))"
    }
    // A library error that describes itself (StatisticsError, CountTableError, …).
    if type(of: error) is any CustomStringConvertible.Type { return String(describing: error) }
    return nsError.localizedDescription
  }

  /// The error of an `--output` file that could not be written, saying why in the same plain
  /// words (a table too large for a workbook sheet, a full disk, …).
  static func cannotWrite(_ output: String, _ error: any Error) -> ImportError {
    ImportError(.unreadable("\(output) cannot be written: \(describe(error))"))
  }

  /// The file an error's user info names.
  static func path(of userInfo: [String: Any]) -> String? {
    (userInfo[NSFilePathErrorKey] as? String) ?? (userInfo[NSURLErrorKey] as? URL)?.path
  }

  static func cocoa(_ error: CocoaError) -> String {
    let file = path(of: error.userInfo).map { "'\($0)'" } ?? "the file"
    switch error.code {
    case .fileWriteFileExists:
      return "cannot create \(file): a file of that name is in the way; choose another path or remove it"
    case .fileNoSuchFile, .fileReadNoSuchFile:
      return "cannot read \(file): there is no such file; check the path"
    case .fileReadNoPermission, .fileWriteNoPermission:
      return "cannot use \(file): permission denied; check its permissions or choose another path"
    case .fileWriteOutOfSpace:
      return "cannot write \(file): the disk is full"
    case .fileWriteInvalidFileName:
      return "cannot write \(file): the name is not valid"
    case .fileReadCorruptFile, .fileReadInapplicableStringEncoding:
      return "cannot read \(file): its contents are not readable text"
    case .fileWriteVolumeReadOnly:
      return "cannot write \(file): the volume is read-only"
    default:
      return "cannot use \(file) (Foundation error \(error.code.rawValue)); check the path and try again"
    }
  }
}
