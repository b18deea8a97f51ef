/// The persons of a group of incidents, counted honestly: the sum of the numbers the sources give
/// and how many records gave each kind of number.
///
/// Sources often say "at least 62", "about 200", "up to 10" or nothing at all. A `PersonsCell`
/// adds the printed numbers into ``knownSum`` and counts the records by qualifier, so a reader
/// sees both the sum and how much of it is uncertain. An unknown count is never taken as 0 or
/// 1: it adds nothing to the sum and one to ``unknownRecords``.
///
/// ```swift
/// let table = try IncidentDataset.documentedSample.countPersons(by: [.category])
/// let returned = table[.category(.extradition)]
/// returned.knownSum         // 297
/// returned.exactRecords     // 24
/// returned.atLeastRecords   // 3
/// returned.upToRecords      // 1
/// returned.isLowerBound     // false: an "up to" record may have counted fewer people
/// ```
///
/// ## What the sum means
///
/// - Exact and at-least records make ``knownSum`` a lower bound on their persons.
/// - About records are estimates either way; up-to records may have fewer persons than printed.
/// - Unknown records add an unknown number of persons.
///
/// So ``knownSum`` is a lower bound on the true total exactly when no record is "about" or "up to"
/// (``isLowerBound``), and it is the total exactly when every record is exact (``isExact``).
public struct PersonsCell: Hashable, Sendable, Codable {
  /// The sum of the numbers given (0 for unknown counts).
  public var knownSum: Int
  /// Records whose number is exact.
  public var exactRecords: Int
  /// Records whose number is a lower bound ("at least").
  public var atLeastRecords: Int
  /// Records whose number is an estimate ("about").
  public var aboutRecords: Int
  /// Records whose number is an upper bound ("up to").
  public var upToRecords: Int
  /// Records with no number.
  public var unknownRecords: Int

  /// Creates a cell.
  ///
  /// ```swift
  /// let cell = PersonsCell(knownSum: 14, exactRecords: 1)
  /// ```
  ///
  /// - Parameters:
  ///   - knownSum: The sum of the numbers given.
  ///   - exactRecords: Records with exact numbers.
  ///   - atLeastRecords: Records with lower bounds.
  ///   - aboutRecords: Records with estimates.
  ///   - upToRecords: Records with upper bounds.
  ///   - unknownRecords: Records with no number.
  /// - Complexity: O(1).
  public init(
    knownSum: Int = 0, exactRecords: Int = 0, atLeastRecords: Int = 0, aboutRecords: Int = 0,
    upToRecords: Int = 0, unknownRecords: Int = 0
  ) {
    self.knownSum = knownSum
    self.exactRecords = exactRecords
    self.atLeastRecords = atLeastRecords
    self.aboutRecords = aboutRecords
    self.upToRecords = upToRecords
    self.unknownRecords = unknownRecords
  }

  /// The cell of one record.
  ///
  /// ```swift
  /// PersonsCell(try PersonCount(62, qualifier: .atLeast))   // knownSum 62, atLeastRecords 1
  /// PersonsCell(.unknown)                                   // knownSum 0, unknownRecords 1
  /// ```
  ///
  /// - Parameter count: The record's persons.
  /// - Complexity: O(1).
  public init(_ count: PersonCount) {
    self.init()
    knownSum = count.value ?? 0
    self[records: count.qualifier] = 1
  }

  /// The number of records with a qualifier.
  ///
  /// ```swift
  /// cell[records: .unknown]
  /// ```
  ///
  /// - Parameter qualifier: The qualifier.
  /// - Returns: How many records carry it.
  /// - Complexity: O(1).
  public subscript(records qualifier: PersonCountQualifier) -> Int {
    get {
      switch qualifier {
      case .exact: exactRecords
      case .atLeast: atLeastRecords
      case .about: aboutRecords
      case .upTo: upToRecords
      case .unknown: unknownRecords
      }
    }
    set {
      switch qualifier {
      case .exact: exactRecords = newValue
      case .atLeast: atLeastRecords = newValue
      case .about: aboutRecords = newValue
      case .upTo: upToRecords = newValue
      case .unknown: unknownRecords = newValue
      }
    }
  }

  /// The number of records (incidents) in the cell.
  ///
  /// - Complexity: O(1).
  public var records: Int {
    exactRecords + atLeastRecords + aboutRecords + upToRecords + unknownRecords
  }

  /// Whether every record's number is exact, so ``knownSum`` is the total.
  ///
  /// - Complexity: O(1).
  public var isExact: Bool { records == exactRecords }

  /// Whether ``knownSum`` is a lower bound on the true total: no record is "about" or "up to".
  ///
  /// - Complexity: O(1).
  public var isLowerBound: Bool { aboutRecords == 0 && upToRecords == 0 }

  private enum CodingKeys: String, CodingKey {
    case knownSum = "known_sum"
    case exactRecords = "exact"
    case atLeastRecords = "at_least"
    case aboutRecords = "about"
    case upToRecords = "up_to"
    case unknownRecords = "unknown"
  }
}

extension PersonsCell: AdditiveArithmetic {
  /// The empty cell.
  public static let zero = PersonsCell()

  /// Adds two cells field by field.
  ///
  /// - Complexity: O(1).
  public static func + (lhs: PersonsCell, rhs: PersonsCell) -> PersonsCell {
    PersonsCell(
      knownSum: lhs.knownSum + rhs.knownSum, exactRecords: lhs.exactRecords + rhs.exactRecords,
      atLeastRecords: lhs.atLeastRecords + rhs.atLeastRecords,
      aboutRecords: lhs.aboutRecords + rhs.aboutRecords,
      upToRecords: lhs.upToRecords + rhs.upToRecords,
      unknownRecords: lhs.unknownRecords + rhs.unknownRecords)
  }

  /// Subtracts two cells field by field (a difference, as reconciliation reports it).
  ///
  /// - Complexity: O(1).
  public static func - (lhs: PersonsCell, rhs: PersonsCell) -> PersonsCell {
    PersonsCell(
      knownSum: lhs.knownSum - rhs.knownSum, exactRecords: lhs.exactRecords - rhs.exactRecords,
      atLeastRecords: lhs.atLeastRecords - rhs.atLeastRecords,
      aboutRecords: lhs.aboutRecords - rhs.aboutRecords,
      upToRecords: lhs.upToRecords - rhs.upToRecords,
      unknownRecords: lhs.unknownRecords - rhs.unknownRecords)
  }
}

extension PersonsCell: CustomStringConvertible {
  /// `"297 (28 records: 24 exact, 3 at least, 1 up to)"`; the qualifiers with no records are
  /// left out.
  public var description: String {
    let parts: [(Int, String)] = [
      (exactRecords, "exact"), (atLeastRecords, "at least"), (aboutRecords, "about"),
      (upToRecords, "up to"), (unknownRecords, "unknown"),
    ]
    let detail = parts.filter { $0.0 != 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    let noun = records == 1 ? "record" : "records"
    return "\(knownSum) (\(records) \(noun)" + (detail.isEmpty ? ")" : ": \(detail))")
  }
}
