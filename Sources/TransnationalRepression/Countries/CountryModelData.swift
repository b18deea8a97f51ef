/// Which end of a population range serves as a model's exposure.
///
/// UHRP's diaspora estimates are often ranges ("2,000–3,000") or bounds ("fewer than 50"); a
/// model with an exposure offset is therefore run at each end, a sensitivity analysis.
///
/// ```swift
/// ExposureBound.low.value(of: PopulationEstimate(parsing: "2,000–3,000")!)   // 2000
/// ExposureBound.low.value(of: PopulationEstimate(parsing: "fewer than 50")!) // nil
/// ExposureBound.high.value(of: PopulationEstimate(parsing: "fewer than 50")!) // 50
/// ```
public enum ExposureBound: String, CaseIterable, Hashable, Sendable, Codable {
  /// The lower bound; a bound with none ("fewer than 50") gives no exposure.
  case low
  /// The upper bound ("fewer than 50" gives 50, the exclusive bound); an unbounded figure
  /// ("more than 1,000") gives no exposure.
  case high

  /// The exposure this end gives for an estimate, or `nil` when the estimate states none.
  ///
  /// - Parameter estimate: A population estimate.
  /// - Returns: The bound as a number.
  public func value(of estimate: PopulationEstimate) -> Double? {
    switch self {
    case .low: estimate.lowerBound.map(Double.init)
    case .high: estimate.upperBound.map(Double.init)
    }
  }
}

/// A per-country data set ready for a model: one row per country with its outcome (cases),
/// exposure and covariates, and the countries left out before any fit with why.
///
/// The default rows are the countries of a creditor table, each with the count of cases the
/// incidents document there (0 where none is documented: a zero means "none documented", not
/// "none happened"). China, the origin state, never enters as a host.
///
/// ```swift
/// let cases = CreditorAnalysis.cases(in: IncidentDataset.documentedSample)
/// let data = try CountryModelData(
///   countries: CreditorTable.worldBank2024.countries, cases: cases,
///   covariates: ["china_share_total", "sco_member"], table: .bundledWithCreditors,
///   exposure: .low)
/// let fit = try data.fit(family: .poisson)
/// fit.result.coefficients[1].estimate
/// fit.leftOut.count   // countries without a diaspora estimate, …
/// ```
public struct CountryModelData: Sendable, Hashable {
  /// The candidate countries, in order.
  public let countries: [Country]
  /// The outcome of each candidate (cases; 0 where none is documented).
  public let outcome: [Double]
  /// The covariate names, in order.
  public let covariateNames: [String]
  /// The covariate values, column by column, one per candidate; NaN where missing.
  public let covariateValues: [[Double]]
  /// The exposure of each candidate (NaN where none), or `nil` for a model without exposure.
  public let exposure: [Double]?
  /// Why a candidate has no exposure, by country.
  public let exposureGaps: [Country: String]
  /// The variables used, with their sources.
  public let variables: [CountryVariable]

  /// Builds the rows.
  ///
  /// - Parameters:
  ///   - countries: The candidate countries (for example ``CreditorTable/countries``); China is
  ///     dropped as the origin state.
  ///   - cases: Cases per country from any count (for example
  ///     ``CreditorAnalysis/cases(in:measure:)``); a country absent from it has 0.
  ///   - covariates: Variable names of `table`.
  ///   - table: The variables (default: ``CountryTable/bundledWithCreditors``).
  ///   - exposure: Which end of the population range to use, or `nil` for no exposure.
  ///   - populations: The populations (default: UHRP 2023,
  ///     ``UyghurDiasporaEstimate/populations``).
  /// - Throws: ``ModelError`` (``ModelError/Reason-swift.enum/invalidArgument``) naming an
  ///   unknown covariate, a categorical one or one that is descriptive only.
  /// - Complexity: O(*n*·*k*).
  public init(
    countries: [Country], cases: [Country: Double], covariates: [String],
    table: CountryTable = .bundledWithCreditors, exposure: ExposureBound?,
    populations: [Country: PopulationEstimate] = UyghurDiasporaEstimate.populations
  ) throws(ModelError) {
    let variables = try CountryModelData.resolve(covariates, in: table)
    let china = Country("CN")!
    let kept = countries.filter { $0 != china }
    self.countries = kept
    self.outcome = kept.map { cases[$0] ?? 0 }
    self.covariateNames = covariates
    self.covariateValues = variables.map { variable in kept.map { variable.number(for: $0) ?? .nan } }
    self.variables = variables
    if let exposure {
      var gaps: [Country: String] = [:]
      self.exposure = kept.map { country in
        guard let estimate = populations[country] else {
          gaps[country] = "no exposure (no UHRP diaspora estimate)"
          return .nan
        }
        guard let value = exposure.value(of: estimate) else {
          gaps[country] =
            "no exposure (UHRP's '\(estimate.printedValue)' has no \(exposure == .low ? "lower" : "upper") bound)"
          return .nan
        }
        return value
      }
      self.exposureGaps = gaps
    } else {
      self.exposure = nil
      self.exposureGaps = [:]
    }
  }

  /// Builds the rows from a per-country outcome and exposure of one's own (for example the
  /// columns of a user's table, ``CountryTable/init(contentsOf:name:)``).
  ///
  /// Unlike ``init(countries:cases:covariates:table:exposure:populations:)`` nothing is filled
  /// in: a country without an outcome is left out ("missing outcome"), one without an exposure
  /// "no exposure".
  ///
  /// ```swift
  /// let data = try CountryModelData(
  ///   countries: [Country("KZ")!, Country("KG")!, Country("TH")!],
  ///   outcome: [Country("KZ")!: 13, Country("KG")!: 3, Country("TH")!: 559],
  ///   covariates: ["sco_member"], exposure: nil)
  /// ```
  ///
  /// - Parameters:
  ///   - countries: The rows, in order.
  ///   - outcome: The outcome per country; absent is missing.
  ///   - covariates: Variable names of `table`.
  ///   - table: The variables (default: ``CountryTable/bundledWithCreditors``).
  ///   - exposure: The exposure per country (absent is missing), or `nil` for none.
  /// - Throws: ``ModelError`` (``ModelError/Reason-swift.enum/invalidArgument``) naming an
  ///   unknown, categorical or descriptive-only covariate.
  public init(
    countries: [Country], outcome: [Country: Double], covariates: [String],
    table: CountryTable = .bundledWithCreditors, exposure: [Country: Double]?
  ) throws(ModelError) {
    let variables = try CountryModelData.resolve(covariates, in: table)
    self.countries = countries
    self.outcome = countries.map { outcome[$0] ?? .nan }
    self.covariateNames = covariates
    self.covariateValues = variables.map { variable in countries.map { variable.number(for: $0) ?? .nan } }
    self.variables = variables
    self.exposure = exposure.map { values in countries.map { values[$0] ?? .nan } }
    self.exposureGaps = [:]
  }

  static func resolve(_ covariates: [String], in table: CountryTable) throws(ModelError) -> [CountryVariable] {
    var variables: [CountryVariable] = []
    for name in covariates {
      guard let variable = table[name] else {
        throw ModelError(
          .invalidArgument, columns: [name],
          "no covariate named '\(name)' (known: \(table.variables.filter(\.isModelCovariate).map(\.name).joined(separator: ", ")))")
      }
      guard variable.kind != .categorical, variable.isModelCovariate else {
        throw ModelError(
          .invalidArgument, columns: [name],
          variable.kind == .categorical
            ? "'\(name)' is categorical; use one of its 0/1 indicators"
            : "'\(name)' is descriptive only (\(variable.caveat ?? "incomplete")) and cannot enter a model")
      }
      variables.append(variable)
    }
    return variables
  }

  /// A fit with the countries it used and the ones it left out.
  public struct Fit: Sendable, Hashable {
    /// The model.
    public let result: RegressionResult
    /// The countries used, in order.
    public let countries: [Country]
    /// The countries left out, each with its reason (a missing covariate names it; no exposure
    /// says why).
    public let leftOut: [LeftOutCountry]
  }

  /// Fits a model to the complete rows.
  ///
  /// - Parameters:
  ///   - family: Poisson, negative binomial (NB2) or logit (the outcome becomes 1 for any case).
  ///   - covariance: Model-based (default) or HC0/HC1 standard errors.
  /// - Returns: The fit, with the rows left out.
  /// - Throws: ``ModelError`` when the data cannot be fitted (too few rows, collinear columns,
  ///   separation, no convergence, …).
  public func fit(
    family: CountModelFamily, covariance: CovarianceType = .modelBased
  ) throws(ModelError) -> Fit {
    let y = family == .logit ? outcome.map { $0 > 0 ? 1.0 : 0.0 } : outcome
    let cases = try DesignMatrix.completeCases(
      columns: zip(covariateNames, covariateValues).map { (name: $0.0, values: $0.1) },
      outcome: y, exposure: exposure, rowLabels: countries.map(\.alpha2))
    let result = try CountRegression.fit(
      cases.design, outcome: cases.outcome, family: family, covariance: covariance)
    let leftOut = cases.leftOut.map { row in
      let country = countries[row.row]
      return LeftOutCountry(
        country: country,
        reason: row.reason == "no exposure" ? exposureGaps[country] ?? row.reason : row.reason)
    }
    return Fit(result: result, countries: cases.keptRows.map { countries[$0] }, leftOut: leftOut)
  }
}

/// A country left out of a model, with the reason ("missing voted_no_l6", "no exposure (no UHRP
/// diaspora estimate)").
///
/// ```swift
/// let row = LeftOutCountry(country: Country("DE")!, reason: "missing bri_year")
/// ```
public struct LeftOutCountry: Sendable, Hashable, Codable {
  /// The country.
  public let country: Country
  /// Why it was left out.
  public let reason: String

  /// Creates the record.
  ///
  /// - Parameters:
  ///   - country: The country.
  ///   - reason: Why it was left out.
  public init(country: Country, reason: String) {
    self.country = country
    self.reason = reason
  }
}
