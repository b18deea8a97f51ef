/// A cell of a count table of aggregates: the sum of the aggregate rows' counts.
///
/// It is a number like an incident count's `Int`, but a type of its own, with
/// ``CountMeasure/aggregates`` as its measure: a `CountTable<AggregateCount>` cannot be merged
/// with, compared with or decoded as a `CountTable<Int>` of incident records, and its JSON says
/// `"measure": "aggregates"`. The cells' JSON is the incidents' (`"value": N`).
///
/// ```swift
/// let cell: AggregateCount = 272
/// cell.value   // 272
/// ```
public struct AggregateCount: Hashable, Sendable, Codable, Comparable, ExpressibleByIntegerLiteral,
  CustomStringConvertible
{
  /// The summed count.
  public var value: Int

  /// A cell holding `value`.
  ///
  /// - Parameter value: the count, 0 or more.
  public init(_ value: Int) { self.value = value }

  /// A cell from an integer literal.
  ///
  /// - Parameter value: the count.
  public init(integerLiteral value: Int) { self.value = value }

  /// Decodes a bare whole number.
  ///
  /// - Throws: `DecodingError` when the value is not a whole number.
  public init(from decoder: any Decoder) throws {
    value = try decoder.singleValueContainer().decode(Int.self)
  }

  /// Encodes the bare whole number.
  ///
  /// - Throws: The encoder's errors.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }

  /// The count as text.
  public var description: String { String(value) }

  /// Orders by count.
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
  /// The empty cell.
  public static var zero: Self { 0 }
  /// The sum of two cells.
  public static func + (lhs: Self, rhs: Self) -> Self { Self(lhs.value + rhs.value) }
  /// The difference of two cells.
  public static func - (lhs: Self, rhs: Self) -> Self { Self(lhs.value - rhs.value) }
}

extension AggregateCount: CountTableValue {
  /// ``CountMeasure/aggregates``.
  public static var measure: CountMeasure { .aggregates }

  /// The count itself.
  ///
  /// - Parameter value: a cell.
  /// - Returns: its count.
  public static func tally(of value: AggregateCount) -> Int { value.value }

  /// `[("value", count)]`, as an incident cell.
  ///
  /// - Parameter value: a cell.
  /// - Returns: its one JSON field.
  public static func jsonFields(of value: AggregateCount) -> [(name: String, number: Int)] {
    [("value", value.value)]
  }

  /// The cell of a JSON `value`, or `nil` when it is missing or negative.
  ///
  /// - Parameter fields: the numbers of a cell's JSON object.
  /// - Returns: the cell.
  public static func value(jsonFields fields: [String: Int]) -> AggregateCount? {
    guard let value = fields["value"], value >= 0 else { return nil }
    return AggregateCount(value)
  }
}

extension AggregateTable {
  /// Sums the rows' counts by the given dimensions into a labelled count table.
  ///
  /// The table has the same labels, operations and JSON as an incident count
  /// (`{"cells": [{"origin": "CN", "category": "detention", "value": 3}, …], "total": N}`),
  /// with `"measure": "aggregates"`. Each row adds its count to one cell, so the cells sum to
  /// ``CountTable/total``.
  ///
  /// Only what the rows say can be a dimension: `origin`, `host`, `region` (of the host),
  /// `category`, `mode`; `year` when every row covers one year; `phase` when every row's period
  /// lies in one phase. Anything else is an error naming the dimension and a row, never a
  /// silent zero: aggregates carry no ethnic group, and a count over 2014–2024 cannot be split
  /// by year.
  ///
  /// ```swift
  /// let table = try AggregateCSV.read(contentsOf: url).table
  /// let byOrigin = try table.count(by: [.origin, .category])
  /// byOrigin.total == table.totalCount   // true
  /// ```
  ///
  /// - Parameters:
  ///   - dimensions: the dimensions, without repeats.
  ///   - categories: keep only rows of these categories (`nil`: every row).
  ///   - periodization: the phases for ``CountDimension/phase``.
  /// - Returns: the table; its total is the sum of the kept rows' counts.
  /// - Throws: ``CountTableError`` (kind ``CountTableError/Kind/invalidValue(_:)``) for a
  ///   dimension the rows cannot answer, or a repeated dimension.
  /// - Complexity: O(*n* · *d*) for *n* rows and *d* dimensions.
  public func count(
    by dimensions: [CountDimension], categories: Set<IncidentCategory>? = nil,
    periodization: Periodization = .greatWallOfSteel
  ) throws(CountTableError) -> CountTable<AggregateCount> {
    for (index, dimension) in dimensions.enumerated() where dimensions[..<index].contains(dimension) {
      throw CountTableError(.duplicateDimension(dimension))
    }
    if dimensions.contains(.ethnicGroup) {
      throw CountTableError(
        .invalidValue(
          "aggregate tables cannot be counted by ethnic_group: their rows name no ethnic group"))
    }
    var cells: [[DimensionValue]: AggregateCount] = [:]
    var total = 0
    for (index, record) in records.enumerated() {
      if let categories, !categories.contains(record.kind.category) { continue }
      var labels: [DimensionValue] = []
      labels.reserveCapacity(dimensions.count)
      for dimension in dimensions {
        switch dimension {
        case .origin: labels.append(.country(record.origin))
        case .host: labels.append(.country(record.host))
        case .region: labels.append(.region(record.host.region))
        case .category: labels.append(.category(record.kind.category))
        case .mode: labels.append(.mode(record.kind.mode))
        case .year:
          guard record.period.isSingleYear else {
            throw CountTableError(
              .invalidValue(
                "aggregate row \(index + 1) (\(record.origin.alpha2) in \(record.host.alpha2)) "
                  + "covers \(record.period), which a table by year cannot split: count by "
                  + "origin, host, region, category or mode, or by phase"))
          }
          labels.append(.year(record.period.firstYear))
        case .phase:
          let first = periodization.phaseIndex(containing: record.period.firstYear)
          let last = periodization.phaseIndex(containing: record.period.lastYear)
          guard first == last else {
            throw CountTableError(
              .invalidValue(
                "aggregate row \(index + 1) (\(record.origin.alpha2) in \(record.host.alpha2)) "
                  + "covers \(record.period), which spans more than one phase: a table by "
                  + "phase cannot split it"))
          }
          labels.append(.phase(periodization.phase(containing: record.period.firstYear)))
        case .ethnicGroup:
          preconditionFailure("refused above")
        }
      }
      cells[labels, default: .zero] += AggregateCount(record.count)
      total += record.count
    }
    return try CountTable(dimensions: dimensions, cells: cells, total: AggregateCount(total))
  }
}
