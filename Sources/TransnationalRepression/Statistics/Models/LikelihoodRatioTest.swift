/// The result of a likelihood-ratio test of nested models.
///
/// ```swift
/// let test = try LikelihoodRatioTest.compare(restricted: withoutDebt, full: withDebt)
/// print(test.statistic, test.degreesOfFreedom, test.pValue)
/// ```
public struct LikelihoodRatioTestResult: Sendable, Hashable, Codable {
  /// The statistic 2(ℓ_full − ℓ_restricted) (≥ 0).
  public var statistic: Double
  /// The number of parameters the restriction removes.
  public var degreesOfFreedom: Int
  /// P(χ²(df) > statistic), from ``ChiSquaredDistribution/sf(_:)``.
  public var pValue: Double
  /// The log-likelihood of the restricted model.
  public var restrictedLogLikelihood: Double
  /// The log-likelihood of the full model.
  public var fullLogLikelihood: Double
  /// The coefficients in the full model but not in the restricted one.
  public var droppedCoefficients: [String]

  /// Creates a result record.
  ///
  /// ```swift
  /// let r = LikelihoodRatioTestResult(statistic: 4.77, degreesOfFreedom: 1, pValue: 0.0289,
  ///   restrictedLogLikelihood: -387.84, fullLogLikelihood: -385.46,
  ///   droppedCoefficients: ["debt_share"])
  /// ```
  ///
  /// - Parameters:
  ///   - statistic: 2(ℓ_full − ℓ_restricted).
  ///   - degreesOfFreedom: The difference in the number of parameters.
  ///   - pValue: The chi-square upper-tail probability.
  ///   - restrictedLogLikelihood: ℓ of the restricted model.
  ///   - fullLogLikelihood: ℓ of the full model.
  ///   - droppedCoefficients: The names of the removed coefficients.
  /// - Returns: The record.
  public init(
    statistic: Double, degreesOfFreedom: Int, pValue: Double, restrictedLogLikelihood: Double,
    fullLogLikelihood: Double, droppedCoefficients: [String]
  ) {
    self.statistic = statistic
    self.degreesOfFreedom = degreesOfFreedom
    self.pValue = pValue
    self.restrictedLogLikelihood = restrictedLogLikelihood
    self.fullLogLikelihood = fullLogLikelihood
    self.droppedCoefficients = droppedCoefficients
  }
}

/// The likelihood-ratio test of nested regression models (for example debt in versus out).
///
/// The statistic is 2(ℓ_full − ℓ_restricted); under the restricted model it is asymptotically
/// χ² with as many degrees of freedom as parameters the restriction removes, and the p-value is
/// the chi-square upper tail (scipy's `chi2.sf`, R's `anova(…, test = "Chisq")` for Poisson and
/// logit and `anova` of two `glm.nb` fits, statsmodels' `compare_lr_test` where it exists).
///
/// Both models must be of the same family, fitted to the same rows, and the restricted model's
/// coefficients must be a subset of the full model's. Poisson against negative binomial is
/// *not* offered: α = 0 lies on the boundary of the parameter space, where the χ²(1) reference
/// is wrong (the correct one is a 50:50 mixture of χ²(0) and χ²(1)).
///
/// ```swift
/// let full = try CountRegression.fit(design, outcome: y, family: .negativeBinomial)
/// let restricted = try CountRegression.fit(
///   try design.removingColumns(["debt_share"]), outcome: y, family: .negativeBinomial)
/// let test = try LikelihoodRatioTest.compare(restricted: restricted, full: full)
/// test.pValue
/// ```
public enum LikelihoodRatioTest {
  /// Compares two fitted models.
  ///
  /// ```swift
  /// let test = try LikelihoodRatioTest.compare(restricted: small, full: large)
  /// ```
  ///
  /// - Parameters:
  ///   - restricted: The model with fewer coefficients.
  ///   - full: The model with all of them.
  /// - Returns: The statistic, degrees of freedom and p-value.
  /// - Throws: ``ModelError`` with ``ModelError/Reason-swift.enum/invalidArgument`` when the
  ///   models differ in family or rows, are not nested by their coefficient names, or when the
  ///   restricted model fits clearly better (which nested maximum-likelihood fits cannot).
  /// - Complexity: O(p²) plus one chi-square evaluation.
  public static func compare(restricted: RegressionResult, full: RegressionResult)
    throws(ModelError) -> LikelihoodRatioTestResult
  {
    guard restricted.family == full.family else {
      throw ModelError(
        .invalidArgument,
        "the models are of different families (\(restricted.family.rawValue) and "
          + "\(full.family.rawValue)); a likelihood-ratio test needs nested models of one family")
    }
    guard restricted.observationCount == full.observationCount else {
      throw ModelError(
        .invalidArgument,
        "the models were fitted to \(restricted.observationCount) and \(full.observationCount) "
          + "rows; a likelihood-ratio test needs the same rows")
    }
    let fullNames = full.coefficients.map(\.name)
    let restrictedNames = restricted.coefficients.map(\.name)
    let missing = restrictedNames.filter { !fullNames.contains($0) }
    guard missing.isEmpty else {
      throw ModelError(
        .invalidArgument, columns: missing,
        "the restricted model has coefficients the full model lacks (\(missing.joined(separator: ", "))); "
          + "the models are not nested")
    }
    let df = full.parameterCount - restricted.parameterCount
    guard df >= 1 else {
      throw ModelError(
        .invalidArgument, "the full model has no more parameters than the restricted one")
    }
    var statistic = 2 * (full.logLikelihood - restricted.logLikelihood)
    let scale = max(1, abs(full.logLikelihood))
    if statistic < 0 {
      guard statistic > -1e-6 * scale else {
        throw ModelError(
          .invalidArgument, value: statistic,
          "the restricted model has the larger log-likelihood (statistic \(statistic)); nested "
            + "maximum-likelihood fits cannot do that: the models are not nested")
      }
      statistic = 0  // rounding: the two maxima coincide
    }
    let p = ChiSquaredDistribution(degreesOfFreedom: Double(df)).sf(statistic)
    return LikelihoodRatioTestResult(
      statistic: statistic, degreesOfFreedom: df, pValue: statistic == 0 ? 1 : p,
      restrictedLogLikelihood: restricted.logLikelihood,
      fullLogLikelihood: full.logLikelihood,
      droppedCoefficients: fullNames.filter { !restrictedNames.contains($0) })
  }

  /// Fits the full model and the model without `columns`, and compares them.
  ///
  /// ```swift
  /// let test = try LikelihoodRatioTest.test(
  ///   design, outcome: y, family: .poisson, dropping: ["debt_share"])
  /// ```
  ///
  /// - Parameters:
  ///   - design: The full model's design.
  ///   - outcome: The outcome.
  ///   - family: The model.
  ///   - columns: The columns whose coefficients the restriction sets to zero.
  ///   - options: Fit options for both fits.
  /// - Returns: The test.
  /// - Throws: ``ModelError`` from either fit or from ``compare(restricted:full:)``.
  /// - Complexity: Two fits.
  public static func test(
    _ design: DesignMatrix, outcome: [Double], family: CountModelFamily, dropping columns: [String],
    options: CountRegression.Options = CountRegression.Options()
  ) throws(ModelError) -> LikelihoodRatioTestResult {
    let full = try CountRegression.fit(design, outcome: outcome, family: family, options: options)
    let restricted = try CountRegression.fit(
      try design.removingColumns(columns), outcome: outcome, family: family, options: options)
    return try compare(restricted: restricted, full: full)
  }
}
