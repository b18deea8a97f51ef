#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The chi-square distribution with k degrees of freedom: distribution and survival functions,
/// accurate in both tails.
///
/// The distribution function is the regularized incomplete gamma function P(k/2, x/2) and the
/// survival function its complement Q(k/2, x/2), each computed directly (never as 1 − the other
/// when it is the small tail); see ``regularizedLowerIncompleteGamma(a:x:)``. The likelihood-ratio
/// test of nested count models (``LikelihoodRatioTest``) takes its p-value from ``sf(_:)``.
///
/// ```swift
/// let chi2 = ChiSquaredDistribution(degreesOfFreedom: 1)
/// chi2.sf(3.841458820694124)   // 0.05
/// chi2.sf(100)                 // 1.5239706048320995e-23
/// chi2.logSF(5000)             // −2504.4845878484514, where sf underflows to 0
/// ```
///
/// Compared with scipy's `stats.chi2.cdf`, `sf` and `logsf`: within 1e-12 relative on a grid of
/// 15 degrees of freedom (0.5 to 5000) and points from 1e-300 to 40 000 (both tails), and with
/// 50-digit mpmath values where scipy is less accurate. See
/// [scipy.stats.chi2](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.chi2.html).
public struct ChiSquaredDistribution: Sendable, Hashable, Codable {
  /// The degrees of freedom k (> 0; need not be an integer).
  public var degreesOfFreedom: Double

  /// Creates the distribution.
  ///
  /// ```swift
  /// let chi2 = ChiSquaredDistribution(degreesOfFreedom: 3)
  /// ```
  ///
  /// - Parameter degreesOfFreedom: k > 0. Other values make every function return NaN.
  /// - Returns: The distribution.
  public init(degreesOfFreedom: Double) {
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// The distribution function P(X ≤ x).
  ///
  /// ```swift
  /// ChiSquaredDistribution(degreesOfFreedom: 2).cdf(2)  // 1 − e⁻¹ = 0.6321205588285577
  /// ```
  ///
  /// - Parameter x: The point; values ≤ 0 give 0, NaN gives NaN.
  /// - Returns: P(k/2, x/2).
  /// - Complexity: O(√k) iterations at most.
  public func cdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0 { return degreesOfFreedom > 0 ? 0 : .nan }
    return IncompleteGamma.evaluate(a: degreesOfFreedom / 2, x: x / 2).lower
  }

  /// The survival function P(X > x), computed directly: this is the p-value of a chi-square
  /// statistic x.
  ///
  /// ```swift
  /// ChiSquaredDistribution(degreesOfFreedom: 1).sf(3.841458820694124)  // 0.05
  /// ```
  ///
  /// - Parameter x: The point; values ≤ 0 give 1, NaN gives NaN.
  /// - Returns: Q(k/2, x/2).
  /// - Complexity: O(√k) iterations at most.
  public func sf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0 { return degreesOfFreedom > 0 ? 1 : .nan }
    return IncompleteGamma.evaluate(a: degreesOfFreedom / 2, x: x / 2).upper
  }

  /// The natural logarithm of the survival function, finite far beyond the point where
  /// ``sf(_:)`` underflows to 0 (scipy's `chi2.logsf`, which returns −∞ at this example).
  ///
  /// ```swift
  /// ChiSquaredDistribution(degreesOfFreedom: 1).logSF(5000)  // −2504.4845878484514
  /// ```
  ///
  /// - Parameter x: The point; values ≤ 0 give 0, NaN gives NaN.
  /// - Returns: ln Q(k/2, x/2).
  /// - Complexity: O(√k) iterations at most.
  public func logSF(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0 { return degreesOfFreedom > 0 ? 0 : .nan }
    return IncompleteGamma.evaluate(a: degreesOfFreedom / 2, x: x / 2).logUpper
  }
}
