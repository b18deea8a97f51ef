/// How precisely an incident's date is known.
///
/// The raw values are the `date_precision` spellings of the canonical CSV schema.
public enum DatePrecision: String, CaseIterable, Codable, Hashable, Sendable {
  /// Year, month and day are known.
  case day
  /// Year and month are known.
  case month
  /// Only the year is known.
  case year
  /// The event date is not given; the year is the year the event was reported.
  case reported
}

/// The date of an incident, as precisely as the source gives it.
///
/// Invariants (checked by ``init(year:month:day:precision:)``): `month` is present exactly when the
/// precision is ``DatePrecision/day`` or ``DatePrecision/month``; `day` exactly when it is
/// ``DatePrecision/day``; the day exists in that month of that year (no 2021-02-30).
///
/// ```swift
/// let date = try IncidentDate(year: 2017, month: 7, day: 3, precision: .day)
/// date.description   // "2017-07-03"
/// ```
public struct IncidentDate: Hashable, Sendable, Codable {
  /// The year (four digits).
  public let year: Int
  /// The month, 1–12, when known.
  public let month: Int?
  /// The day of the month, when known.
  public let day: Int?
  /// How precisely the date is known.
  public let precision: DatePrecision

  /// Creates a validated date.
  ///
  /// - Parameters:
  ///   - year: the year, 1000–9999.
  ///   - month: the month when the precision is `.day` or `.month`, otherwise `nil`.
  ///   - day: the day when the precision is `.day`, otherwise `nil`.
  ///   - precision: how precisely the date is known.
  /// - Throws: ``IncidentDateError`` naming the first broken rule.
  public init(year: Int, month: Int? = nil, day: Int? = nil, precision: DatePrecision) throws(IncidentDateError) {
    guard (1000...9999).contains(year) else { throw .yearOutOfRange(year) }
    if let month, !(1...12).contains(month) { throw .monthOutOfRange(month) }
    if day != nil, month == nil { throw .dayWithoutMonth }
    switch precision {
    case .day:
      guard month != nil else { throw .missingPart(precision: precision, part: "month") }
      guard day != nil else { throw .missingPart(precision: precision, part: "day") }
    case .month:
      guard month != nil else { throw .missingPart(precision: precision, part: "month") }
      guard day == nil else { throw .unexpectedPart(precision: precision, part: "day") }
    case .year, .reported:
      guard month == nil else { throw .unexpectedPart(precision: precision, part: "month") }
    }
    if let month, let day {
      let length = IncidentDate.daysIn(month: month, year: year)
      guard (1...length).contains(day) else {
        throw .dayOutOfRange(year: year, month: month, day: day, daysInMonth: length)
      }
    }
    self.year = year
    self.month = month
    self.day = day
    self.precision = precision
  }

  /// The number of days in a month of the proleptic Gregorian calendar.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Whether the date lies after `today` at its own precision (a month is in the future only when
  /// the whole month is).
  ///
  /// - Parameter today: the reference date as (year, month, day).
  public func isAfter(_ today: (year: Int, month: Int, day: Int)) -> Bool {
    if year != today.year { return year > today.year }
    guard let month else { return false }
    if month != today.month { return month > today.month }
    guard let day else { return false }
    return day > today.day
  }

  /// A sortable key: year × 10,000 + month × 100 + day, with unknown parts as 0.
  public var sortKey: Int { year * 10_000 + (month ?? 0) * 100 + (day ?? 0) }

  private enum CodingKeys: String, CodingKey { case year, month, day, precision }

  /// Decodes and validates a date.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when the parts break an invariant.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let year = try container.decode(Int.self, forKey: .year)
    let month = try container.decodeIfPresent(Int.self, forKey: .month)
    let day = try container.decodeIfPresent(Int.self, forKey: .day)
    let precision = try container.decode(DatePrecision.self, forKey: .precision)
    do {
      try self.init(year: year, month: month, day: day, precision: precision)
    } catch {
      throw DecodingError.dataCorruptedError(
        forKey: .year, in: container, debugDescription: error.description)
    }
  }

  /// Encodes the parts that are known.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(year, forKey: .year)
    try container.encodeIfPresent(month, forKey: .month)
    try container.encodeIfPresent(day, forKey: .day)
    try container.encode(precision, forKey: .precision)
  }
}

extension IncidentDate: CustomStringConvertible {
  /// `2017-07-03`, `2017-07`, `2017`, or `2017 (reported)`.
  public var description: String {
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    switch precision {
    case .day: return "\(year)-\(pad(month!))-\(pad(day!))"
    case .month: return "\(year)-\(pad(month!))"
    case .year: return "\(year)"
    case .reported: return "\(year) (reported)"
    }
  }
}

/// Why an ``IncidentDate`` is impossible.
public enum IncidentDateError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The year is not a four-digit year.
  case yearOutOfRange(Int)
  /// The month is not 1–12.
  case monthOutOfRange(Int)
  /// The day does not exist in that month.
  case dayOutOfRange(year: Int, month: Int, day: Int, daysInMonth: Int)
  /// A day was given without a month.
  case dayWithoutMonth
  /// The precision needs a part that is missing.
  case missingPart(precision: DatePrecision, part: String)
  /// The precision forbids a part that is present.
  case unexpectedPart(precision: DatePrecision, part: String)

  /// A human-readable explanation.
  public var description: String {
    switch self {
    case .yearOutOfRange(let year): "year \(year) is not a four-digit year"
    case .monthOutOfRange(let month): "month \(month) is not between 1 and 12"
    case .dayOutOfRange(let year, let month, let day, let length):
      "day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month) (it has \(length) days)"
    case .dayWithoutMonth: "a day is given without a month"
    case .missingPart(let precision, let part): "date precision '\(precision.rawValue)' needs a \(part)"
    case .unexpectedPart(let precision, let part):
      "date precision '\(precision.rawValue)' must not have a \(part)"
    }
  }
}
