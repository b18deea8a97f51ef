/// What one cell of a ``CountTable`` holds: `Int` when counting incidents, ``PersonsCell`` when
/// counting persons.
///
/// The library's counts produce only these two types; conforming another type is not supported.
/// The requirements are what generic table code needs: the measure, one number to rank and share
/// by, and the numbers JSON writes.
///
/// ```swift
/// func largest<Value: CountTableValue>(_ table: CountTable<Value>) -> Int {
///   table.rows.map { Value.tally(of: $0.value) }.max() ?? 0
/// }
/// ```
public protocol CountTableValue: AdditiveArithmetic, Hashable, Sendable, Codable {
  /// The measure this type counts.
  static var measure: CountMeasure { get }

  /// The number that ranks cells (``CountTable/top(_:)``) and divides in
  /// ``CountTable/shares()``: the count itself, or a ``PersonsCell``'s ``PersonsCell/knownSum``.
  ///
  /// - Parameter value: A cell's value.
  /// - Returns: Its headline number.
  static func tally(of value: Self) -> Int

  /// The numbers JSON writes for a cell, the first under `"value"`.
  ///
  /// - Parameter value: A cell's value.
  /// - Returns: `[("value", n)]` for `Int`; value, exact, at_least, about, up_to and unknown for
  ///   ``PersonsCell``.
  static func jsonFields(of value: Self) -> [(name: String, number: Int)]

  /// Rebuilds a value from the numbers JSON wrote.
  ///
  /// - Parameter fields: The numbers by name.
  /// - Returns: The value, or `nil` when a field is missing or negative.
  static func value(jsonFields fields: [String: Int]) -> Self?
}

extension Int: CountTableValue {
  /// ``CountMeasure/incidents``.
  public static var measure: CountMeasure { .incidents }

  /// The count itself.
  ///
  /// - Parameter value: A count.
  /// - Returns: `value`.
  public static func tally(of value: Int) -> Int { value }

  /// `[("value", value)]`.
  ///
  /// - Parameter value: A count.
  /// - Returns: One field.
  public static func jsonFields(of value: Int) -> [(name: String, number: Int)] {
    [("value", value)]
  }

  /// The `"value"` field, when present and not negative.
  ///
  /// - Parameter fields: The numbers by name.
  /// - Returns: The count, or `nil`.
  public static func value(jsonFields fields: [String: Int]) -> Int? {
    guard let value = fields["value"], value >= 0 else { return nil }
    return value
  }
}

extension PersonsCell: CountTableValue {
  /// ``CountMeasure/persons``.
  public static var measure: CountMeasure { .persons }

  /// The ``knownSum``.
  ///
  /// - Parameter value: A cell.
  /// - Returns: Its known sum.
  public static func tally(of value: PersonsCell) -> Int { value.knownSum }

  /// `value` (the known sum), `exact`, `at_least`, `about`, `up_to` and `unknown` (record counts).
  ///
  /// - Parameter value: A cell.
  /// - Returns: Six fields.
  public static func jsonFields(of value: PersonsCell) -> [(name: String, number: Int)] {
    [
      ("value", value.knownSum), ("exact", value.exactRecords),
      ("at_least", value.atLeastRecords), ("about", value.aboutRecords),
      ("up_to", value.upToRecords), ("unknown", value.unknownRecords),
    ]
  }

  /// Rebuilds a cell from its six fields.
  ///
  /// - Parameter fields: The numbers by name.
  /// - Returns: The cell, or `nil` when a field is missing or negative.
  public static func value(jsonFields fields: [String: Int]) -> PersonsCell? {
    let names = ["value", "exact", "at_least", "about", "up_to", "unknown"]
    let numbers = names.compactMap { fields[$0] }
    guard numbers.count == names.count, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
    return PersonsCell(
      knownSum: numbers[0], exactRecords: numbers[1], atLeastRecords: numbers[2],
      aboutRecords: numbers[3], upToRecords: numbers[4], unknownRecords: numbers[5])
  }
}
