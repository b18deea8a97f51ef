/// The regression models that ``CountRegression`` fits.
///
/// ```swift
/// let family = CountModelFamily(rawValue: "negative-binomial")  // .negativeBinomial
/// ```
public enum CountModelFamily: String, Sendable, Hashable, Codable, CaseIterable {
  /// Poisson regression with a log link (a GLM, fitted by iteratively reweighted least squares):
  /// E[yᵢ] = exposureᵢ · exp(xᵢβ). Matches statsmodels' `GLM(family=Poisson())` and R's
  /// `glm(family = poisson)`.
  case poisson
  /// Negative binomial regression NB2 with a log link: Var[yᵢ] = μᵢ + α μᵢ², with the dispersion
  /// α estimated by maximum likelihood jointly with β. Matches statsmodels'
  /// `NegativeBinomial(loglike_method="nb2")` and R's `MASS::glm.nb` (which reports θ = 1/α).
  case negativeBinomial = "negative-binomial"
  /// Logistic regression for a 0/1 outcome (a binomial GLM with the logit link). Matches
  /// statsmodels' `GLM(family=Binomial())` and R's `glm(family = binomial)`.
  case logit

  /// Whether the outcome must be a count (a non-negative whole number) rather than 0/1.
  ///
  /// ```swift
  /// CountModelFamily.poisson.isCountModel  // true
  /// ```
  public var isCountModel: Bool { self != .logit }
}

/// How the standard errors of a fit are computed.
///
/// ```swift
/// let result = try CountRegression.fit(design, outcome: y, family: .poisson, covariance: .hc1)
/// ```
public enum CovarianceType: String, Sendable, Hashable, Codable, CaseIterable {
  /// The inverse of the information matrix at the estimate (statsmodels' default
  /// `cov_type="nonrobust"`, R's `vcov`): valid when the model's variance function is right.
  case modelBased = "nonrobust"
  /// White's heteroskedasticity-consistent sandwich H⁻¹(Σᵢ sᵢsᵢᵀ)H⁻¹ from the per-row scores sᵢ,
  /// without a small-sample factor: statsmodels' `fit(cov_type="HC0")` and R's
  /// `sandwich::vcovHC(type = "HC0")`.
  case hc0 = "HC0"
  /// HC0 multiplied by n/(n − k), with k the number of estimated parameters: Stata's and R's
  /// `sandwich::vcovHC(type = "HC1")` convention.
  ///
  /// statsmodels' GLM and discrete models apply *no* factor for `cov_type="HC1"` (their HC1 equals
  /// their HC0), so statsmodels users should compare this with HC0 · n/(n − k).
  case hc1 = "HC1"
}
