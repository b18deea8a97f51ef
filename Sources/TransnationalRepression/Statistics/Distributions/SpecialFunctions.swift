#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Internal special-function kernels shared by the distributions. Not API.
//
// The saddle-point pieces (`stirlingError`, `binomialDeviance`, `logBinomialProbability`) follow
// C. Loader, "Fast and Accurate Computation of Binomial Probabilities" (2000),
// https://www.r-project.org/doc/reports/CLoader-dbinom-2002.pdf — the algorithm behind R's
// `dbinom` and `dhyper`. They keep relative accuracy near machine precision where naive
// `lgamma` differences lose many digits to cancellation.

enum SpecialFunctions {
  /// ln √(2π).
  static let logSqrtTwoPi = 0.918_938_533_204_672_741_780_329_736_406
  /// ln(2π).
  static let logTwoPi = 1.837_877_066_409_345_483_560_659_472_811

  /// `log Γ(x)` through the reentrant `lgamma_r` (plain `lgamma` writes the global `signgam`).
  @inline(__always)
  static func logGamma(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
  }

  /// Stirling's error δ(n) = ln Γ(n + 1) − (n + ½) ln n + n − ln √(2π), for n ≥ 0.
  ///
  /// Tabulated at the half-integers up to 15 (values computed with mpmath at 40 digits),
  /// Loader's asymptotic series above 15, and the defining formula elsewhere.
  static func stirlingError(_ n: Double) -> Double {
    if n <= 15 {
      let twice = n + n
      if twice == twice.rounded(.towardZero) {
        return stirlingHalves[Int(twice)]
      }
      return logGamma(n + 1) - (n + 0.5) * log(n) + n - logSqrtTwoPi
    }
    let s0 = 1.0 / 12
    let s1 = 1.0 / 360
    let s2 = 1.0 / 1260
    let s3 = 1.0 / 1680
    let s4 = 1.0 / 1188
    let nn = n * n
    if n > 500 { return (s0 - s1 / nn) / n }
    if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
    if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
  }

  private static let stirlingHalves: [Double] = [
    0.0,
    0.1534264097200273452914, 0.08106146679532725821967, 0.05481412105191765389614,
    0.04134069595540929409382, 0.03316287351993628748511, 0.02767792568499833914879,
    0.02374616365629749597133, 0.02079067210376509311152, 0.01848845053267318523078,
    0.01664469118982119216319, 0.01513497322191737887351, 0.01387612882307074799875,
    0.01281046524292022692425, 0.01189670994589177009506, 0.01110455975820691732663,
    0.01041126526197209649748, 0.00979941612615880329839, 0.009255462182712732917729,
    0.008768700134139385462955, 0.008330563433362871256469, 0.00793411456431402054725,
    0.007573675487951840794972, 0.007244554301320383179546, 0.006942840107209529865664,
    0.006665247032707682442356, 0.00640899418800420706844, 0.006171712263039457647535,
    0.005951370112758847735624, 0.005746216513010115682026, 0.005554733551962801371039,
  ]

  /// The binomial deviance term D(x, m) = x ln(x / m) + m − x ≥ 0, accurate also when x ≈ m.
  ///
  /// Uses the series 2x Σ v^(2j+1)/(2j+1) − (x − m)v with v = (x − m)/(x + m) while |v| < ½
  /// (Loader uses 0.1; the series still converges fast there), and m·φ(x/m) with
  /// φ(1 + u) = (1 + u) ln(1 + u) − u otherwise.
  static func binomialDeviance(_ x: Double, _ m: Double) -> Double {
    if x == 0 { return m }
    let difference = x - m
    if abs(difference) < 0.5 * (x + m) {
      var v = difference / (x + m)
      var s = difference * v
      if abs(s) < Double.leastNormalMagnitude { return s }
      var ej = 2 * x * v
      v = v * v
      var j = 1
      while j < 1000 {
        ej *= v
        let s1 = s + ej / Double(2 * j + 1)
        if s1 == s { return s1 }
        s = s1
        j += 1
      }
      return s
    }
    let u = difference / m
    return m * ((1 + u) * log1p(u) - u)
  }

  /// ln of the binomial probability P(X = x), X ~ Binomial(n, p) with q = 1 − p given
  /// separately (Loader's `dbinom_raw`, in log space so that it never underflows).
  static func logBinomialProbability(_ x: Double, _ n: Double, _ p: Double, _ q: Double) -> Double {
    if p == 0 { return x == 0 ? 0 : -.infinity }
    if q == 0 { return x == n ? 0 : -.infinity }
    if x < 0 || x > n { return -.infinity }
    if x == 0 {
      if n == 0 { return 0 }
      return p < 0.1 ? -binomialDeviance(n, n * q) - n * p : n * log(q)
    }
    if x == n {
      return q < 0.1 ? -binomialDeviance(n, n * p) - n * q : n * log(p)
    }
    let lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x)
      - binomialDeviance(x, n * p) - binomialDeviance(n - x, n * q)
    let lf = logTwoPi + log(x) + log1p(-x / n)
    return lc - 0.5 * lf
  }

  /// ln[Γ(a + b) / Γ(a)] for a ≥ 1 large, b ≥ 0, without the cancellation of two `lgamma`s.
  static func logGammaRatio(_ a: Double, plus b: Double) -> Double {
    if a < 15 || b > a {
      return logGamma(a + b) - logGamma(a)
    }
    // With Γ(z) = √(2π/z) (z/e)^z e^{δ(z)} (δ = `stirlingError`):
    // ln Γ(a+b) − ln Γ(a) = (a − ½) ln(1 + b/a) + b ln(a + b) − b + δ(a+b) − δ(a).
    return (a - 0.5) * log1p(b / a) + b * log(a + b) - b
      + stirlingError(a + b) - stirlingError(a)
  }

  /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), accurate when one or both arguments are large.
  static func logBeta(_ a: Double, _ b: Double) -> Double {
    let small = min(a, b)
    let large = max(a, b)
    if large < 15 {
      return logGamma(a) + logGamma(b) - logGamma(a + b)
    }
    if small < 15 {
      return logGamma(small) - logGammaRatio(large, plus: small)
    }
    // Both large: Stirling for all three Γ values,
    // ln B = ½[ln 2π + ln(a+b) − ln a − ln b] − a ln(1 + b/a) − b ln(1 + a/b)
    //        + δ(a) + δ(b) − δ(a+b).
    return 0.5 * (logTwoPi + log(small + large) - log(small) - log(large))
      - small * log1p(large / small) - large * log1p(small / large)
      + stirlingError(small) + stirlingError(large) - stirlingError(small + large)
  }
}

/// Double-double helpers for exactly rounded products of many factors.
enum DoubleDouble {
  /// The product of the integers `2...n` rounded once to the nearest Double (`n!` correctly
  /// rounded in practice: the running product is carried to about 106 bits).
  static func factorial(_ n: Int) -> Double {
    if n > 170 { return .infinity }
    var high = 1.0
    var low = 0.0
    if n < 2 { return 1 }
    for k in 2...n {
      let factor = Double(k)
      let product = high * factor
      let error = fma(high, factor, -product)
      let newLow = fma(low, factor, error)
      high = product + newLow
      low = newLow - (high - product)
    }
    return high + low
  }
}
