/// How exactly the number of people affected is known.
///
/// The raw values are the `persons_qualifier` spellings of the canonical CSV schema.
public enum PersonCountQualifier: String, CaseIterable, Codable, Hashable, Sendable {
  /// The number is exact.
  case exact
  /// At least this many (a lower bound).
  case atLeast = "at_least"
  /// About this many.
  case about
  /// At most this many (an upper bound).
  case upTo = "up_to"
  /// The number is not known; no value is given.
  case unknown
}

/// The number of people an incident affected, with how exactly it is known.
///
/// An event can involve many people, so counts can be by incidents or by persons. An unknown
/// number is never silently taken as 0 or 1: ``value`` is `nil` exactly when the qualifier is
/// ``PersonCountQualifier/unknown``.
///
/// ```swift
/// let count = try PersonCount(62, qualifier: .atLeast)   // validated: throws when negative
/// count.description   // "at least 62"
/// count == .atLeast(62)   // true: the literal forms .exactly, .atLeast, .about, .upTo, .unknown
/// ```
public struct PersonCount: Hashable, Sendable, Codable {
  /// The number of people, or `nil` when unknown.
  public let value: Int?
  /// How exactly the number is known.
  public let qualifier: PersonCountQualifier

  /// Creates a validated count.
  ///
  /// - Parameters:
  ///   - value: a non-negative number, or `nil` when unknown.
  ///   - qualifier: how exactly it is known; `.unknown` exactly when `value` is `nil`.
  /// - Throws: ``PersonCountError``.
  public init(_ value: Int?, qualifier: PersonCountQualifier) throws(PersonCountError) {
    if let value, value < 0 { throw .negative(value) }
    if value == nil, qualifier != .unknown { throw .missingValue(qualifier) }
    if value != nil, qualifier == .unknown { throw .valueWithUnknownQualifier }
    self.value = value
    self.qualifier = qualifier
  }

  /// An exact count.
  ///
  /// - Parameter value: a non-negative number; a negative one is a programming error and traps
  ///   (use ``init(_:qualifier:)`` to validate data).
  public static func exactly(_ value: Int) -> PersonCount {
    precondition(value >= 0, "PersonCount.exactly(\(value)): a count of persons cannot be negative")
    return PersonCount(uncheckedValue: value, qualifier: .exact)
  }

  /// A lower bound: at least `value` people.
  ///
  /// ```swift
  /// PersonCount.atLeast(62).description   // "at least 62"
  /// ```
  ///
  /// - Parameter value: a non-negative number; a negative one is a programming error and traps,
  ///   as for ``exactly(_:)`` (use ``init(_:qualifier:)`` to validate data).
  /// - Returns: The count, qualified ``PersonCountQualifier/atLeast``.
  public static func atLeast(_ value: Int) -> PersonCount {
    precondition(value >= 0, "PersonCount.atLeast(\(value)): a count of persons cannot be negative")
    return PersonCount(uncheckedValue: value, qualifier: .atLeast)
  }

  /// An approximate count: about `value` people.
  ///
  /// ```swift
  /// PersonCount.about(200).description   // "about 200"
  /// ```
  ///
  /// - Parameter value: a non-negative number; a negative one is a programming error and traps,
  ///   as for ``exactly(_:)`` (use ``init(_:qualifier:)`` to validate data).
  /// - Returns: The count, qualified ``PersonCountQualifier/about``.
  public static func about(_ value: Int) -> PersonCount {
    precondition(value >= 0, "PersonCount.about(\(value)): a count of persons cannot be negative")
    return PersonCount(uncheckedValue: value, qualifier: .about)
  }

  /// An upper bound: at most `value` people.
  ///
  /// ```swift
  /// PersonCount.upTo(10).description   // "up to 10"
  /// ```
  ///
  /// - Parameter value: a non-negative number; a negative one is a programming error and traps,
  ///   as for ``exactly(_:)`` (use ``init(_:qualifier:)`` to validate data).
  /// - Returns: The count, qualified ``PersonCountQualifier/upTo``.
  public static func upTo(_ value: Int) -> PersonCount {
    precondition(value >= 0, "PersonCount.upTo(\(value)): a count of persons cannot be negative")
    return PersonCount(uncheckedValue: value, qualifier: .upTo)
  }

  /// An unknown count.
  public static let unknown = PersonCount(uncheckedValue: nil, qualifier: .unknown)

  private init(uncheckedValue: Int?, qualifier: PersonCountQualifier) {
    self.value = uncheckedValue
    self.qualifier = qualifier
  }

  private enum CodingKeys: String, CodingKey { case value, qualifier }

  /// Decodes and validates a count.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when the value and qualifier disagree.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let value = try container.decodeIfPresent(Int.self, forKey: .value)
    let qualifier = try container.decode(PersonCountQualifier.self, forKey: .qualifier)
    do {
      try self.init(value, qualifier: qualifier)
    } catch {
      throw DecodingError.dataCorruptedError(
        forKey: .value, in: container, debugDescription: error.description)
    }
  }

  /// Encodes the value (when known) and the qualifier.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(value, forKey: .value)
    try container.encode(qualifier, forKey: .qualifier)
  }
}

extension PersonCount: CustomStringConvertible {
  /// `"12"`, `"at least 62"`, `"about 200"`, `"up to 10"` or `"unknown"`.
  public var description: String {
    guard let value else { return "unknown" }
    switch qualifier {
    case .exact: return "\(value)"
    case .atLeast: return "at least \(value)"
    case .about: return "about \(value)"
    case .upTo: return "up to \(value)"
    case .unknown: return "unknown"
    }
  }
}

/// Why a ``PersonCount`` is invalid.
public enum PersonCountError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The number is negative.
  case negative(Int)
  /// A qualifier other than `unknown` was given without a number.
  case missingValue(PersonCountQualifier)
  /// A number was given with the qualifier `unknown`.
  case valueWithUnknownQualifier

  /// A human-readable explanation.
  public var description: String {
    switch self {
    case .negative(let value): "the number of persons \(value) is negative"
    case .missingValue(let qualifier):
      "persons qualifier '\(qualifier.rawValue)' needs a number (use 'unknown' when there is none)"
    case .valueWithUnknownQualifier: "a number of persons is given with the qualifier 'unknown'"
    }
  }
}
