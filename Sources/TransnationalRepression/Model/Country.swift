import Foundation

/// A country or territory, identified by its ISO 3166-1 alpha-2 code.
///
/// The library bundles the ISO 3166-1 table: all 249 officially assigned alpha-2 codes, plus the
/// user-assigned code `XK` for Kosovo, which is marked ``isUserAssigned`` and never passed off as
/// an ISO code. Each entry carries the alpha-3 code, the numeric code, the English short name
/// and the ``Region`` the reports use.
///
/// Look a country up by any of its codes, case-insensitively:
///
/// ```swift
/// let namibia = Country("NA")       // Namibia — never a missing value
/// let turkey = Country("tur")       // alpha-3
/// let kazakhstan = Country("398")   // numeric
/// ```
///
/// In code, name a country by its constant, checked by the compiler (one per bundled code,
/// generated; the naming rules are in `ReferenceData/Generators/README.md`):
///
/// ```swift
/// Country.thailand == Country("TH")!   // true
/// let hosts: [Country] = [.turkiye, .coteDIvoire, .unitedStates, .kosovo]
/// ```
///
/// A `Country` is stored as a 16-bit index into the bundled table, so it is as cheap to copy and
/// compare as an integer; its index is also its code in the columnar counting store.
///
/// - Complexity: Lookup by code is O(1) on average (a hash lookup).
public struct Country: Hashable, Sendable {
  /// The position of this country in ``Country/allCountries``.
  ///
  /// The bundled table is ordered by alpha-2 code with `XK` last, the same order as the
  /// benchmark generator `Benchmarks/Peers/gen.py`, so this is also the generator's country code.
  public let index: UInt16

  @usableFromInline
  internal init(unchecked index: UInt16) {
    self.index = index
  }

  /// Finds a country by its alpha-2, alpha-3 or numeric code, ignoring case.
  ///
  /// Surrounding spaces are not ignored: `" NA"` is not a code, and a reader that meets it reports
  /// it rather than guessing.
  ///
  /// Numeric codes are accepted with or without leading zeros (`"4"`, `"004"`).
  ///
  /// - Parameter code: an ISO 3166-1 alpha-2 (`"NA"`), alpha-3 (`"NAM"`) or numeric (`"516"`)
  ///   code, or the user-assigned `"XK"`.
  /// - Returns: the country, or `nil` when no bundled entry has that code.
  public init?(_ code: some StringProtocol) {
    guard let index = CountryLookup.shared.index(of: code) else { return nil }
    self.index = index
  }

  /// Finds a country by its position in ``allCountries``.
  ///
  /// - Parameter index: a position in ``allCountries``.
  /// - Returns: the country, or `nil` when the index is out of range.
  public init?(index: Int) {
    guard index >= 0, index < iso3166Entries.count else { return nil }
    self.index = UInt16(index)
  }

  @inlinable
  internal var entry: ISO3166Entry { iso3166Entries[Int(index)] }

  /// The ISO 3166-1 alpha-2 code, such as `"NA"` for Namibia, or the user-assigned `"XK"`.
  public var alpha2: String { entry.alpha2 }

  /// The ISO 3166-1 alpha-3 code, such as `"NAM"`; `"XKX"` for Kosovo (user-assigned).
  public var alpha3: String { entry.alpha3 }

  /// The ISO 3166-1 numeric code, such as `516`; `nil` for Kosovo, which has none.
  public var numeric: Int? { entry.numeric == 0 ? nil : Int(entry.numeric) }

  /// The ISO 3166-1 English short name, such as `"Namibia"` or `"Korea, Republic of"`.
  public var name: String { entry.name }

  /// The common English name where one differs from the ISO short name (`"South Korea"`,
  /// `"Taiwan"`, `"Iran"`), otherwise ``name``. Reports and charts show this one.
  public var commonName: String { entry.commonName }

  /// The region the reports use for this country.
  public var region: Region { entry.region }

  /// Whether the code is user-assigned rather than officially assigned by ISO 3166-1 (only `XK`).
  public var isUserAssigned: Bool { entry.isUserAssigned }

  /// Every bundled country, in table order (alpha-2 order, `XK` last).
  public static var allCountries: [Country] {
    (0..<iso3166Entries.count).map { Country(unchecked: UInt16($0)) }
  }

  /// The number of bundled countries (250: 249 ISO codes and `XK`).
  public static var count: Int { iso3166Entries.count }

}

extension Country: Comparable {
  /// Orders countries by alpha-2 code, with the user-assigned `XK` last.
  public static func < (lhs: Country, rhs: Country) -> Bool { lhs.index < rhs.index }
}

extension Country: CustomStringConvertible {
  /// The alpha-2 code.
  public var description: String { alpha2 }
}

extension Country: Codable {
  /// Decodes a country from a string holding any of its codes.
  ///
  /// - Throws: `DecodingError.dataCorrupted` when the code is not in the bundled table.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let code = try container.decode(String.self)
    guard let country = Country(code) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "unknown country code '\(code)'")
    }
    self = country
  }

  /// Encodes the country as its alpha-2 code.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(alpha2)
  }
}

/// The code-to-index dictionary behind ``Country/init(_:)``, built once.
internal struct CountryLookup: Sendable {
  static let shared = CountryLookup()

  private let byCode: [String: UInt16]

  private init() {
    var byCode: [String: UInt16] = [:]
    for (index, entry) in iso3166Entries.enumerated() {
      let index = UInt16(index)
      byCode[entry.alpha2] = index
      byCode[entry.alpha3] = index
      if entry.numeric != 0 { byCode[String(entry.numeric)] = index }
    }
    self.byCode = byCode
  }

  func index(of code: some StringProtocol) -> UInt16? {
    var key = code.uppercased()
    if key.first?.isNumber == true, let number = Int(key), number >= 0 { key = String(number) }
    return byCode[key]
  }
}
