/// Why a date written as text cannot be read.
///
/// Thrown by ``IncidentDate/init(parsing:order:)``. Every case keeps the text it concerns, and
/// ``description`` says in plain English what is wrong and how to write the date instead.
///
/// ```swift
/// do {
///   _ = try IncidentDate(parsing: "09/07/2015")
/// } catch {
///   print(error)
///   // '09/07/2015' is a numeric date, and the order of its day and month is not declared: ...
/// }
/// ```
public enum DateTextError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text is empty or only spaces.
  case empty
  /// The text is not in any date form the reader knows.
  case unrecognized(String)
  /// A word in the text is not an English month name (`"Juli"`, `"mid"`, `"summer"`).
  case notAMonth(text: String, word: String)
  /// The year has two digits (`"09/07/15"`, `"Jul-15"`): the century is not guessed.
  case twoDigitYear(String)
  /// The text has a day and a month but no year (`"9 July"`).
  case noYear(String)
  /// A numeric date with three parts, read without a declared ``DateOrder``.
  case orderNotDeclared(String)
  /// A numeric date whose parts do not fit the declared order (the four-digit year is not where
  /// the order puts it).
  case orderMismatch(text: String, order: DateOrder)
  /// The text is read as a date that does not exist (`"2015-02-30"`, month 13), with why.
  case impossible(text: String, IncidentDateError)

  /// A plain-English explanation that names the text and says what to write instead.
  public var description: String {
    switch self {
    case .empty:
      return "no date is given"
    case .unrecognized(let text):
      var hint = ""
      if text.count == 5, text.allSatisfy(\.isASCII), Int(text) != nil {
        hint = " (it looks like a spreadsheet's day number: format the column as a date)"
      } else if text.count == 8, text.allSatisfy(\.isASCII), Int(text) != nil {
        hint = " (write a compact date with hyphens, such as 2015-07-09)"
      }
      return "'\(text)' is not a date that can be read\(hint); write it as 2015-07-09, 2015-07, "
        + "2015, 9 July 2015, July 9, 2015 or July 2015"
    case .notAMonth(let text, let word):
      return "'\(word)' in '\(text)' is not an English month name (January to December, or "
        + "Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Sept, Oct, Nov, Dec)"
    case .twoDigitYear(let text):
      return "'\(text)' has a two-digit year, and the century is not guessed; write the full year"
    case .noYear(let text):
      return "'\(text)' has no year; write the full year, such as 9 July 2015"
    case .orderNotDeclared(let text):
      return "'\(text)' is a numeric date, and the order of its day and month is not declared: "
        + "pass --date-order dmy, mdy or ymd (the order is never guessed from the data, "
        + "not even when a number is over 12), or write the date as 2015-07-09"
    case .orderMismatch(let text, let order):
      return "'\(text)' does not fit --date-order \(order.rawValue): "
        + "the four-digit year is not where that order puts it"
    case .impossible(let text, let error):
      return "'\(text)' is not a real date: \(error)"
    }
  }
}
