#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One estimated coefficient with its standard error, Wald z test and Wald confidence interval.
///
/// ```swift
/// let debt = result.coefficient(named: "debt_share")!
/// print(debt.estimate, debt.standardError, debt.pValue)
/// print(debt.ratio, debt.ratioLow, debt.ratioHigh)   // incidence-rate (or odds) ratio
/// ```
public struct RegressionCoefficient: Sendable, Hashable, Codable {
  /// The column name (`(intercept)` for the intercept).
  public var name: String
  /// The maximum-likelihood estimate β̂.
  public var estimate: Double
  /// The standard error of β̂ under the result's ``RegressionResult/covarianceType``.
  public var standardError: Double
  /// The Wald statistic β̂ / SE.
  public var z: Double
  /// The two-sided p-value 2·(1 − Φ(|z|)) from the standard normal distribution.
  public var pValue: Double
  /// The lower end of the Wald interval β̂ − z₍₁₋α/2₎·SE.
  public var confidenceLow: Double
  /// The upper end of the Wald interval β̂ + z₍₁₋α/2₎·SE.
  public var confidenceHigh: Double

  /// Creates a coefficient record.
  ///
  /// ```swift
  /// let c = RegressionCoefficient(name: "x", estimate: 0.5, standardError: 0.1, z: 5,
  ///                               pValue: 5.7e-7, confidenceLow: 0.30, confidenceHigh: 0.70)
  /// ```
  ///
  /// - Parameters:
  ///   - name: The column name.
  ///   - estimate: The estimate.
  ///   - standardError: Its standard error.
  ///   - z: The Wald statistic.
  ///   - pValue: The two-sided p-value.
  ///   - confidenceLow: The lower interval end.
  ///   - confidenceHigh: The upper interval end.
  /// - Returns: The record.
  public init(
    name: String, estimate: Double, standardError: Double, z: Double, pValue: Double,
    confidenceLow: Double, confidenceHigh: Double
  ) {
    self.name = name
    self.estimate = estimate
    self.standardError = standardError
    self.z = z
    self.pValue = pValue
    self.confidenceLow = confidenceLow
    self.confidenceHigh = confidenceHigh
  }

  /// exp(β̂): the incidence-rate ratio (Poisson, negative binomial) or odds ratio (logit) for a
  /// one-unit increase of the covariate.
  ///
  /// ```swift
  /// coefficient.ratio  // 1.35: 35 % more cases per unit, other covariates held fixed
  /// ```
  public var ratio: Double { exp(estimate) }
  /// exp of ``confidenceLow``: the lower end of the ratio's interval.
  public var ratioLow: Double { exp(confidenceLow) }
  /// exp of ``confidenceHigh``: the upper end of the ratio's interval.
  public var ratioHigh: Double { exp(confidenceHigh) }
}

/// The dispersion α of a negative binomial NB2 fit (Var = μ + αμ²) with its standard error.
///
/// ```swift
/// if let alpha = result.alpha { print(alpha.estimate, alpha.standardError) }
/// ```
public struct DispersionEstimate: Sendable, Hashable, Codable {
  /// The maximum-likelihood estimate of α (R's `glm.nb` reports θ = 1/α).
  public var estimate: Double
  /// Its standard error in the α parameterization (from the inverse Hessian of the joint
  /// (β, α) log-likelihood, as statsmodels reports it).
  public var standardError: Double

  /// Creates the record.
  ///
  /// ```swift
  /// let alpha = DispersionEstimate(estimate: 0.44, standardError: 0.11)
  /// ```
  ///
  /// - Parameters:
  ///   - estimate: α̂.
  ///   - standardError: Its standard error.
  /// - Returns: The record.
  public init(estimate: Double, standardError: Double) {
    self.estimate = estimate
    self.standardError = standardError
  }
}

/// A fitted count or binary regression: coefficients, dispersion, fit statistics.
///
/// ```swift
/// let result = try CountRegression.fit(design, outcome: counts, family: .negativeBinomial)
/// for c in result.coefficients { print(c.name, c.ratio, c.pValue) }
/// print(result.alpha!.estimate, result.logLikelihood, result.aic, result.bic)
/// ```
public struct RegressionResult: Sendable, Hashable, Codable {
  /// The model.
  public var family: CountModelFamily
  /// How the standard errors were computed.
  public var covarianceType: CovarianceType
  /// The confidence level of the intervals (0.95 by default).
  public var confidenceLevel: Double
  /// The coefficients, in the order of the design's columns.
  public var coefficients: [RegressionCoefficient]
  /// The negative binomial dispersion α; `nil` for Poisson and logit.
  public var alpha: DispersionEstimate?
  /// The maximized log-likelihood, with all constants (ln yᵢ! for counts), as statsmodels' `llf`.
  public var logLikelihood: Double
  /// The residual deviance: 2Σ[y ln(y/μ) − (y − μ)] for Poisson, −2ℓ for logit, and for the
  /// negative binomial the deviance at the fitted α that R's `MASS::glm.nb` reports.
  public var deviance: Double
  /// Akaike's criterion −2ℓ + 2k, with k = ``parameterCount``.
  public var aic: Double
  /// The Bayesian criterion −2ℓ + k·ln n (statsmodels' GLM `bic_llf` and discrete-model `bic`,
  /// R's `BIC`), with k = ``parameterCount``. Not statsmodels' deviance-based GLM `bic`.
  public var bic: Double
  /// The number of rows used, n.
  public var observationCount: Int
  /// The number of estimated parameters k: the coefficients, plus α for the negative binomial.
  public var parameterCount: Int
  /// The number of Newton/IRLS iterations taken.
  public var iterations: Int
  /// The covariance matrix of the coefficients (and, last, α for the negative binomial), k×k
  /// row-major, under ``covarianceType``.
  public var covariance: [Double]

  /// Creates a result record (the fits create these; this initializer serves tests and decoding).
  ///
  /// ```swift
  /// let copy = RegressionResult(family: r.family, covarianceType: r.covarianceType,
  ///   confidenceLevel: r.confidenceLevel, coefficients: r.coefficients, alpha: r.alpha,
  ///   logLikelihood: r.logLikelihood, deviance: r.deviance, aic: r.aic, bic: r.bic,
  ///   observationCount: r.observationCount, parameterCount: r.parameterCount,
  ///   iterations: r.iterations, covariance: r.covariance)
  /// ```
  ///
  /// - Parameters:
  ///   - family: The model.
  ///   - covarianceType: How the standard errors were computed.
  ///   - confidenceLevel: The confidence level of the intervals.
  ///   - coefficients: The coefficients.
  ///   - alpha: The dispersion (negative binomial only).
  ///   - logLikelihood: The maximized log-likelihood.
  ///   - deviance: The residual deviance.
  ///   - aic: The AIC.
  ///   - bic: The BIC.
  ///   - observationCount: The number of rows used.
  ///   - parameterCount: The number of estimated parameters.
  ///   - iterations: The number of iterations.
  ///   - covariance: The k×k covariance matrix, row-major.
  /// - Returns: The record.
  public init(
    family: CountModelFamily, covarianceType: CovarianceType, confidenceLevel: Double,
    coefficients: [RegressionCoefficient], alpha: DispersionEstimate?, logLikelihood: Double,
    deviance: Double, aic: Double, bic: Double, observationCount: Int, parameterCount: Int,
    iterations: Int, covariance: [Double]
  ) {
    self.family = family
    self.covarianceType = covarianceType
    self.confidenceLevel = confidenceLevel
    self.coefficients = coefficients
    self.alpha = alpha
    self.logLikelihood = logLikelihood
    self.deviance = deviance
    self.aic = aic
    self.bic = bic
    self.observationCount = observationCount
    self.parameterCount = parameterCount
    self.iterations = iterations
    self.covariance = covariance
  }

  /// The coefficient of the named column.
  ///
  /// ```swift
  /// result.coefficient(named: "(intercept)")?.estimate
  /// ```
  ///
  /// - Parameter name: A column name.
  /// - Returns: The coefficient, or `nil` when the model has no such column.
  /// - Complexity: O(p).
  public func coefficient(named name: String) -> RegressionCoefficient? {
    coefficients.first { $0.name == name }
  }
}
