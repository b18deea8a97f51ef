/// The time an aggregate count covers: one calendar year or an inclusive range of years.
///
/// Published tables give counts per year ("2023: 125 incidents") or over a span ("2014–2024:
/// 1,219 incidents"). A period of one year is always ``year(_:)``: ``init(first:last:)`` never
/// makes `.years(2020...2020)`, so equal periods compare equal however they were written.
///
/// ```swift
/// let span = try AggregatePeriod(first: 2014, last: 2024)   // .years(2014...2024)
/// span.firstYear                                            // 2014
/// AggregatePeriod.year(2023).lastYear                       // 2023
/// ```
public enum AggregatePeriod: Hashable, Sendable, CustomStringConvertible {
  /// One calendar year.
  case year(Int)
  /// An inclusive range of calendar years, first before last.
  case years(ClosedRange<Int>)

  /// The years that the canonical aggregate CSV accepts (as the incident schema's `year`).
  public static let validYears: ClosedRange<Int> = 1900...2100

  /// A period from its first and last year: ``year(_:)`` when they are equal.
  ///
  /// - Parameters:
  ///   - first: the first year covered.
  ///   - last: the last year covered.
  /// - Throws: ``AggregateError`` when `last` is before `first` or a year is outside
  ///   ``validYears``.
  public init(first: Int, last: Int) throws(AggregateError) {
    for year in [first, last] where !AggregatePeriod.validYears.contains(year) {
      throw AggregateError("year \(year) is outside 1900–2100")
    }
    guard first <= last else {
      throw AggregateError("the period ends (\(last)) before it starts (\(first))")
    }
    self = first == last ? .year(first) : .years(first...last)
  }

  /// The first year covered.
  public var firstYear: Int {
    switch self {
    case .year(let year): year
    case .years(let range): range.lowerBound
    }
  }

  /// The last year covered.
  public var lastYear: Int {
    switch self {
    case .year(let year): year
    case .years(let range): range.upperBound
    }
  }

  /// Whether the period is a single year (``year(_:)``, or a range of one year).
  public var isSingleYear: Bool { firstYear == lastYear }

  /// `2023` or `2014–2024`.
  public var description: String {
    isSingleYear ? String(firstYear) : "\(firstYear)–\(lastYear)"
  }
}

/// Why an aggregate value cannot be made or counted: a plain sentence.
///
/// ```swift
/// do { _ = try AggregatePeriod(first: 2024, last: 2014) } catch { print(error) }
/// // the period ends (2014) before it starts (2024)
/// ```
public struct AggregateError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The sentence.
  public let message: String

  /// An error with the given sentence.
  ///
  /// - Parameter message: what is wrong.
  public init(_ message: String) { self.message = message }

  /// The sentence.
  public var description: String { message }
}
