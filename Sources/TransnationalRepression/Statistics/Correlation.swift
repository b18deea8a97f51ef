#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Correlation tests for paired samples: Pearson's r, Spearman's ρ and Kendall's τ-b, each
/// with the p-value scipy.stats computes.
///
/// Every test validates its input the same way: the samples must have equal lengths and only
/// finite values (otherwise a ``StatisticsError`` is thrown). Constant samples and samples too
/// small for the statistic are not errors: the result then has NaN values and an
/// ``CorrelationTest/undefinedReason``.
///
/// ```swift
/// let years = [2014.0, 2015, 2016, 2017, 2018, 2019, 2020]
/// let incidents = [3.0, 5, 4, 9, 12, 11, 15]
/// let r = try Correlation.pearson(years, incidents)
/// let tau = try Correlation.kendallTauB(years, incidents)   // exact p-value for n ≤ 33
/// ```
///
/// See the *Statistics* article for how each test compares with scipy.stats and R's
/// `cor.test`.
public enum Correlation {
  /// Pearson's product-moment correlation r with the exact p-value for bivariate normal data.
  ///
  /// Under the null hypothesis of independent normal samples, (r + 1)/2 follows the
  /// Beta(n/2 − 1, n/2 − 1) distribution; the p-value is read from that distribution with the
  /// regularized incomplete beta function, as in scipy's `pearsonr`. (This is the same
  /// p-value as R's `cor.test`, which uses the equivalent t statistic r√((n−2)/(1−r²)).)
  ///
  /// The coefficient is computed as scipy does: centre each sample on its (pairwise-summed)
  /// mean, scale by its Euclidean norm — itself scaled by the largest deviation so that it
  /// cannot overflow — and take the dot product; the result is clipped to [−1, 1]. With two
  /// pairs r is exactly ±1 and the p-value is 1. The confidence interval is the Fisher
  /// z-transform interval tanh(atanh r ± z·/√(n − 3)) (one-sided intervals end at ∓1), and
  /// [−1, 1] when n ≤ 3.
  ///
  /// ```swift
  /// let test = try Correlation.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
  /// test.statistic               // 0.7745966692414835
  /// test.confidenceInterval      // 95% CI [-0.3400820351875…, 0.9842357551507…]
  /// ```
  ///
  /// Reference: [scipy.stats.pearsonr](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.pearsonr.html).
  ///
  /// - Parameters:
  ///   - x: The first sample.
  ///   - y: The second sample, paired with `x`.
  ///   - alternative: The alternative hypothesis (`.greater`: positive correlation).
  ///   - confidenceLevel: The level of the confidence interval, in (0, 1).
  /// - Returns: The test result; NaN values with a reason for constant input or fewer than
  ///   two pairs.
  /// - Throws: ``StatisticsError/lengthMismatch(x:y:)``,
  ///   ``StatisticsError/nonFiniteValue(index:)``,
  ///   ``StatisticsError/invalidConfidenceLevel(_:)``.
  /// - Complexity: O(n), plus O(√n) continued-fraction iterations for the p-value.
  public static func pearson(
    _ x: [Double], _ y: [Double], alternative: Alternative = .twoSided,
    confidenceLevel: Double = 0.95
  ) throws(StatisticsError) -> CorrelationTest {
    try validatePairs(x, y)
    guard confidenceLevel > 0, confidenceLevel < 1 else {
      throw .invalidConfidenceLevel(confidenceLevel)
    }
    let n = x.count
    func undefined(_ reason: String) -> CorrelationTest {
      CorrelationTest(
        method: .pearson, statistic: .nan, pValue: .nan, n: n, alternative: alternative,
        confidenceInterval: nil, pValueMethod: "exact beta", undefinedReason: reason)
    }
    if n < 2 { return undefined("Pearson's r needs at least 2 pairs; \(n) given") }
    if let reason = constantReason(x, y) { return undefined(reason) }

    var r = pearsonCoefficient(x, y)
    let pValue: Double
    if n == 2 {
      // Two points always lie on a line: r is ±1 and every alternative has p = 1 (scipy).
      r = r.rounded()
      pValue = r.isNaN ? .nan : 1
    } else {
      pValue = pearsonPValue(r: r, n: n, alternative: alternative)
    }
    let interval = fisherInterval(r: r, n: n, level: confidenceLevel, alternative: alternative)
    return CorrelationTest(
      method: .pearson, statistic: r, pValue: pValue, n: n, alternative: alternative,
      confidenceInterval: interval, pValueMethod: "exact beta",
      undefinedReason: r.isNaN ? "the coefficient could not be computed (overflow)" : nil)
  }

  /// Spearman's rank correlation ρ with scipy's t-distribution p-value.
  ///
  /// ρ is Pearson's r of the average ranks (ties share the mean of their ranks). The p-value
  /// treats t = ρ√((n − 2)/((1 + ρ)(1 − ρ))) as Student t with n − 2 degrees of freedom, as
  /// scipy's `spearmanr` does. R's `cor.test(method = "spearman")` instead computes an exact
  /// p-value (AS 89) for n < 1290 without ties, so the two differ for small samples; see the
  /// *Statistics* article. With two pairs ρ = ±1 and the p-value is NaN (no degrees of
  /// freedom), as in scipy.
  ///
  /// ```swift
  /// let test = try Correlation.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])
  /// test.statistic  // 0.8207826816681233
  /// ```
  ///
  /// Reference: [scipy.stats.spearmanr](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.spearmanr.html).
  ///
  /// - Parameters:
  ///   - x: The first sample.
  ///   - y: The second sample, paired with `x`.
  ///   - alternative: The alternative hypothesis.
  /// - Returns: The test result; NaN values with a reason for constant input or fewer than two
  ///   pairs.
  /// - Throws: ``StatisticsError/lengthMismatch(x:y:)``, ``StatisticsError/nonFiniteValue(index:)``.
  /// - Complexity: O(n log n) for the ranking.
  public static func spearman(
    _ x: [Double], _ y: [Double], alternative: Alternative = .twoSided
  ) throws(StatisticsError) -> CorrelationTest {
    try validatePairs(x, y)
    let n = x.count
    func result(_ statistic: Double, _ pValue: Double, _ reason: String?) -> CorrelationTest {
      CorrelationTest(
        method: .spearman, statistic: statistic, pValue: pValue, n: n, alternative: alternative,
        confidenceInterval: nil, pValueMethod: "t", undefinedReason: reason)
    }
    if n < 2 { return result(.nan, .nan, "Spearman's rho needs at least 2 pairs; \(n) given") }
    if let reason = constantReason(x, y) { return result(.nan, .nan, reason) }
    let rho = spearmanCoefficient(ranksX: averageRanks(x), ranksY: averageRanks(y))
    let pValue = spearmanPValue(rho: rho, n: n, alternative: alternative)
    let reason: String? =
      n == 2 ? "with 2 pairs the t approximation has no degrees of freedom; the p-value is undefined" : nil
    return result(rho, pValue, reason)
  }

  // MARK: - Shared pieces

  /// Throws for unequal lengths or non-finite values.
  static func validatePairs(_ x: [Double], _ y: [Double]) throws(StatisticsError) {
    guard x.count == y.count else { throw .lengthMismatch(x: x.count, y: y.count) }
    if let index = x.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(index: index) }
    if let index = y.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(index: index) }
  }

  /// A reason when x or y is constant (all values equal to the first), else nil.
  static func constantReason(_ x: [Double], _ y: [Double]) -> String? {
    let constantX = x.allSatisfy { $0 == x[0] }
    let constantY = y.allSatisfy { $0 == y[0] }
    switch (constantX, constantY) {
    case (true, true): return "x and y are constant; the correlation coefficient is not defined"
    case (true, false): return "x is constant; the correlation coefficient is not defined"
    case (false, true): return "y is constant; the correlation coefficient is not defined"
    case (false, false): return nil
    }
  }

  /// x centred on its mean and divided by its Euclidean norm, as scipy's `pearsonr` forms it.
  static func standardized(_ values: [Double]) -> [Double] {
    let mean = numpyMean(values)
    let centred = values.map { $0 - mean }
    var largest = 0.0
    for value in centred { largest = max(largest, abs(value)) }
    let scaledSquares = centred.map { ($0 / largest) * ($0 / largest) }
    let norm = largest * pairwiseSum(scaledSquares).squareRoot()
    return centred.map { $0 / norm }
  }

  /// Pearson's r clipped to [−1, 1].
  static func pearsonCoefficient(_ x: [Double], _ y: [Double]) -> Double {
    let sx = standardized(x)
    let sy = standardized(y)
    var products = [Double](repeating: 0, count: sx.count)
    for i in 0..<sx.count { products[i] = sx[i] * sy[i] }
    let r = pairwiseSum(products)
    return r.isNaN ? r : min(1, max(-1, r))
  }

  /// The p-value of r under the Beta(n/2 − 1, n/2 − 1) null on (−1, 1).
  static func pearsonPValue(r: Double, n: Int, alternative: Alternative) -> Double {
    if r.isNaN { return .nan }
    let shape = Double(n) / 2 - 1
    func tails(_ value: Double) -> IncompleteBeta.Tails {
      let x = (value + 1) / 2
      return IncompleteBeta.evaluate(a: shape, b: shape, x: x, y: 1 - x)
    }
    switch alternative {
    case .less: return tails(r).value
    case .greater: return tails(r).complement
    case .twoSided: return 2 * tails(abs(r)).complement
    }
  }

  /// scipy's `_pearsonr_fisher_ci`.
  static func fisherInterval(r: Double, n: Int, level: Double, alternative: Alternative)
    -> ConfidenceInterval?
  {
    if r.isNaN { return nil }
    if n <= 3 { return ConfidenceInterval(lower: -1, upper: 1, level: level) }
    let z = atanh(r)
    let standardError = (1 / Double(n - 3)).squareRoot()
    switch alternative {
    case .twoSided:
      let h = NormalDistribution.quantile(0.5 + level / 2)
      return ConfidenceInterval(
        lower: tanh(z - h * standardError), upper: tanh(z + h * standardError), level: level)
    case .less:
      let h = NormalDistribution.quantile(level)
      return ConfidenceInterval(lower: -1, upper: tanh(z + h * standardError), level: level)
    case .greater:
      let h = NormalDistribution.quantile(level)
      return ConfidenceInterval(lower: tanh(z - h * standardError), upper: 1, level: level)
    }
  }

  /// ρ from average ranks, as `numpy.corrcoef` computes it (exact for ranks: every
  /// intermediate is a multiple of ¼ below 2⁵³ for n up to about 10⁵).
  static func spearmanCoefficient(ranksX: [Double], ranksY: [Double]) -> Double {
    let n = ranksX.count
    let meanX = numpyMean(ranksX)
    let meanY = numpyMean(ranksY)
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in 0..<n {
      let dx = ranksX[i] - meanX
      let dy = ranksY[i] - meanY
      sxy += dx * dy
      sxx += dx * dx
      syy += dy * dy
    }
    let scale = 1 / Double(n - 1)
    let rho = (sxy * scale) / (sxx * scale).squareRoot() / (syy * scale).squareRoot()
    return min(1, max(-1, rho))
  }

  /// scipy's t-approximation p-value for ρ.
  static func spearmanPValue(rho: Double, n: Int, alternative: Alternative) -> Double {
    let dof = Double(n - 2)
    let ratio = dof / ((rho + 1) * (1 - rho))
    let t = ratio.isNaN ? Double.nan : rho * max(0, ratio).squareRoot()
    if t.isNaN { return .nan }
    let distribution = StudentTDistribution(degreesOfFreedom: dof)
    switch alternative {
    case .less: return distribution.cdf(t)
    case .greater: return distribution.sf(t)
    case .twoSided: return 2 * distribution.sf(abs(t))
    }
  }
}
