/// The value of one cell of a worksheet, typed as the workbook types it.
///
/// Numbers whose cell style has a date format are ``date(_:)``; text from shared strings,
/// inline strings and formula results is ``text(_:)``; Excel errors such as `#N/A` are
/// ``error(_:)`` values, never failures.
///
/// ```swift
/// switch cell {
/// case .number(let x): print(x)
/// case .date(let d): print(d.year, d.month, d.day)
/// case .text(let s): print(s)
/// default: break
/// }
/// ```
public enum WorkbookCell: Hashable, Sendable {
  /// No value (a cell that is absent, or present without a value).
  case empty
  /// A number.
  case number(Double)
  /// Text.
  case text(String)
  /// A boolean (`t="b"`).
  case boolean(Bool)
  /// An Excel error value, such as `#N/A` or `#DIV/0!` (`t="e"`).
  case error(String)
  /// A number shown with a date format, converted to a calendar day.
  case date(WorkbookDate)
}

/// A calendar day from a date-formatted cell, with the serial number it came from.
///
/// Excel stores dates as serial numbers: days since 31 December 1899 in the 1900 date system
/// (which counts a 29 February 1900 that never was, for compatibility with Lotus 1-2-3), or
/// since 1 January 1904 in the 1904 system (`date1904`). The day is the integer part of the
/// serial; a time of day is dropped. Serial 60 of the 1900 system is the phantom day and reads
/// as year 1900, month 2, day 29 with ``isPhantomLeapDay`` set.
///
/// ```swift
/// WorkbookDate(serial: 45000, uses1904: false)  // 2023-03-15
/// ```
public struct WorkbookDate: Hashable, Sendable, CustomStringConvertible {
  /// The year.
  public let year: Int
  /// The month, 1–12.
  public let month: Int
  /// The day of the month, 1–31.
  public let day: Int
  /// The serial number the cell holds.
  public let serial: Double
  /// Whether this is serial 60 of the 1900 system: 29 February 1900, a day that does not exist.
  public var isPhantomLeapDay: Bool { year == 1900 && month == 2 && day == 29 }

  /// The day for a serial number, or `nil` when the serial is negative, not finite or past
  /// 9999-12-31 (Excel shows such cells as `####`).
  ///
  /// - Parameters:
  ///   - serial: the cell's number.
  ///   - uses1904: whether the workbook uses the 1904 date system.
  public init?(serial: Double, uses1904: Bool) {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    let whole = Int(serial.rounded(.down))
    let daysSince1970: Int
    if uses1904 {
      daysSince1970 = whole - 24_107  // 1904-01-01 is day -24107 of the Unix epoch
    } else if whole == 60 {
      (year, month, day, self.serial) = (1900, 2, 29, serial)
      return
    } else if whole < 60 {
      guard whole >= 1 else { return nil }  // serial 0 is "1900-01-00"
      daysSince1970 = whole - 25_568
    } else {
      daysSince1970 = whole - 25_569  // 1899-12-30 + serial, past the phantom day
    }
    (year, month, day) = WorkbookDate.civil(fromDays: daysSince1970)
    self.serial = serial
  }

  /// The date as `YYYY-MM-DD`.
  public var description: String {
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`,
  /// <https://howardhinnant.github.io/date_algorithms.html>).
  static func civil(fromDays z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
