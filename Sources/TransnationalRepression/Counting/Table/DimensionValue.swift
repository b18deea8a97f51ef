/// One label of a count table: a value of one ``CountDimension``.
///
/// Countries label both ``CountDimension/origin`` and ``CountDimension/host``; the position of the
/// label in a cell says which.
///
/// ```swift
/// let table = try IncidentDataset.documentedSample.countIncidents(by: [.host, .category])
/// table[.country(Country("TH")!), .category(.extradition)]   // 3
/// ```
///
/// Labels order by dimension kind, then naturally: countries by alpha-2 code, regions and
/// categories in declaration order, modes in ``IncidentKind/allModes`` order, years and phases
/// chronologically (years outside every phase last), groups by code.
///
/// In JSON a label is written as the CSV schema spells it: countries as ISO 3166-1 alpha-2,
/// years as numbers, categories, modes and groups as in the schema, regions and phases by name
/// (`null` for a year outside every phase).
public enum DimensionValue: Hashable, Sendable {
  /// A country (origin or host).
  case country(Country)
  /// A host region.
  case region(Region)
  /// A category.
  case category(IncidentCategory)
  /// A mode, spelled as in the CSV schema.
  case mode(String)
  /// A calendar year.
  case year(Int)
  /// A phase, or `nil` for years outside every phase of the periodization.
  case phase(Phase?)
  /// An ethnic group.
  case ethnicGroup(EthnicGroup)

  /// Hashes the label: the kind of label, then a country's index, a category's code or a year
  /// as a number, and the other labels as their values. (Consistent with `==`; cheaper than
  /// hashing the categories' spellings, which counts by host and category build tables of
  /// thousands of cells with.)
  ///
  /// - Parameter hasher: The hasher to feed.
  /// - Complexity: O(1) for countries, categories and years; O(*n*) in the length of a mode,
  ///   region or phase name.
  public func hash(into hasher: inout Hasher) {
    switch self {
    case .country(let country):
      hasher.combine(UInt8(0))
      hasher.combine(country.index)
    case .region(let region):
      hasher.combine(UInt8(1))
      hasher.combine(region)
    case .category(let category):
      hasher.combine(UInt8(2))
      hasher.combine(category.code)
    case .mode(let mode):
      hasher.combine(UInt8(3))
      hasher.combine(mode)
    case .year(let year):
      hasher.combine(UInt8(4))
      hasher.combine(year)
    case .phase(let phase):
      hasher.combine(UInt8(5))
      hasher.combine(phase)
    case .ethnicGroup(let group):
      hasher.combine(UInt8(6))
      hasher.combine(group)
    }
  }

  /// Whether this label can stand for `dimension`.
  ///
  /// ```swift
  /// DimensionValue.country(.china).fits(.origin)   // true
  /// DimensionValue.year(2017).fits(.phase)         // false
  /// ```
  ///
  /// - Parameter dimension: A dimension.
  /// - Returns: `true` when the label's kind is the dimension's.
  /// - Complexity: O(1).
  public func fits(_ dimension: CountDimension) -> Bool {
    switch (self, dimension) {
    case (.country, .origin), (.country, .host), (.region, .region), (.category, .category),
      (.mode, .mode), (.year, .year), (.phase, .phase), (.ethnicGroup, .ethnicGroup):
      true
    default: false
    }
  }

  /// The label as JSON writes it: a string, a number, or `nil` (JSON `null`).
  ///
  /// - Complexity: O(1).
  public var jsonValue: JSONScalar {
    switch self {
    case .country(let country): .string(country.alpha2)
    case .region(let region): .string(region.rawValue)
    case .category(let category): .string(category.rawValue)
    case .mode(let mode): .string(mode)
    case .year(let year): .number(year)
    case .phase(let phase): phase.map { .string($0.name) } ?? .null
    case .ethnicGroup(let group): .string(group.rawValue)
    }
  }

  /// Reads a label written by ``jsonValue`` (or typed by a user) for a dimension.
  ///
  /// ```swift
  /// DimensionValue(parsing: .string("TR"), as: .host)   // .country(Country("TR")!)
  /// DimensionValue(parsing: .string("2017"), as: .year) // .year(2017)
  /// ```
  ///
  /// - Parameters:
  ///   - scalar: The JSON value; years may be numbers or strings of digits.
  ///   - dimension: The dimension it labels.
  ///   - phases: The phases a ``CountDimension/phase`` label may name (default the Great Wall of
  ///     Steel stages).
  /// - Returns: The label, or `nil` when it is not a value of the dimension.
  /// - Complexity: O(*p*) for *p* phases; O(1) otherwise.
  public init?(
    parsing scalar: JSONScalar, as dimension: CountDimension,
    phases: [Phase] = Periodization.greatWallOfSteel.phases
  ) {
    switch (dimension, scalar) {
    case (.origin, .string(let code)), (.host, .string(let code)):
      guard let country = Country(code) else { return nil }
      self = .country(country)
    case (.region, .string(let name)):
      guard let region = Region(rawValue: name) else { return nil }
      self = .region(region)
    case (.category, .string(let name)):
      guard let category = IncidentCategory(rawValue: name) else { return nil }
      self = .category(category)
    case (.mode, .string(let name)):
      guard IncidentKind.allModes.contains(name) else { return nil }
      self = .mode(name)
    case (.year, .number(let year)):
      self = .year(year)
    case (.year, .string(let text)):
      guard let year = Int(text) else { return nil }
      self = .year(year)
    case (.phase, .null):
      self = .phase(nil)
    case (.phase, .string(let name)):
      guard let phase = phases.first(where: { $0.name == name }) else { return nil }
      self = .phase(phase)
    case (.ethnicGroup, .string(let name)):
      guard let group = EthnicGroup(rawValue: name) else { return nil }
      self = .ethnicGroup(group)
    default:
      return nil
    }
  }

  /// The position of the label's kind in the ordering.
  private var kindRank: Int {
    switch self {
    case .country: 0
    case .region: 1
    case .category: 2
    case .mode: 3
    case .year: 4
    case .phase: 5
    case .ethnicGroup: 6
    }
  }

  /// The position of a mode spelling in ``IncidentKind/allModes`` (first occurrence).
  private static let modeRank: [String: Int] = {
    var ranks: [String: Int] = [:]
    for (index, mode) in IncidentKind.allModes.enumerated() where ranks[mode] == nil {
      ranks[mode] = index
    }
    return ranks
  }()
}

extension DimensionValue: Comparable {
  /// Orders labels by kind, then naturally (see ``DimensionValue``).
  ///
  /// - Complexity: O(1) (O(*m*) for two modes outside the schema, compared as strings).
  public static func < (lhs: DimensionValue, rhs: DimensionValue) -> Bool {
    switch (lhs, rhs) {
    case (.country(let a), .country(let b)): return a < b
    case (.region(let a), .region(let b)): return a < b
    case (.category(let a), .category(let b)): return a < b
    case (.mode(let a), .mode(let b)):
      let rankA = modeRank[a] ?? Int.max
      let rankB = modeRank[b] ?? Int.max
      return rankA != rankB ? rankA < rankB : a < b
    case (.year(let a), .year(let b)): return a < b
    case (.phase(let a), .phase(let b)):
      switch (a, b) {
      case (nil, _): return false
      case (_, nil): return true
      case (let a?, let b?):
        if a.firstYear != b.firstYear { return a.firstYear < b.firstYear }
        if a.lastYear != b.lastYear { return (a.lastYear ?? .max) < (b.lastYear ?? .max) }
        return a.name < b.name
      }
    case (.ethnicGroup(let a), .ethnicGroup(let b)): return a < b
    default: return lhs.kindRank < rhs.kindRank
    }
  }
}

extension DimensionValue: CustomStringConvertible {
  /// The label as tables print it: `TR`, `Middle East and North Africa`, `detention`,
  /// `deportation`, `2017`, `2014–present` (or `outside the periodization`), `Uyghur`.
  public var description: String {
    switch self {
    case .country(let country): country.alpha2
    case .region(let region): region.rawValue
    case .category(let category): category.rawValue
    case .mode(let mode): mode
    case .year(let year): String(year)
    case .phase(let phase): phase?.name ?? "outside the periodization"
    case .ethnicGroup(let group): group.rawValue
    }
  }
}

/// A JSON scalar: what one label or number of a count table is written as.
///
/// ```swift
/// DimensionValue.year(2017).jsonValue   // .number(2017)
/// ```
public enum JSONScalar: Hashable, Sendable {
  /// A string.
  case string(String)
  /// A whole number.
  case number(Int)
  /// `null`.
  case null

  /// The scalar as JSON text, with strings escaped.
  ///
  /// ```swift
  /// JSONScalar.string("a\"b").jsonText   // "\"a\\\"b\""
  /// ```
  ///
  /// - Complexity: O(*m*) for a string of *m* characters.
  public var jsonText: String {
    switch self {
    case .number(let number): return String(number)
    case .null: return "null"
    case .string(let text):
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
          if scalar.value < 0x20 {
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      return out + "\""
    }
  }
}
