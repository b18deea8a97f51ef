#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fisher's noncentral hypergeometric distribution of the (1, 1) cell of a 2 × 2 table with
/// fixed margins, P(X = k; ω) ∝ C(n, k)·C(M − n, N − k)·ωᵏ, and the conditional odds-ratio
/// estimates built on it. Internal.
///
/// scipy evaluates this distribution with Agner Fog's BiasedUrn library, which truncates the
/// normalising sum at terms below 1e-13 of the largest; here every term of the support is
/// summed (the central log-probabilities come from ``HypergeometricDistribution/logPMF(_:)``,
/// accurate to about 1e-15), and the mean, lower and upper tails are each summed directly
/// rather than as complements. The root finding is scipy's: its bracketing search
/// (`_solve`, doubling or halving from ω = 1) and a port of its `brentq` with
/// `xtol = 1e-13`, `rtol = 4ε`.
struct FisherNoncentralHypergeometric {
  let observed: Int
  let support: ClosedRange<Int>
  let sampleOddsRatio: Double
  /// ln P(X = k; ω = 1) for k in `support`.
  let logCentral: [Double]

  init(table: TwoByTwoTable) {
    observed = table.a
    let central = HypergeometricDistribution(
      population: table.total, successes: table.row1Total, draws: table.column1Total)
    support = central.support
    sampleOddsRatio = FisherExactTest.sampleOddsRatio(table)
    logCentral = support.map { central.logPMF($0) }
  }

  /// The normalised weights exp(ln P₀(k) + k ln ω − max) for every k in the support, and
  /// their sum.
  private func weights(_ omega: Double) -> (weights: [Double], total: Double) {
    let logOmega = log(omega)
    let lower = support.lowerBound
    var largest = -Double.infinity
    for index in logCentral.indices {
      largest = max(largest, logCentral[index] + Double(lower + index) * logOmega)
    }
    var values = [Double](repeating: 0, count: logCentral.count)
    for index in logCentral.indices {
      values[index] = exp(logCentral[index] + Double(lower + index) * logOmega - largest)
    }
    return (values, compensatedSum(values))
  }

  /// E[X; ω] − observed, summed as Σ (k − observed)·w_k / Σ w_k.
  func meanMinusObserved(_ omega: Double) -> Double {
    let (values, total) = weights(omega)
    let lower = support.lowerBound
    let deviations = values.indices.lazy.map { Double(lower + $0 - self.observed) * values[$0] }
    return compensatedSum(deviations) / total
  }

  /// P(X ≤ k; ω), summed over the lower tail.
  func cdf(_ k: Int, _ omega: Double) -> Double {
    let (values, total) = weights(omega)
    let last = k - support.lowerBound
    if last < 0 { return 0 }
    if last >= values.count - 1 { return 1 }
    return compensatedSum(values[0...last]) / total
  }

  /// P(X > k; ω), summed over the upper tail.
  func sf(_ k: Int, _ omega: Double) -> Double {
    let (values, total) = weights(omega)
    let first = k + 1 - support.lowerBound
    if first <= 0 { return 1 }
    if first >= values.count { return 0 }
    return compensatedSum(values[first...]) / total
  }

  /// scipy's `_conditional_oddsratio`: 0 or +∞ at the ends of the support, else the ω whose
  /// mean is the observed count.
  func conditionalMaximumLikelihood() -> Double {
    if observed == support.lowerBound { return 0 }
    if observed == support.upperBound { return .infinity }
    return Self.solve { meanMinusObserved($0) }
  }

  /// scipy's `_conditional_oddsratio_ci`.
  func confidenceInterval(level: Double, alternative: Alternative) -> ConfidenceInterval {
    switch alternative {
    case .twoSided:
      let alpha = 0.5 * (1 - level)
      return ConfidenceInterval(lower: lowerLimit(alpha), upper: upperLimit(alpha), level: level)
    case .less:
      return ConfidenceInterval(lower: 0, upper: upperLimit(1 - level), level: level)
    case .greater:
      return ConfidenceInterval(lower: lowerLimit(1 - level), upper: .infinity, level: level)
    }
  }

  /// The ω with P(X ≤ observed; ω) = α (`_ci_upper`).
  func upperLimit(_ alpha: Double) -> Double {
    if sampleOddsRatio == .infinity { return .infinity }
    return Self.solve { -cdf(observed, $0) + alpha }
  }

  /// The ω with P(X ≥ observed; ω) = α (`_ci_lower`).
  func lowerLimit(_ alpha: Double) -> Double {
    if sampleOddsRatio == 0 { return 0 }
    return Self.solve { sf(observed - 1, $0) - alpha }
  }

  /// scipy's `_solve`: bracket the root of an increasing function by halving or doubling from
  /// 1, then `brentq(func, lo, hi, xtol=1e-13)`.
  static func solve(_ f: (Double) -> Double) -> Double {
    var nc = 1.0
    let value = f(nc)
    if value == 0 { return nc }
    let factor = 2.0
    let low: Double
    let high: Double
    var steps = 0
    if value > 0 {
      nc /= factor
      while f(nc) > 0 && steps < 1100 {
        nc /= factor
        steps += 1
      }
      low = nc
      high = factor * nc
    } else {
      nc *= factor
      while f(nc) < 0 && steps < 1100 {
        nc *= factor
        steps += 1
      }
      low = nc / factor
      high = nc
    }
    return brent(f, low, high, xtol: 1e-13, rtol: 4 * Double.ulpOfOne, maxIterations: 100)
  }

  /// A port of scipy's `brentq` (scipy/optimize/Zeros/brentq.c): Brent's method with inverse
  /// quadratic extrapolation, returning once the bracket is below xtol + rtol·|x|.
  static func brent(
    _ f: (Double) -> Double, _ xa: Double, _ xb: Double, xtol: Double, rtol: Double,
    maxIterations: Int
  ) -> Double {
    var xpre = xa
    var xcur = xb
    var xblk = 0.0
    var fblk = 0.0
    var spre = 0.0
    var scur = 0.0
    var fpre = f(xpre)
    var fcur = f(xcur)
    if fpre == 0 { return xpre }
    if fcur == 0 { return xcur }
    if fpre.sign == fcur.sign { return .nan }
    for _ in 0..<maxIterations {
      if fpre != 0 && fcur != 0 && fpre.sign != fcur.sign {
        xblk = xpre
        fblk = fpre
        spre = xcur - xpre
        scur = spre
      }
      if abs(fblk) < abs(fcur) {
        xpre = xcur
        xcur = xblk
        xblk = xpre
        fpre = fcur
        fcur = fblk
        fblk = fpre
      }
      let delta = (xtol + rtol * abs(xcur)) / 2
      let sbis = (xblk - xcur) / 2
      if fcur == 0 || abs(sbis) < delta { return xcur }
      if abs(spre) > delta && abs(fcur) < abs(fpre) {
        let stry: Double
        if xpre == xblk {
          // interpolate
          stry = -fcur * (xcur - xpre) / (fcur - fpre)
        } else {
          // extrapolate
          let dpre = (fpre - fcur) / (xpre - xcur)
          let dblk = (fblk - fcur) / (xblk - xcur)
          stry = -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre))
        }
        if 2 * abs(stry) < min(abs(spre), 3 * abs(sbis) - delta) {
          // good short step
          spre = scur
          scur = stry
        } else {
          // bisect
          spre = sbis
          scur = sbis
        }
      } else {
        spre = sbis
        scur = sbis
      }
      xpre = xcur
      fpre = fcur
      if abs(scur) > delta {
        xcur += scur
      } else {
        xcur += sbis > 0 ? delta : -delta
      }
      fcur = f(xcur)
    }
    return xcur
  }
}
