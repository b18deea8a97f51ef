import Foundation

/// A headline figure exactly as a report printed it, with its citation.
///
/// The bundled table (`published-figures.csv`, 142 rows) holds the figures of "No Space Left to
/// Run" (UHRP/Oxus, 2021), "Great Wall of Steel" (Wilson Center/Oxus, 2022), Freedom House
/// (2021–2025), Safeguard Defenders and UHRP spin-off reports, one row per printed figure. Values
/// keep their printed form ("1,546", "200-400"); ``number`` is the value when it is a single
/// whole number.
///
/// ```swift
/// let returned = PublishedFigure.all.first {
///   $0.sourceID == "GWOS2022" && $0.measure == "deported_extradited_or_rendered_to_China"
/// }
/// returned?.number   // 424
/// ```
public struct PublishedFigure: Hashable, Sendable, Codable {
  /// The report's identifier in the table, e.g. `GWOS2022`.
  public let sourceID: String
  /// `ALL` for totals, `REGION:…` for regions, a country name, or `ALL_HOSTS`.
  public let hostCountry: String
  /// The host's ISO 3166-1 alpha-2 code(s), when the row is about countries.
  public let iso2: String
  /// What the figure counts, e.g. `detained_in_host_country`.
  public let measure: String
  /// The value exactly as printed.
  public let printedValue: String
  /// The period covered, as printed in the table (e.g. `1997-2022-01`).
  public let period: String
  /// Where in the source the figure stands (URL, section, paragraph, qualifiers).
  public let citation: String

  /// The value when it is one whole number (thousands separators allowed), otherwise `nil`.
  public var number: Int? {
    let digits = printedValue.replacingOccurrences(of: ",", with: "")
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return Int(digits)
  }

  /// Every bundled figure, in file order.
  public static let all: [PublishedFigure] = {
    do {
      let table = try CSVTable(contentsOf: BundledResource.publishedFigures.url)
      return try table.rows.map { row throws(ImportError) in
        PublishedFigure(
          sourceID: try row.value("source_id"), hostCountry: try row.value("host_country"),
          iso2: try row.value("iso2"), measure: try row.value("measure"),
          printedValue: try row.value("value"), period: try row.value("period"),
          citation: try row.value("citation_note"))
      }
    } catch {
      fatalError("The bundled published-figures.csv is damaged: \(error)")
    }
  }()

  /// The figure with the given source and measure for all hosts, if bundled.
  public static func total(source: String, measure: String) -> PublishedFigure? {
    all.first { $0.sourceID == source && $0.hostCountry == "ALL" && $0.measure == measure }
  }

  /// The Great Wall of Steel (2022) totals per category: 5,532 intimidation cases, 1,150
  /// detentions in host countries, 424 deportations, extraditions or renditions.
  public static func greatWallOfSteel(_ category: IncidentCategory) -> PublishedFigure {
    let measure =
      switch category {
      case .intimidation: "intimidation_cases"
      case .detention: "detained_in_host_country"
      case .extradition: "deported_extradited_or_rendered_to_China"
      }
    return total(source: "GWOS2022", measure: measure)!
  }
}
