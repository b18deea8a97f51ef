#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fits Poisson, negative binomial (NB2) and logistic regressions by maximum likelihood, matched
/// to statsmodels.
///
/// - **Poisson** (log link, optional offset ln exposure) and **logit** are GLMs fitted by
///   iteratively reweighted least squares — Newton's method, since both links are canonical —
///   with Cholesky solves and a rank check, step halving when the deviance rises, and iteration
///   until the coefficients stop moving (relative change ≤ ``Options/tolerance``), which gives
///   the maximum-likelihood estimates to rounding. (statsmodels' default stops on a deviance
///   change of 1e-8, which leaves up to about 1e-8 relative in the estimates.)
/// - **Negative binomial NB2** (Var = μ + αμ²) estimates β and α jointly by Newton's method on
///   (β, ln α) from the Poisson fit; the covariance is the inverse of the negative Hessian of the
///   joint log-likelihood in (β, α), as statsmodels' `NegativeBinomial(loglike_method="nb2")`.
///   (statsmodels' default BFGS optimizer stops at a gradient norm of 1e-5, which can leave
///   1e-4 relative in the estimates; the tests compare with its Newton fit to 1e-14.)
///
/// Standard errors are model-based (inverse information) or, on request, the HC0/HC1 sandwich
/// (``CovarianceType``). z statistics, two-sided p-values and confidence intervals are Wald's,
/// from the standard normal distribution, as statsmodels and R's `summary.glm` report them for
/// these families. AIC is −2ℓ + 2k and BIC is −2ℓ + k ln n, with k counting α for NB2.
///
/// Nothing is returned that did not converge: non-convergence, separation, collinearity and bad
/// values throw a ``ModelError`` naming the row or column.
///
/// ```swift
/// let design = try DesignMatrix(
///   columns: [("debt_share", debt), ("sco_member", sco)],
///   exposure: diaspora, rowLabels: isoCodes)
/// let poisson = try CountRegression.fit(design, outcome: returned, family: .poisson)
/// let nb = try CountRegression.fit(design, outcome: returned, family: .negativeBinomial)
/// let robust = try CountRegression.fit(design, outcome: returned, family: .poisson,
///                                      covariance: .hc1)
/// print(nb.coefficient(named: "debt_share")!.ratio, nb.alpha!.estimate, nb.aic)
/// ```
///
/// References: P. McCullagh and J. A. Nelder, *Generalized Linear Models*, 2nd ed. (1989);
/// A. C. Cameron and P. K. Trivedi, *Regression Analysis of Count Data*, 2nd ed. (2013), ch. 3
/// (NB2); [statsmodels GLM](https://www.statsmodels.org/stable/glm.html) and
/// [NegativeBinomial](https://www.statsmodels.org/stable/generated/statsmodels.discrete.discrete_model.NegativeBinomial.html).
public enum CountRegression {
  /// Controls of a fit.
  ///
  /// ```swift
  /// let options = CountRegression.Options(confidenceLevel: 0.9)
  /// ```
  public struct Options: Sendable, Hashable, Codable {
    /// The most Newton/IRLS iterations before the fit is declared non-convergent (100).
    public var maxIterations: Int
    /// Convergence: every parameter's last step is at most this × max(1, |value|) (1e-10).
    public var tolerance: Double
    /// The confidence level of the Wald intervals (0.95).
    public var confidenceLevel: Double

    /// Creates options.
    ///
    /// ```swift
    /// let options = CountRegression.Options(maxIterations: 200)
    /// ```
    ///
    /// - Parameters:
    ///   - maxIterations: The iteration limit, ≥ 1.
    ///   - tolerance: The relative step size that counts as converged, > 0.
    ///   - confidenceLevel: The interval level, in (0, 1).
    /// - Returns: The options.
    public init(maxIterations: Int = 100, tolerance: Double = 1e-10, confidenceLevel: Double = 0.95)
    {
      self.maxIterations = maxIterations
      self.tolerance = tolerance
      self.confidenceLevel = confidenceLevel
    }
  }

  /// Fits a model to an outcome.
  ///
  /// ```swift
  /// let result = try CountRegression.fit(design, outcome: [0, 3, 1, 7, 0, 2], family: .poisson)
  /// result.coefficients[1].pValue
  /// ```
  ///
  /// - Parameters:
  ///   - design: The covariates, offset and row labels (already checked for collinearity).
  ///   - outcome: One value per row: counts (whole numbers ≥ 0) for Poisson and negative
  ///     binomial, 0 or 1 for logit.
  ///   - family: The model.
  ///   - covariance: Model-based (default) or HC0/HC1 sandwich standard errors.
  ///   - options: Iteration limit, tolerance and confidence level.
  /// - Returns: The fit.
  /// - Throws: ``ModelError``: ``ModelError/Reason-swift.enum/shapeMismatch``,
  ///   ``ModelError/Reason-swift.enum/nonFiniteValue``,
  ///   ``ModelError/Reason-swift.enum/invalidCount``,
  ///   ``ModelError/Reason-swift.enum/invalidBinaryOutcome`` (naming the row),
  ///   ``ModelError/Reason-swift.enum/tooFewRows``, ``ModelError/Reason-swift.enum/separation``,
  ///   ``ModelError/Reason-swift.enum/noConvergence`` (naming the column),
  ///   ``ModelError/Reason-swift.enum/invalidArgument`` for bad options.
  /// - Complexity: O(n·p²) per iteration; typically 5–10 iterations.
  public static func fit(
    _ design: DesignMatrix, outcome: [Double], family: CountModelFamily,
    covariance: CovarianceType = .modelBased, options: Options = Options()
  ) throws(ModelError) -> RegressionResult {
    try validate(design: design, outcome: outcome, family: family, options: options)
    let raw = try fitRaw(
      design, outcome: outcome, family: family, wantMeat: covariance != .modelBased,
      options: options)
    return assemble(raw, design: design, family: family, covariance: covariance, options: options)
  }

  /// Checks the outcome and options against the design.
  static func validate(
    design: DesignMatrix, outcome: [Double], family: CountModelFamily, options: Options
  ) throws(ModelError) {
    guard options.confidenceLevel > 0, options.confidenceLevel < 1 else {
      throw ModelError(
        .invalidArgument, value: options.confidenceLevel,
        "confidence level \(options.confidenceLevel) is not strictly between 0 and 1")
    }
    guard options.maxIterations >= 1, options.tolerance > 0 else {
      throw ModelError(.invalidArgument, "maxIterations must be ≥ 1 and tolerance > 0")
    }
    let n = design.rowCount
    guard outcome.count == n else {
      throw ModelError(
        .shapeMismatch, "the outcome has \(outcome.count) values but the design has \(n) rows")
    }
    let labels = design.rowLabels
    for (i, y) in outcome.enumerated() {
      guard y.isFinite else {
        throw ModelError(
          .nonFiniteValue, row: i, rowLabel: labels?[i], value: y,
          "\(ModelError.rowText(i, labels?[i])) has the outcome \(y); leave the row out")
      }
      if family.isCountModel {
        guard y >= 0, y == y.rounded(), y < 1e15 else {
          throw ModelError(
            .invalidCount, row: i, rowLabel: labels?[i], value: y,
            "\(ModelError.rowText(i, labels?[i])) has the outcome \(y), which is not a count "
              + "(a whole number ≥ 0)")
        }
      } else {
        guard y == 0 || y == 1 else {
          throw ModelError(
            .invalidBinaryOutcome, row: i, rowLabel: labels?[i], value: y,
            "\(ModelError.rowText(i, labels?[i])) has the outcome \(y); logistic regression "
              + "needs 0 or 1")
        }
      }
    }
    let parameters = design.columnCount + (family == .negativeBinomial ? 1 : 0)
    guard n > parameters else {
      throw ModelError(
        .tooFewRows, value: Double(n),
        "\(n) rows cannot estimate \(parameters) parameters; at least \(parameters + 1) rows "
          + "are needed (and many more for trustworthy standard errors)")
    }
    if family == .logit { try Separation.precheck(design: design, y: outcome) }
  }

  /// The fit without result assembly (validated input).
  static func fitRaw(
    _ design: DesignMatrix, outcome: [Double], family: CountModelFamily, wantMeat: Bool,
    options: Options, start: [Double]? = nil
  ) throws(ModelError) -> RawFit {
    switch family {
    case .poisson, .logit:
      var fitter = GLMFitter(
        link: family == .poisson ? .log : .logit, design: design, y: outcome,
        maxIterations: options.maxIterations, tolerance: options.tolerance, wantMeat: wantMeat)
      fitter.start = start
      return try fitter.fit()
    case .negativeBinomial:
      var fitter = NegativeBinomialFitter(
        design: design, y: outcome, maxIterations: options.maxIterations,
        tolerance: options.tolerance, wantMeat: wantMeat)
      fitter.start = start
      return try fitter.fit()
    }
  }

  /// Builds the public result from a raw fit.
  static func assemble(
    _ raw: RawFit, design: DesignMatrix, family: CountModelFamily, covariance: CovarianceType,
    options: Options
  ) -> RegressionResult {
    let n = design.rowCount
    let k = raw.parameters.count
    var matrix = raw.covariance
    if covariance != .modelBased, let meat = raw.meat {
      matrix = DenseAlgebra.sandwich(raw.covariance, meat, k)
      if covariance == .hc1 {
        let factor = Double(n) / Double(n - k)
        for j in matrix.indices { matrix[j] *= factor }
      }
    }
    let critical = NormalDistribution.quantile(1 - (1 - options.confidenceLevel) / 2)
    var coefficients: [RegressionCoefficient] = []
    for j in 0..<design.columnCount {
      let estimate = raw.parameters[j]
      let se = matrix[j * k + j].squareRoot()
      let z = estimate / se
      coefficients.append(
        RegressionCoefficient(
          name: design.columnNames[j], estimate: estimate, standardError: se, z: z,
          pValue: 2 * NormalDistribution.sf(abs(z)), confidenceLow: estimate - critical * se,
          confidenceHigh: estimate + critical * se))
    }
    var alpha: DispersionEstimate? = nil
    if family == .negativeBinomial {
      alpha = DispersionEstimate(
        estimate: raw.parameters[k - 1], standardError: matrix[(k - 1) * k + k - 1].squareRoot())
    }
    let llf = raw.logLikelihood
    return RegressionResult(
      family: family, covarianceType: covariance, confidenceLevel: options.confidenceLevel,
      coefficients: coefficients, alpha: alpha, logLikelihood: llf, deviance: raw.deviance,
      aic: -2 * llf + 2 * Double(k), bic: -2 * llf + Double(k) * log(Double(n)),
      observationCount: n, parameterCount: k, iterations: raw.iterations, covariance: matrix)
  }
}
