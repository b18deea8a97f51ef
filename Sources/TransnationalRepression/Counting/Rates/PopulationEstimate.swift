import Foundation

/// A population as a source printed it — a number, a range or a bound — with the bounds it
/// implies.
///
/// Diaspora sizes are rarely known exactly. UHRP's estimates read "297,000", "2,000–3,000" or
/// "fewer than 50"; a rate per capita over such a figure is itself a range
/// (``PerCapitaRate``). Parsing keeps the printed text and reads the bounds:
///
/// | printed | lower bound | upper bound |
/// | --- | --- | --- |
/// | `297,000` | 297,000 | 297,000 |
/// | `2,000–3,000` (en dash or hyphen) | 2,000 | 3,000 |
/// | `fewer than 50` (also `less than`, `under`) | not stated | 50, exclusive |
/// | `more than 1,000` (also `over`) | 1,000, exclusive | none |
/// | `at least 1,000` | 1,000 | none |
/// | `about 500` (also `around`, `approximately`, `some`) | 500 | 500, marked approximate |
///
/// "Fewer than 50" states no lower bound: the population could be 49 or 3. The library does not
/// invent one (not 0, not 1): ``lowerBound`` is `nil`, and a rate over it has a lower bound but no
/// upper bound.
///
/// ```swift
/// let afghanistan = PopulationEstimate(parsing: "2,000–3,000")!
/// afghanistan.lowerBound   // 2000
/// afghanistan.upperBound   // 3000
/// let uae = PopulationEstimate(parsing: "fewer than 50")!
/// uae.lowerBound           // nil: not stated
/// uae.upperBound           // 50 (exclusive)
/// ```
public struct PopulationEstimate: Hashable, Sendable, Codable {
  /// The text as printed.
  public let printedValue: String
  /// The smallest population the text allows, or `nil` when it states none ("fewer than 50").
  public let lowerBound: Int?
  /// The largest population the text allows, or `nil` when it is unbounded ("more than 1,000").
  public let upperBound: Int?
  /// Whether the population is strictly above ``lowerBound`` ("more than").
  public let isLowerBoundExclusive: Bool
  /// Whether the population is strictly below ``upperBound`` ("fewer than").
  public let isUpperBoundExclusive: Bool
  /// Whether the figure is marked as approximate ("about").
  public let isApproximate: Bool

  /// A population known exactly (or printed as a single number).
  ///
  /// ```swift
  /// PopulationEstimate(exactly: 1_500).printedValue   // "1,500"
  /// ```
  ///
  /// - Parameter value: The population, at least 0.
  /// - Complexity: O(1).
  public init(exactly value: Int) {
    self.init(
      printedValue: PopulationEstimate.grouped(value), lowerBound: value, upperBound: value,
      isLowerBoundExclusive: false, isUpperBoundExclusive: false, isApproximate: false)
  }

  /// A population between two values, inclusive.
  ///
  /// ```swift
  /// PopulationEstimate(between: 2_000, and: 3_000).printedValue   // "2,000–3,000"
  /// ```
  ///
  /// - Parameters:
  ///   - low: The lower bound.
  ///   - high: The upper bound, at least `low`.
  /// - Complexity: O(1).
  public init(between low: Int, and high: Int) {
    precondition(low <= high, "the range runs backwards")
    self.init(
      printedValue: PopulationEstimate.grouped(low) + "–" + PopulationEstimate.grouped(high),
      lowerBound: low, upperBound: high, isLowerBoundExclusive: false,
      isUpperBoundExclusive: false, isApproximate: false)
  }

  private init(
    printedValue: String, lowerBound: Int?, upperBound: Int?, isLowerBoundExclusive: Bool,
    isUpperBoundExclusive: Bool, isApproximate: Bool
  ) {
    self.printedValue = printedValue
    self.lowerBound = lowerBound
    self.upperBound = upperBound
    self.isLowerBoundExclusive = isLowerBoundExclusive
    self.isUpperBoundExclusive = isUpperBoundExclusive
    self.isApproximate = isApproximate
  }

  /// Reads a printed population (see the table in ``PopulationEstimate``).
  ///
  /// Thousands separators (`,`) are allowed; case and surrounding spaces are ignored.
  ///
  /// ```swift
  /// PopulationEstimate(parsing: "fewer than 1,000")?.upperBound   // 1000
  /// PopulationEstimate(parsing: "many")                           // nil
  /// ```
  ///
  /// - Parameter text: The printed figure.
  /// - Returns: The estimate, or `nil` when the text is not one of the recognized forms.
  /// - Complexity: O(*m*) for *m* characters.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let lowered = trimmed.lowercased()
    func number(_ part: Substring) -> Int? {
      let digits = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
      guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
      return Int(digits)
    }
    func after(_ prefixes: [String]) -> Int? {
      for prefix in prefixes where lowered.hasPrefix(prefix + " ") {
        return number(lowered.dropFirst(prefix.count + 1))
      }
      return nil
    }
    if let bound = after(["fewer than", "less than", "under"]) {
      self.init(
        printedValue: trimmed, lowerBound: nil, upperBound: bound, isLowerBoundExclusive: false,
        isUpperBoundExclusive: true, isApproximate: false)
    } else if let bound = after(["more than", "over"]) {
      self.init(
        printedValue: trimmed, lowerBound: bound, upperBound: nil, isLowerBoundExclusive: true,
        isUpperBoundExclusive: false, isApproximate: false)
    } else if let bound = after(["at least"]) {
      self.init(
        printedValue: trimmed, lowerBound: bound, upperBound: nil, isLowerBoundExclusive: false,
        isUpperBoundExclusive: false, isApproximate: false)
    } else if let value = after(["about", "around", "approximately", "some"]) {
      self.init(
        printedValue: trimmed, lowerBound: value, upperBound: value, isLowerBoundExclusive: false,
        isUpperBoundExclusive: false, isApproximate: true)
    } else if let dash = lowered.firstIndex(where: { $0 == "–" || $0 == "-" || $0 == "—" }) {
      guard let low = number(lowered[..<dash]), let high = number(lowered[lowered.index(after: dash)...]),
        low <= high
      else { return nil }
      self.init(
        printedValue: trimmed, lowerBound: low, upperBound: high, isLowerBoundExclusive: false,
        isUpperBoundExclusive: false, isApproximate: false)
    } else if let value = number(Substring(lowered)) {
      self.init(
        printedValue: trimmed, lowerBound: value, upperBound: value, isLowerBoundExclusive: false,
        isUpperBoundExclusive: false, isApproximate: false)
    } else {
      return nil
    }
  }

  /// Whether the population is one number (lower and upper bounds equal).
  ///
  /// - Complexity: O(1).
  public var isPoint: Bool { lowerBound != nil && lowerBound == upperBound }

  /// A single number standing for the estimate, for weighting (never for rates): the midpoint of
  /// a range, the number itself, half the bound for "fewer than *N*", and the bound itself for
  /// "more than" or "at least".
  ///
  /// ```swift
  /// PopulationEstimate(parsing: "2,000–3,000")!.representativeValue   // 2500
  /// PopulationEstimate(parsing: "fewer than 50")!.representativeValue // 25
  /// ```
  ///
  /// - Complexity: O(1).
  public var representativeValue: Double {
    switch (lowerBound, upperBound) {
    case (let low?, let high?): Double(low + high) / 2
    case (nil, let high?): Double(high) / 2
    case (let low?, nil): Double(low)
    case (nil, nil): 0
    }
  }

  /// `1,500` style thousands grouping.
  static func grouped(_ value: Int) -> String { groupedThousands(value) }
}

extension PopulationEstimate: CustomStringConvertible {
  /// The printed text.
  public var description: String { printedValue }
}
