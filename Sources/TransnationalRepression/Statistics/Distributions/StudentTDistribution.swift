#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Student's t distribution with ν degrees of freedom: distribution and survival functions
/// accurate in both tails.
///
/// For t < 0, P(T ≤ t) = ½·I_z(ν/2, ½) with z = ν/(ν + t²); the centre is
/// ½ + ½·I_w(½, ν/2) with w = t²/(ν + t²). Both z and w are formed directly (never as 1 − the
/// other), ln z = −log1p(t²/ν) is passed to the incomplete beta function exactly, and the tail
/// that is small is the one computed, so `cdf(-40)` and `sf(40)` keep full relative accuracy
/// and `cdf(1e-6)` is not swamped by rounding in 1 − z.
///
/// ```swift
/// let t = StudentTDistribution(degreesOfFreedom: 10)
/// t.cdf(2.228138851986522)   // 0.975
/// t.sf(40)                   // 1.1404288715428768e-12
/// ```
///
/// Matches scipy's `special.stdtr` to 1e-12 relative on ν = 0.5…1e5, |t| ≤ 40; near t = 0
/// scipy (Cephes) loses digits (about 3e-11 relative at ν = 1, t = 1e-6) where this
/// implementation agrees with 60-digit mpmath. See
/// [scipy.special.stdtr](https://docs.scipy.org/doc/scipy/reference/generated/scipy.special.stdtr.html).
public struct StudentTDistribution: Sendable, Hashable, Codable {
  /// The degrees of freedom ν > 0 (need not be an integer; +∞ gives the normal distribution).
  public var degreesOfFreedom: Double

  /// Creates the distribution.
  ///
  /// ```swift
  /// let t = StudentTDistribution(degreesOfFreedom: 28)
  /// ```
  ///
  /// - Parameter degreesOfFreedom: ν > 0. Non-positive or NaN ν makes every probability NaN.
  /// - Returns: The distribution.
  /// - Complexity: O(1).
  public init(degreesOfFreedom: Double) {
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// The distribution function P(T ≤ t).
  ///
  /// ```swift
  /// StudentTDistribution(degreesOfFreedom: 1).cdf(-1)  // 0.25 (Cauchy)
  /// ```
  ///
  /// - Parameter t: The point; NaN gives NaN.
  /// - Returns: P(T ≤ t) in [0, 1].
  /// - Complexity: O(√ν) iterations of a continued fraction.
  public func cdf(_ t: Double) -> Double {
    lowerTail(t)
  }

  /// The survival function P(T > t), computed directly rather than as 1 − cdf.
  ///
  /// ```swift
  /// StudentTDistribution(degreesOfFreedom: 5).sf(3)  // 0.015049623948731293
  /// ```
  ///
  /// - Parameter t: The point; NaN gives NaN.
  /// - Returns: P(T > t) in [0, 1].
  /// - Complexity: O(√ν) iterations of a continued fraction.
  public func sf(_ t: Double) -> Double {
    lowerTail(-t)
  }

  private func lowerTail(_ t: Double) -> Double {
    let nu = degreesOfFreedom
    guard !t.isNaN, !nu.isNaN, nu > 0 else { return .nan }
    if nu == .infinity { return NormalDistribution.cdf(t) }
    if t == 0 { return 0.5 }
    if t.isInfinite { return t < 0 ? 0 : 1 }
    let magnitude = abs(t)
    let z: Double
    let w: Double
    let logZ: Double
    let logW: Double
    if magnitude > 1e150 {
      // t² overflows: z = ν/t², w = 1.
      z = (nu / magnitude) / magnitude
      w = 1
      logZ = log(nu) - 2 * log(magnitude)
      logW = -z
    } else {
      let square = magnitude * magnitude
      let denominator = nu + square
      z = nu / denominator
      w = square / denominator
      let ratio = square / nu
      logZ = -log1p(ratio)
      logW = -log1p(1 / ratio)
    }
    let tails = IncompleteBeta.evaluate(a: nu / 2, b: 0.5, x: z, y: w, logX: logZ, logY: logW)
    let tail = 0.5 * tails.value
    return t < 0 ? tail : 0.5 + 0.5 * tails.complement
  }
}
