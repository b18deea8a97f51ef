#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
///
/// This is the distribution function of the Gamma(a, 1) distribution, and through it of the
/// chi-square distribution (``ChiSquaredDistribution``) and the Poisson distribution function.
///
/// For x < a + 1 the power series P = xᵃe⁻ˣ/Γ(a + 1) · Σₖ xᵏ/((a + 1)⋯(a + k)) is summed; otherwise
/// the complement Q is evaluated by Legendre's continued fraction with the modified Lentz
/// algorithm, and P = 1 − Q. The prefactor xᵃe⁻ˣ/Γ(a + 1) is formed with Loader's saddle-point
/// expansion (Stirling error and deviance term) when a ≥ 10, so that no `lgamma` difference
/// cancels for large a, and each tail is computed directly when it is the small one.
///
/// ```swift
/// regularizedLowerIncompleteGamma(a: 1.5, x: 2)   // 0.73853587005088938…
/// ```
///
/// Compared with scipy's `special.gammainc` and 50-digit mpmath on the chi-square grid of the
/// tests (a from 0.25 to 2500, x from 5e-301 to 20 000, both tails): within 1e-12 relative.
///
/// - Parameters:
///   - a: The shape, > 0.
///   - x: The point, ≥ 0.
/// - Returns: P(a, x) in [0, 1]; NaN for invalid arguments.
/// - Complexity: O(√a) iterations near x ≈ a, fewer elsewhere.
public func regularizedLowerIncompleteGamma(a: Double, x: Double) -> Double {
  IncompleteGamma.evaluate(a: a, x: x).lower
}

/// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x),
/// computed without cancellation (scipy's `special.gammaincc`).
///
/// ```swift
/// regularizedUpperIncompleteGamma(a: 0.5, x: 50)  // 1.5239706048320995e-23: the chi-square(1) tail at 100
/// ```
///
/// - Parameters:
///   - a: The shape, > 0.
///   - x: The point, ≥ 0.
/// - Returns: Q(a, x) in [0, 1]; NaN for invalid arguments.
/// - Complexity: O(√a) iterations near x ≈ a, fewer elsewhere.
public func regularizedUpperIncompleteGamma(a: Double, x: Double) -> Double {
  IncompleteGamma.evaluate(a: a, x: x).upper
}

/// Internal machinery of the incomplete gamma function. Not API.
enum IncompleteGamma {
  /// P, Q and ln Q, each accurate in relative terms.
  struct Tails {
    var lower: Double
    var upper: Double
    var logUpper: Double
  }

  static func evaluate(a: Double, x: Double) -> Tails {
    guard a > 0, a.isFinite, x >= 0, !x.isNaN else {
      return Tails(lower: .nan, upper: .nan, logUpper: .nan)
    }
    if x == 0 { return Tails(lower: 0, upper: 1, logUpper: 0) }
    if x == .infinity { return Tails(lower: 1, upper: 0, logUpper: -.infinity) }
    let logFront = logPoissonTerm(a: a, x: x)  // ln[xᵃ e⁻ˣ / Γ(a + 1)]
    if x < a + 1 {
      let lower = exp(logFront) * series(a: a, x: x)
      let upper = 1 - lower
      return Tails(lower: lower, upper: upper, logUpper: log1p(-lower))
    }
    // Q = xᵃ e⁻ˣ / Γ(a) ÷ CF = a · exp(logFront) / CF.
    let fraction = continuedFraction(a: a, x: x)
    let logUpper = log(a) + logFront - log(fraction)
    let upper = exp(logUpper)
    return Tails(lower: 1 - upper, upper: upper, logUpper: logUpper)
  }

  /// ln[xᵃ e⁻ˣ / Γ(a + 1)], the logarithm of the Poisson probability of a at mean x.
  static func logPoissonTerm(a: Double, x: Double) -> Double {
    if a >= 10, x > 1e-100, x < 1e300 {
      // Loader: xᵃe⁻ˣ/Γ(a+1) = exp(−δ(a) − D(a, x)) / √(2πa), D(a, x) = a ln(a/x) + x − a.
      return -SpecialFunctions.stirlingError(a) - SpecialFunctions.binomialDeviance(a, x)
        - 0.5 * log(2 * Double.pi * a)
    }
    return a * log(x) - x - SpecialFunctions.logGamma(a + 1)
  }

  /// Σₖ xᵏ / ((a + 1)⋯(a + k)), for x < a + 1.
  static func series(a: Double, x: Double) -> Double {
    var term = 1.0
    var sum = 1.0
    var denominator = a
    for _ in 0..<100_000 {
      denominator += 1
      term *= x / denominator
      sum += term
      if term < sum * 1e-17 { break }
    }
    return sum
  }

  /// The continued fraction x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)), by the
  /// modified Lentz algorithm; Q(a, x) = xᵃe⁻ˣ/Γ(a) ÷ this value (for x ≥ a + 1).
  static func continuedFraction(a: Double, x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    var i = 1.0
    while i < 100_000 {
      let an = -i * (i - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
      i += 1
    }
    return 1 / h
  }
}
