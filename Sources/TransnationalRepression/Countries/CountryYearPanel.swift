import Foundation

/// A country-year panel of cases against the Horn–Reinhart–Trebesch yearly debt stock lagged by
/// k years, for a Poisson regression with country fixed effects: does debt growth precede cases?
///
/// **Rows.** One per country of the Horn–Reinhart–Trebesch China Debt Stock Database (2000–2017)
/// and outcome year t, where the debt year t − k is in the database and t is within the years of
/// the incidents. The outcome is the cases the incidents document in that country in year t (0
/// where none is documented: a zero means none documented, not none happened); the covariate
/// `debt_pct_gdp` is debt owed to China in % of GDP at the end of year t − k.
///
/// **Extradition treaty (optional).** `treaty_in_force` is 1 when the bundled treaty list gives
/// a year of entry into force ≤ t, 0 when that year is later than t or the treaty is listed as
/// signed but not in force (or ratified by China only), and unknown — the country-year is left
/// out — when the list has no row for the country (it is about 5–6 treaties short), an empty
/// status, or `in_force` without a year.
///
/// **Fixed effects.** A country with no documented case in any of its panel years has a fixed
/// effect of −∞ (the likelihood has no maximum), so it is left out with that reason, as is a
/// country with cases but no debt stock. The model is the Poisson GLM with an intercept, the
/// covariates and one indicator column `country[XX]` per kept country but the first in code
/// order — what statsmodels' `glm("y ~ x + C(country)", family=Poisson())` builds.
///
/// ```swift
/// let panel = try CountryYearPanel(dataset: .documentedSample, lag: 2)
/// let fit = try panel.fit()
/// fit.coefficient(named: "debt_pct_gdp")!.ratio   // IRR per percentage point of GDP
/// panel.leftOut.count                              // countries without a case, …
/// ```
public struct CountryYearPanel: Sendable, Hashable {
  /// One country-year.
  public struct Row: Sendable, Hashable, Codable {
    /// The host country.
    public let country: Country
    /// The outcome year t.
    public let year: Int
    /// Cases documented in the country in year t.
    public let cases: Double
    /// Debt owed to China, % of GDP, at the end of year t − k (Horn–Reinhart–Trebesch).
    public let debtPercentGDP: Double
    /// 1 when an extradition treaty with China was in force by year t, 0 when not; `nil` when
    /// the treaty covariate is not used.
    public let treatyInForce: Double?
  }

  /// The lag k in years.
  public let lag: Int
  /// What counts as a case.
  public let measure: CreditorAnalysis.CaseMeasure
  /// Whether the extradition-treaty covariate is in the model.
  public let includesTreaty: Bool
  /// The panel rows of the kept countries, by country code, then year.
  public let rows: [Row]
  /// The countries left out, each with the reason.
  public let leftOut: [LeftOutCountry]
  /// How many country-years of kept countries were left out because the treaty status in that
  /// year is unknown.
  public let treatyUnknownRows: Int

  /// The covariate names, in the design's order (before the country indicators).
  public var covariateNames: [String] {
    includesTreaty ? ["debt_pct_gdp", "treaty_in_force"] : ["debt_pct_gdp"]
  }

  /// The kept countries, in code order (the first is the fixed effects' reference).
  public var countries: [Country] {
    var seen = Set<Country>()
    return rows.map(\.country).filter { seen.insert($0).inserted }
  }

  /// Builds the panel.
  ///
  /// - Parameters:
  ///   - dataset: The incidents.
  ///   - measure: What counts as a case (default persons detained or returned).
  ///   - lag: k ≥ 0: the debt of year t − k explains the cases of year t.
  ///   - includeTreaty: Whether to add `treaty_in_force` (country-years where it is unknown are
  ///     left out).
  ///   - stocks: The yearly debt stocks (default: the bundled Horn–Reinhart–Trebesch database).
  /// - Throws: ``ModelError`` (``ModelError/Reason-swift.enum/invalidArgument``) for a negative
  ///   lag or a dataset without dated incidents.
  /// - Complexity: O(*n* + *c*·*y*) for *n* incidents, *c* countries and *y* years.
  public init(
    dataset: IncidentDataset, measure: CreditorAnalysis.CaseMeasure = .personsDetainedOrReturned,
    lag: Int = 1, includeTreaty: Bool = false,
    stocks: [HRTDebtStock] = CreditorTable.hornReinhartTrebeschStocks
  ) throws(ModelError) {
    guard lag >= 0 else {
      throw ModelError(.invalidArgument, value: Double(lag), "the lag must be ≥ 0 years, got \(lag)")
    }
    self.lag = lag
    self.measure = measure
    self.includesTreaty = includeTreaty
    let cases = Self.casesByCountryYear(dataset, measure: measure)
    let datasetYears = dataset.map(\.date.year)
    guard let firstYear = datasetYears.min(), let lastYear = datasetYears.max() else {
      throw ModelError(.invalidArgument, "the dataset has no incidents, so no years")
    }
    let china = Country("CN")!
    var debt: [Country: [Int: Double]] = [:]
    for stock in stocks where stock.country != china {
      debt[stock.country, default: [:]][stock.year] = stock.debtPercentGDP
    }
    let treaties = includeTreaty ? Self.treatyYears() : [:]
    var rows: [Row] = []
    var leftOut: [LeftOutCountry] = []
    var unknown = 0
    for country in debt.keys.sorted() {
      var countryRows: [Row] = []
      var countryUnknown = 0
      for (debtYear, value) in debt[country]!.sorted(by: { $0.key < $1.key }) {
        let year = debtYear + lag
        guard year >= firstYear, year <= lastYear else { continue }
        var treaty: Double? = nil
        if includeTreaty {
          guard let known = Self.treatyInForce(treaties[country], by: year) else {
            countryUnknown += 1
            continue
          }
          treaty = known
        }
        countryRows.append(
          Row(
            country: country, year: year, cases: cases[country]?[year] ?? 0, debtPercentGDP: value,
            treatyInForce: treaty))
      }
      if countryRows.isEmpty {
        if countryUnknown > 0 {
          leftOut.append(LeftOutCountry(country: country, reason: "extradition treaty status unknown in every panel year"))
        }
        continue
      }
      if countryRows.allSatisfy({ $0.cases == 0 }) {
        leftOut.append(
          LeftOutCountry(
            country: country,
            reason: "no documented case in its panel years \(countryRows.first!.year)–\(countryRows.last!.year): "
              + "its fixed effect would be −∞ (no maximum)"))
        continue
      }
      rows += countryRows
      unknown += countryUnknown
    }
    for country in cases.keys.sorted() where debt[country] == nil && country != china {
      leftOut.append(
        LeftOutCountry(country: country, reason: "cases documented but no Horn–Reinhart–Trebesch debt stock"))
    }
    self.rows = rows
    self.leftOut = leftOut
    self.treatyUnknownRows = unknown
  }

  /// The design: intercept, the covariates and the country indicators; and the outcome.
  ///
  /// - Returns: The design (row labels `XX-YYYY`) and the counts.
  /// - Throws: ``ModelError`` from the design (collinear columns, for example a treaty that
  ///   never changes within any kept country), or ``ModelError/Reason-swift.enum/tooFewRows``
  ///   when no country is kept.
  /// - Complexity: O(*r*·*c*) for *r* rows and *c* countries.
  public func design() throws(ModelError) -> (design: DesignMatrix, outcome: [Double]) {
    let countries = self.countries
    guard !countries.isEmpty else {
      throw ModelError(
        .tooFewRows, value: 0,
        "no country has a documented case in its panel years and a debt stock; nothing to fit")
    }
    var columns: [(name: String, values: [Double])] = [("debt_pct_gdp", rows.map(\.debtPercentGDP))]
    if includesTreaty { columns.append(("treaty_in_force", rows.map { $0.treatyInForce ?? .nan })) }
    for country in countries.dropFirst() {
      columns.append(("country[\(country.alpha2)]", rows.map { $0.country == country ? 1 : 0 }))
    }
    let design = try DesignMatrix(
      columns: columns, rowLabels: rows.map { "\($0.country.alpha2)-\($0.year)" })
    return (design, rows.map(\.cases))
  }

  /// Fits the Poisson regression with country fixed effects.
  ///
  /// - Parameter covariance: Model-based (default) or HC0/HC1 standard errors.
  /// - Returns: The fit; its coefficients are the intercept, the covariates and the country
  ///   effects against the first kept country.
  /// - Throws: ``ModelError`` when the panel cannot be fitted.
  /// - Complexity: O(*r*·*c*²) per iteration.
  public func fit(covariance: CovarianceType = .modelBased) throws(ModelError) -> RegressionResult {
    let (design, outcome) = try design()
    return try CountRegression.fit(design, outcome: outcome, family: .poisson, covariance: covariance)
  }

  static func casesByCountryYear(
    _ dataset: IncidentDataset, measure: CreditorAnalysis.CaseMeasure
  ) -> [Country: [Int: Double]] {
    let categories: Set<IncidentCategory> =
      measure == .personsReturned ? [.extradition] : [.detention, .extradition]
    var result: [Country: [Int: Double]] = [:]
    for incident in dataset where categories.contains(incident.category) {
      let value: Double
      if measure == .incidentsDetainedOrReturned {
        value = 1
      } else {
        guard let persons = incident.persons.value else { continue }
        value = Double(persons)
      }
      result[incident.host, default: [:]][incident.date.year, default: 0] += value
    }
    return result
  }

  /// The year of entry into force per country, or the status when there is no year.
  static func treatyYears() -> [Country: (inForce: Int?, status: String)] {
    var result: [Country: (inForce: Int?, status: String)] = [:]
    guard let rows = try? CountryTable.rows(.chinaExtraditionTreaties) else { return [:] }
    for row in rows {
      guard let code = try? row.value("country"), let country = Country(code) else { continue }
      let year = (try? row.value("in_force")).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
      result[country] = (year, (try? row.value("status")) ?? "")
    }
    return result
  }

  /// Whether a treaty was in force by `year`: 1, 0, or `nil` when unknown.
  static func treatyInForce(_ entry: (inForce: Int?, status: String)?, by year: Int) -> Double? {
    guard let entry else { return nil }
    if let inForce = entry.inForce { return year >= inForce ? 1 : 0 }
    switch entry.status {
    case "signed_not_in_force", "ratified_by_china_only": return 0
    default: return nil
    }
  }
}
