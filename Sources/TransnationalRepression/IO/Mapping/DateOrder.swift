/// The order of day, month and year in a file's numeric dates, such as `09/07/2015`.
///
/// A numeric date with three parts cannot be read without knowing the order: `09/07/2015` is
/// 9 July in Britain and 7 September in the United States. The order is declared for the whole
/// file (`--date-order` on the command line) and never guessed, not even from a row whose day is
/// over 12: one such row says nothing certain about the others, which may have been typed by
/// someone else.
///
/// The raw values are the spellings of the `--date-order` option.
///
/// ```swift
/// let date = try IncidentDate(parsing: "09/07/2015", order: .dmy)   // 2015-07-09
/// ```
public enum DateOrder: String, CaseIterable, Codable, Hashable, Sendable {
  /// Day, month, year: `09/07/2015` is 9 July 2015 (most of the world).
  case dmy
  /// Month, day, year: `07/09/2015` is 9 July 2015 (the United States).
  case mdy
  /// Year, month, day: `2015/07/09` is 9 July 2015 (East Asia, and ISO 8601's order).
  case ymd
}
