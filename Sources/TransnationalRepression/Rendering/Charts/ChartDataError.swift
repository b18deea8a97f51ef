/// Data that a chart cannot draw: years that are not consecutive, or a series whose length
/// does not match the years.
///
/// Thrown by ``StackedTimeSeriesChart/init(title:years:series:valueAxisTitle:yearAxisTitle:note:source:)``.
/// The description names the problem; ``seriesName`` and ``index`` say where it is.
///
/// ```swift
/// do {
///   _ = try StackedTimeSeriesChart(
///     title: "Events", years: [2019, 2021],
///     series: [.init(name: "Detention", values: [1, 2])], valueAxisTitle: "Events")
/// } catch {
///   print(error)  // years must be consecutive: 2021 at index 1 should be 2020
/// }
/// ```
public struct ChartDataError: Error, Hashable, Sendable, CustomStringConvertible {
  enum Reason: Hashable, Sendable {
    case yearsNotConsecutive(index: Int, expected: Int, found: Int)
    case seriesLength(series: String, expected: Int, found: Int)
  }

  let reason: Reason

  init(_ reason: Reason) { self.reason = reason }

  /// The series concerned, when the problem is in one series.
  ///
  /// - Complexity: O(1).
  public var seriesName: String? {
    if case .seriesLength(let series, _, _) = reason { return series }
    return nil
  }

  /// The position of the offending year, when the years are not consecutive.
  ///
  /// - Complexity: O(1).
  public var index: Int? {
    if case .yearsNotConsecutive(let index, _, _) = reason { return index }
    return nil
  }

  /// A one-line account of the problem.
  ///
  /// - Complexity: O(1).
  public var description: String {
    switch reason {
    case .yearsNotConsecutive(let index, let expected, let found):
      return "years must be consecutive: \(found) at index \(index) should be \(expected)"
    case .seriesLength(let series, let expected, let found):
      return "series \"\(series)\" has \(found) values for \(expected) years"
    }
  }
}
