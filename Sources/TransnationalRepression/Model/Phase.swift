/// A period of the campaign, used to group incidents by year.
///
/// The default periodization is the monograph's three stages: 1997–2007, 2008–2013 and 2014 to
/// the present ([Great Wall of Steel, para 4](https://oxussociety.org/great-wall-of-steel/):
/// 84 people across nine countries, 126 across thirteen, and 1,364 from eighteen). Users may define
/// their own phases; a ``Periodization`` checks that they do not overlap.
///
/// ```swift
/// Periodization.greatWallOfSteel.phase(containing: 2015)?.name   // "2014–present"
/// ```
public struct Phase: Hashable, Sendable, Codable {
  /// A label such as `"1997–2007"`.
  public var name: String
  /// The first year of the phase.
  public var firstYear: Int
  /// The last year of the phase, or `nil` for an open-ended phase ("to the present").
  public var lastYear: Int?

  /// Creates a phase.
  ///
  /// - Parameters:
  ///   - name: a label.
  ///   - firstYear: the first year.
  ///   - lastYear: the last year, or `nil` when the phase runs to the present.
  public init(name: String, firstYear: Int, lastYear: Int?) {
    self.name = name
    self.firstYear = firstYear
    self.lastYear = lastYear
  }

  private enum CodingKeys: String, CodingKey {
    case name, firstYear = "first_year", lastYear = "last_year"
  }

  /// The spellings of earlier versions (`firstYear`, `lastYear`), still read.
  private enum LegacyCodingKeys: String, CodingKey { case firstYear, lastYear }

  /// Decodes a phase from `{"name": …, "first_year": …, "last_year": …}` (or the camelCase
  /// keys that earlier versions wrote).
  ///
  /// - Throws: `DecodingError` when the name or the first year is missing.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let legacy = try decoder.container(keyedBy: LegacyCodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    if container.contains(.firstYear) || !legacy.contains(.firstYear) {
      firstYear = try container.decode(Int.self, forKey: .firstYear)
      lastYear = try container.decodeIfPresent(Int.self, forKey: .lastYear)
    } else {
      firstYear = try legacy.decode(Int.self, forKey: .firstYear)
      lastYear = try legacy.decodeIfPresent(Int.self, forKey: .lastYear)
    }
  }

  /// Encodes the phase with snake_case keys.
  ///
  /// - Throws: `EncodingError` from the encoder.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(firstYear, forKey: .firstYear)
    try container.encode(lastYear, forKey: .lastYear)
  }

  /// Whether `year` falls in the phase.
  public func contains(year: Int) -> Bool {
    year >= firstYear && (lastYear.map { year <= $0 } ?? true)
  }
}

/// An ordered list of non-overlapping phases.
public struct Periodization: Hashable, Sendable, Codable {
  /// The phases, earliest first.
  public let phases: [Phase]

  /// The monograph's stages: 1997–2007, 2008–2013, 2014–present.
  public static let greatWallOfSteel = Periodization(uncheckedPhases: [
    Phase(name: "1997–2007", firstYear: 1997, lastYear: 2007),
    Phase(name: "2008–2013", firstYear: 2008, lastYear: 2013),
    Phase(name: "2014–present", firstYear: 2014, lastYear: nil),
  ])

  /// Creates a periodization, checking that phases are ordered and do not overlap.
  ///
  /// - Parameter phases: the phases, earliest first; only the last may be open-ended.
  /// - Returns: `nil` when phases overlap, are out of order, or an open-ended phase is not last.
  public init?(_ phases: [Phase]) {
    for (index, phase) in phases.enumerated() {
      if let last = phase.lastYear, last < phase.firstYear { return nil }
      if index + 1 < phases.count {
        guard let last = phase.lastYear, last < phases[index + 1].firstYear else { return nil }
      }
    }
    self.phases = phases
  }

  private init(uncheckedPhases: [Phase]) { self.phases = uncheckedPhases }

  private enum CodingKeys: String, CodingKey { case phases }

  /// Decodes and validates a periodization.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when the phases overlap, are out of order, or an
  ///   open-ended phase is not last.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let phases = try container.decode([Phase].self, forKey: .phases)
    guard let checked = Periodization(phases) else {
      throw DecodingError.dataCorruptedError(
        forKey: .phases, in: container,
        debugDescription: "the phases overlap, are out of order, or an open-ended phase is not last")
    }
    self = checked
  }

  /// The phase containing `year`, or `nil` when no phase does.
  public func phase(containing year: Int) -> Phase? {
    phases.first { $0.contains(year: year) }
  }

  /// The position of the phase containing `year`, or `nil`.
  public func phaseIndex(containing year: Int) -> Int? {
    phases.firstIndex { $0.contains(year: year) }
  }
}
