/// Why a count of people written as text cannot be read.
///
/// Thrown by ``PersonCount/init(parsing:)``. Every case keeps the text, and ``description`` says
/// in plain English what is wrong and what to write instead. A count is never guessed: a range,
/// a vague word or a decimal is an error, not an estimate.
///
/// ```swift
/// do {
///   _ = try PersonCount(parsing: "3-5")
/// } catch {
///   print(error)   // '3-5' is a range, not one count: write 'at least 3', 'up to 5' or ...
/// }
/// ```
public enum PersonCountTextError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text is not a count in any form the reader knows (`"many"`, `"12a"`, `"a family"`).
  case unrecognized(String)
  /// The text is a range or a choice of numbers (`"3-5"`, `"3 to 5"`, `"about 4 or 5"`).
  case range(String)
  /// The number is not whole, or has a decimal point or comma (`"4.5"`, `"1,5"`), or a comma
  /// that is not a thousands separator (`"1,00"`).
  case notWholeNumber(String)
  /// The number uses a separator that could be a thousands separator or a decimal point
  /// (`"1.000"`, `"1 000"`).
  case ambiguousSeparator(String)
  /// The number is negative.
  case negative(String)
  /// The number is too large to store.
  case tooLarge(String)
  /// An upper bound below one person, such as `"fewer than 0"`.
  case nothingBelow(String)

  /// A plain-English explanation that names the text and says what to write instead.
  public var description: String {
    let forms =
      "write a whole number (5), optionally with 'at least', 'more than', 'about', 'up to' "
      + "(or 5+, ~60), or 'unknown'"
    switch self {
    case .unrecognized(let text):
      return "'\(text)' is not a count of people; \(forms)"
    case .range(let text):
      return "'\(text)' is a range, not one count: write 'at least' the smaller number, "
        + "'up to' the larger or 'about' one number; a range is never averaged"
    case .notWholeNumber(let text):
      return "'\(text)' is not a whole number of people (a decimal point or comma, or a "
        + "thousands separator not followed by three digits)"
    case .ambiguousSeparator(let text):
      return "'\(text)' could be a number with a thousands separator or a decimal one; "
        + "write it without separators (1000) or with commas (1,000)"
    case .negative(let text):
      return "'\(text)' is negative; a count of people cannot be"
    case .tooLarge(let text):
      return "'\(text)' is too large to be a count of people"
    case .nothingBelow(let text):
      return "'\(text)' leaves no possible count of people"
    }
  }
}
