/// UHRP's estimate of the Uyghur population of one host country (November 2023), as published.
///
/// The bundled table (`uyghur-diaspora-2023.csv`, 39 countries) copies the Uyghur Human Rights
/// Project's overview as of November 2023 ([uhrp.org/?p=16682](https://uhrp.org/?p=16682), via The
/// Nation, 28 February 2025). Figures keep their printed form — "297,000", "2,000–3,000",
/// "fewer than 50" — and are parsed into bounds (``PopulationEstimate``), so rates over them are
/// ranges (``PerCapitaRate``).
///
/// ```swift
/// let kazakhstan = UyghurDiasporaEstimate.estimate(for: Country("KZ")!)!
/// kazakhstan.estimate.printedValue   // "297,000"
/// kazakhstan.citation                // "UHRP overview as of Nov 2023, via The Nation 2025-02-28, …"
/// ```
public struct UyghurDiasporaEstimate: Hashable, Sendable {
  /// The host country.
  public let country: Country
  /// The country's name as the table prints it.
  public let countryName: String
  /// The estimate, with its printed text.
  public let estimate: PopulationEstimate
  /// When the estimate applies (`2023-11`).
  public let asOf: String
  /// Where it was published.
  public let sourceURL: String
  /// The citation, as the table gives it.
  public let citation: String

  /// Every bundled estimate, in file order.
  ///
  /// - Complexity: O(1) after the first use, which reads the bundled file.
  public static let all: [UyghurDiasporaEstimate] = {
    do {
      let table = try CSVTable(contentsOf: BundledResource.uyghurDiaspora2023.url)
      return try table.rows.map { row throws(ImportError) in
        let code = try row.value("host")
        let printed = try row.value("estimate_as_published")
        guard let country = Country(code), let estimate = PopulationEstimate(parsing: printed) else {
          throw ImportError(.invalidValue("cannot read '\(code)' / '\(printed)'"), line: row.line)
        }
        return UyghurDiasporaEstimate(
          country: country, countryName: try row.value("country"), estimate: estimate,
          asOf: try row.value("as_of"), sourceURL: try row.value("source_url"),
          citation: try row.value("citation_note"))
      }
    } catch {
      fatalError("The bundled uyghur-diaspora-2023.csv is damaged: \(error)")
    }
  }()

  /// The estimate for a country, if the table has one.
  ///
  /// - Parameter country: A host country.
  /// - Returns: The estimate, or `nil`.
  /// - Complexity: O(*n*) for the 39 estimates.
  public static func estimate(for country: Country) -> UyghurDiasporaEstimate? {
    all.first { $0.country == country }
  }

  /// The estimates as denominators for ``CountTable/perCapita(by:populations:per:)``.
  ///
  /// ```swift
  /// let rates = try table.perCapita(populations: UyghurDiasporaEstimate.populations)
  /// ```
  ///
  /// - Complexity: O(*n*).
  public static var populations: [Country: PopulationEstimate] {
    Dictionary(uniqueKeysWithValues: all.map { ($0.country, $0.estimate) })
  }
}
