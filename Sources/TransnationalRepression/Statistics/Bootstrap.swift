#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How ``Bootstrap/pairedInterval(_:_:statistic:method:alternative:confidenceLevel:resamples:seed:)``
/// turns the bootstrap distribution into an interval.
public enum BootstrapMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// The α and 1 − α quantiles of the bootstrap distribution.
  case percentile
  /// Bias-corrected and accelerated (Efron 1987): quantiles shifted by the bias correction z₀
  /// and the jackknife acceleration â. Second-order accurate; the default in scipy and here.
  case bca
}

/// The result of a bootstrap confidence-interval computation.
///
/// ```swift
/// let result = try Bootstrap.pairedInterval(x, y, statistic: { try! Correlation.pearson($0, $1).statistic })
/// print(result.estimate, result.confidenceInterval, result.standardError)
/// ```
public struct BootstrapResult: Sendable, Hashable, Codable {
  /// The statistic of the original data.
  public var estimate: Double
  /// The interval; the unconstrained side of a one-sided interval is ∓∞ (as scipy).
  public var confidenceInterval: ConfidenceInterval
  /// The standard deviation (n − 1 denominator) of the bootstrap distribution.
  public var standardError: Double
  /// The interval method.
  public var method: BootstrapMethod
  /// The alternative the interval corresponds to.
  public var alternative: Alternative
  /// The statistic of every resample, in the order drawn.
  public var bootstrapDistribution: [Double]
  /// The seed of the ``SeededGenerator`` that drew the resamples.
  public var seed: UInt64

  /// Creates a result (for decoding and for callers assembling results).
  ///
  /// ```swift
  /// let r = BootstrapResult(estimate: 0.3, confidenceInterval: ConfidenceInterval(lower: 0.1, upper: 0.5, level: 0.95),
  ///                         standardError: 0.1, method: .bca, alternative: .twoSided,
  ///                         bootstrapDistribution: [], seed: 0)
  /// ```
  ///
  /// - Parameters:
  ///   - estimate: The statistic of the data.
  ///   - confidenceInterval: The interval.
  ///   - standardError: The bootstrap standard error.
  ///   - method: The interval method.
  ///   - alternative: The alternative.
  ///   - bootstrapDistribution: The resampled statistics.
  ///   - seed: The generator seed.
  /// - Returns: The result.
  /// - Complexity: O(1).
  public init(
    estimate: Double, confidenceInterval: ConfidenceInterval, standardError: Double,
    method: BootstrapMethod, alternative: Alternative, bootstrapDistribution: [Double], seed: UInt64
  ) {
    self.estimate = estimate
    self.confidenceInterval = confidenceInterval
    self.standardError = standardError
    self.method = method
    self.alternative = alternative
    self.bootstrapDistribution = bootstrapDistribution
    self.seed = seed
  }
}

/// Bootstrap confidence intervals for a statistic of paired data, as scipy's
/// `bootstrap(..., paired=True)`.
///
/// Resampling draws n pair indices with replacement per resample from a ``SeededGenerator``
/// (so results are reproducible from the seed, though not equal to numpy's stream). The
/// interval arithmetic is split into pure functions — ``percentileInterval(bootstrapDistribution:level:alternative:)``
/// and ``bcaInterval(estimate:bootstrapDistribution:jackknife:level:alternative:)`` — that
/// reproduce scipy's `_bca_interval` and `scipy.stats.quantile(method='linear')` exactly when
/// fed the same bootstrap distribution; the tests do just that.
///
/// ```swift
/// let x = [0.2, 1.1, 2.3, 2.9, 4.2, 5.1, 6.0, 7.4]
/// let y = [0.5, 0.9, 2.8, 2.2, 4.9, 4.6, 6.6, 7.1]
/// let result = try Bootstrap.pairedInterval(x, y, statistic: { a, b in
///   (try? Correlation.pearson(a, b).statistic) ?? .nan
/// }, resamples: 4_999, seed: 1)
/// ```
///
/// References: B. Efron, "Better Bootstrap Confidence Intervals", *JASA* 82(397), 171–185
/// (1987), [doi:10.1080/01621459.1987.10478410](https://doi.org/10.1080/01621459.1987.10478410);
/// B. Efron and R. J. Tibshirani, *An Introduction to the Bootstrap*, Chapman & Hall (1993),
/// §14.3 and eq. 15.36; [scipy.stats.bootstrap](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.bootstrap.html).
public enum Bootstrap {
  /// Resamples pairs and returns the percentile or BCa interval of `statistic`.
  ///
  /// ```swift
  /// let meanDifference = try Bootstrap.pairedInterval(before, after, statistic: { a, b in
  ///   a.reduce(0, +) / Double(a.count) - b.reduce(0, +) / Double(b.count)
  /// }, method: .percentile, seed: 3)
  /// ```
  ///
  /// - Parameters:
  ///   - x: The first sample.
  ///   - y: The second sample, paired with `x`.
  ///   - statistic: The statistic of a pair of equally long samples.
  ///   - method: `.bca` (default) or `.percentile`.
  ///   - alternative: `.twoSided`, or a one-sided interval (`.less` gives (−∞, upper]).
  ///   - confidenceLevel: The level, in (0, 1).
  ///   - resamples: The number of bootstrap resamples, ≥ 1.
  ///   - seed: The seed of the generator drawing the resamples.
  /// - Returns: The estimate, interval, standard error and bootstrap distribution.
  /// - Throws: ``StatisticsError/lengthMismatch(x:y:)``,
  ///   ``StatisticsError/nonFiniteValue(index:)``,
  ///   ``StatisticsError/invalidConfidenceLevel(_:)``,
  ///   ``StatisticsError/invalidResampleCount(_:)``, and
  ///   ``StatisticsError/insufficientData(count:minimum:)`` for fewer than 2 pairs.
  /// - Complexity: O(B·(n + S(n))) for B resamples and a statistic costing S(n), plus n
  ///   jackknife evaluations for BCa and O(B log B) to sort.
  public static func pairedInterval(
    _ x: [Double], _ y: [Double], statistic: ([Double], [Double]) -> Double,
    method: BootstrapMethod = .bca, alternative: Alternative = .twoSided,
    confidenceLevel: Double = 0.95, resamples: Int = 9_999, seed: UInt64 = 0
  ) throws(StatisticsError) -> BootstrapResult {
    try Correlation.validatePairs(x, y)
    guard confidenceLevel > 0, confidenceLevel < 1 else {
      throw .invalidConfidenceLevel(confidenceLevel)
    }
    guard resamples >= 1 else { throw .invalidResampleCount(resamples) }
    let n = x.count
    guard n >= 2 else { throw .insufficientData(count: n, minimum: 2) }
    let estimate = statistic(x, y)
    var generator = SeededGenerator(seed: seed)
    var distribution = [Double]()
    distribution.reserveCapacity(resamples)
    var resampledX = [Double](repeating: 0, count: n)
    var resampledY = [Double](repeating: 0, count: n)
    for _ in 0..<resamples {
      for i in 0..<n {
        let index = generator.nextIndex(below: n)
        resampledX[i] = x[index]
        resampledY[i] = y[index]
      }
      distribution.append(statistic(resampledX, resampledY))
    }
    let interval: ConfidenceInterval
    switch method {
    case .percentile:
      interval = percentileInterval(
        bootstrapDistribution: distribution, level: confidenceLevel, alternative: alternative)
    case .bca:
      interval = bcaInterval(
        estimate: estimate, bootstrapDistribution: distribution,
        jackknife: jackknife(x, y, statistic: statistic), level: confidenceLevel,
        alternative: alternative)
    }
    return BootstrapResult(
      estimate: estimate, confidenceInterval: interval,
      standardError: standardDeviation(distribution), method: method, alternative: alternative,
      bootstrapDistribution: distribution, seed: seed)
  }

  /// The percentile interval: the quantiles α and 1 − α of the bootstrap distribution, with
  /// α = (1 − level)/2 for a two-sided interval and 1 − level for a one-sided one (whose open
  /// side is then ∓∞).
  ///
  /// Quantiles are scipy's `stats.quantile(method='linear')` (Hyndman–Fan type 7, numpy's
  /// default), computed with scipy's arithmetic.
  ///
  /// ```swift
  /// let ci = Bootstrap.percentileInterval(bootstrapDistribution: distribution, level: 0.9,
  ///                                       alternative: .twoSided)
  /// ```
  ///
  /// - Parameters:
  ///   - bootstrapDistribution: The resampled statistics (any order).
  ///   - level: The confidence level, in (0, 1).
  ///   - alternative: Which interval.
  /// - Returns: The interval; NaN bounds if the distribution contains NaN or is empty.
  /// - Complexity: O(B log B) for B values.
  public static func percentileInterval(
    bootstrapDistribution: [Double], level: Double, alternative: Alternative
  ) -> ConfidenceInterval {
    let alpha = alternative == .twoSided ? (1 - level) / 2 : 1 - level
    return interval(
      sorted: sortedOrNaN(bootstrapDistribution), lower: alpha, upper: 1 - alpha, level: level,
      alternative: alternative)
  }

  /// The bias-corrected and accelerated (BCa) interval from a bootstrap distribution and
  /// jackknife values — scipy's `_bca_interval` followed by its quantile step.
  ///
  /// With θ̂ the estimate, B bootstrap values θ*_b and n jackknife values θ₍ᵢ₎:
  /// - z₀ = Φ⁻¹(( #{θ*_b < θ̂} + #{θ*_b ≤ θ̂} ) / 2B);
  /// - Uᵢ = (n − 1)(θ̄₍·₎ − θ₍ᵢ₎) and â = Σ Uᵢ³/n³ ÷ (6 (Σ Uᵢ²/n²)^{3/2});
  /// - α₁ = Φ(z₀ + (z₀ + z_α)/(1 − â(z₀ + z_α))), α₂ likewise with z_{1−α};
  /// - the interval is the α₁ and α₂ quantiles of the bootstrap distribution.
  ///
  /// A degenerate distribution (every θ*_b on one side of θ̂, so z₀ = ±∞) gives NaN bounds,
  /// as in scipy, which warns in that case.
  ///
  /// ```swift
  /// let ci = Bootstrap.bcaInterval(estimate: 0.41, bootstrapDistribution: distribution,
  ///                                jackknife: leaveOneOut, level: 0.95, alternative: .twoSided)
  /// ```
  ///
  /// - Parameters:
  ///   - estimate: θ̂, the statistic of the original data.
  ///   - bootstrapDistribution: The B resampled statistics.
  ///   - jackknife: The n leave-one-out statistics.
  ///   - level: The confidence level, in (0, 1).
  ///   - alternative: Which interval (one-sided intervals use α = 1 − level and an infinite
  ///     open side).
  /// - Returns: The interval.
  /// - Complexity: O(B log B + n).
  public static func bcaInterval(
    estimate: Double, bootstrapDistribution: [Double], jackknife: [Double], level: Double,
    alternative: Alternative
  ) -> ConfidenceInterval {
    let alpha = alternative == .twoSided ? (1 - level) / 2 : 1 - level
    let levels = bcaLevels(
      estimate: estimate, bootstrapDistribution: bootstrapDistribution, jackknife: jackknife,
      alpha: alpha)
    return interval(
      sorted: sortedOrNaN(bootstrapDistribution), lower: levels.alpha1, upper: levels.alpha2,
      level: level, alternative: alternative)
  }

  /// The adjusted quantile levels α₁, α₂ and the acceleration â of the BCa interval.
  static func bcaLevels(
    estimate: Double, bootstrapDistribution: [Double], jackknife: [Double], alpha: Double
  ) -> (alpha1: Double, alpha2: Double, acceleration: Double) {
    let b = bootstrapDistribution.count
    var below = 0
    var atOrBelow = 0
    for value in bootstrapDistribution {
      if value < estimate { below += 1 }
      if value <= estimate { atOrBelow += 1 }
    }
    let percentile = Double(below + atOrBelow) / Double(2 * b)
    let z0 = NormalDistribution.quantile(percentile)

    let n = Double(jackknife.count)
    let mean = numpyMean(jackknife)
    let u = jackknife.map { (n - 1) * (mean - $0) }
    let numerator = pairwiseSum(u.map { $0 * $0 * $0 }) / (n * n * n)
    let denominator = pairwiseSum(u.map { $0 * $0 }) / (n * n)
    let acceleration = 1.0 / 6 * numerator / pow(denominator, 1.5)

    let zAlpha = NormalDistribution.quantile(alpha)
    let zOneMinusAlpha = -zAlpha
    let first = z0 + zAlpha
    let alpha1 = NormalDistribution.cdf(z0 + first / (1 - acceleration * first))
    let second = z0 + zOneMinusAlpha
    let alpha2 = NormalDistribution.cdf(z0 + second / (1 - acceleration * second))
    return (alpha1, alpha2, acceleration)
  }

  /// The n leave-one-out values of `statistic`.
  static func jackknife(
    _ x: [Double], _ y: [Double], statistic: ([Double], [Double]) -> Double
  ) -> [Double] {
    let n = x.count
    var values = [Double]()
    values.reserveCapacity(n)
    var partX = [Double](repeating: 0, count: n - 1)
    var partY = [Double](repeating: 0, count: n - 1)
    for left in 0..<n {
      var k = 0
      for i in 0..<n where i != left {
        partX[k] = x[i]
        partY[k] = y[i]
        k += 1
      }
      values.append(statistic(partX, partY))
    }
    return values
  }

  /// `scipy.stats.quantile(sorted, p, method='linear')` with scipy's arithmetic: NaN for p
  /// outside [0, 1] or NaN.
  static func linearQuantile(_ sorted: [Double], _ p: Double) -> Double {
    let n = Double(sorted.count)
    guard !sorted.isEmpty, p >= 0, p <= 1 else { return .nan }
    let jg = p * n + (1 - p)
    let jp1 = jg.rounded(.down)
    var j = jp1 - 1
    var g = jg - jp1
    if j < 0 { g = 0 }
    j = min(max(j, 0), n - 1)
    let next = min(max(jp1, 0), n - 1)
    return (1 - g) * sorted[Int(j)] + g * sorted[Int(next)]
  }

  private static func sortedOrNaN(_ values: [Double]) -> [Double] {
    values.contains(where: { $0.isNaN }) ? [] : values.sorted()
  }

  private static func interval(
    sorted: [Double], lower: Double, upper: Double, level: Double, alternative: Alternative
  ) -> ConfidenceInterval {
    var low = linearQuantile(sorted, lower)
    var high = linearQuantile(sorted, upper)
    if alternative == .less { low = -.infinity }
    if alternative == .greater { high = .infinity }
    return ConfidenceInterval(lower: low, upper: high, level: level)
  }

  /// The sample standard deviation (n − 1 denominator), two-pass.
  static func standardDeviation(_ values: [Double]) -> Double {
    guard values.count > 1 else { return .nan }
    let mean = numpyMean(values)
    let squares = values.map { ($0 - mean) * ($0 - mean) }
    return (pairwiseSum(squares) / Double(values.count - 1)).squareRoot()
  }
}
