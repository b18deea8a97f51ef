#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The result of ``FisherExactTest/test(_:alternative:confidenceLevel:)``.
///
/// ```swift
/// let result = FisherExactTest.test(TwoByTwoTable(a: 8, b: 2, c: 1, d: 5))
/// result.pValue                  // 0.034965034965034975
/// result.sampleOddsRatio         // 20.0
/// result.conditionalOddsRatio    // 15.4658…  (conditional MLE, as R's fisher.test)
/// result.confidenceInterval      // exact conditional 95% interval
/// ```
public struct FisherExactResult: Sendable, Hashable, Codable {
  /// The table tested.
  public var table: TwoByTwoTable
  /// The alternative hypothesis (about the odds ratio relative to 1).
  public var alternative: Alternative
  /// The p-value.
  public var pValue: Double
  /// The sample (unconditional) odds ratio a·d/(b·c): +∞ when b·c = 0 < a·d, NaN when a row
  /// or column total is zero — scipy's `fisher_exact(...).statistic`.
  public var sampleOddsRatio: Double
  /// The conditional maximum-likelihood odds ratio — the noncentrality of Fisher's noncentral
  /// hypergeometric distribution whose mean is `a` (scipy's
  /// `contingency.odds_ratio(kind='conditional')`, R's `fisher.test(...)$estimate`); 0 or +∞
  /// when `a` is at an end of its range, NaN for an empty margin.
  public var conditionalOddsRatio: Double
  /// The exact conditional confidence interval for the odds ratio (Fisher 1935), matching
  /// `odds_ratio(table).confidence_interval(confidence_level, alternative)`; (0, +∞) for an
  /// empty margin.
  public var confidenceInterval: ConfidenceInterval

  /// Creates a result (for decoding and for callers assembling results).
  ///
  /// ```swift
  /// let r = FisherExactResult(table: TwoByTwoTable(a: 1, b: 1, c: 1, d: 1), alternative: .twoSided,
  ///                           pValue: 1, sampleOddsRatio: 1, conditionalOddsRatio: 1,
  ///                           confidenceInterval: ConfidenceInterval(lower: 0.01, upper: 80, level: 0.95))
  /// ```
  ///
  /// - Parameters:
  ///   - table: The table.
  ///   - alternative: The alternative hypothesis.
  ///   - pValue: The p-value.
  ///   - sampleOddsRatio: a·d/(b·c).
  ///   - conditionalOddsRatio: The conditional MLE.
  ///   - confidenceInterval: The exact interval.
  /// - Returns: The result.
  /// - Complexity: O(1).
  public init(
    table: TwoByTwoTable, alternative: Alternative, pValue: Double, sampleOddsRatio: Double,
    conditionalOddsRatio: Double, confidenceInterval: ConfidenceInterval
  ) {
    self.table = table
    self.alternative = alternative
    self.pValue = pValue
    self.sampleOddsRatio = sampleOddsRatio
    self.conditionalOddsRatio = conditionalOddsRatio
    self.confidenceInterval = confidenceInterval
  }
}

/// Fisher's exact test of independence in a 2 × 2 table, with the conditional odds ratio and
/// its exact confidence interval, computed as scipy.stats does.
///
/// Conditioning on the margins, `a` follows the hypergeometric distribution
/// (population a+b+c+d, successes a+b, draws a+c) under independence.
///
/// - `.less`: P(X ≤ a) — the odds ratio is below 1.
/// - `.greater`: P(X ≥ a) — computed, as in scipy, as P(Y ≤ b) for the second column.
/// - `.twoSided`: the sum of the probabilities of all tables at most as probable as the
///   observed one, with scipy's relative tolerance: a table counts when its probability is
///   ≤ P(observed)·(1 + 10⁻¹⁴). scipy finds the boundary on the far side of the mode by binary
///   search and sums the two tails. (R's `fisher.test` uses the tolerance 1 + 10⁻⁷, so tables
///   whose probabilities agree to 7 but not 14 digits are counted by R but not by scipy.)
///
/// ```swift
/// let table = TwoByTwoTable(a: 1, b: 9, c: 11, d: 3)
/// let twoSided = FisherExactTest.test(table)                         // p = 0.0027594561852200836
/// let less = FisherExactTest.test(table, alternative: .less)         // p = 0.0013797280926100418
/// let interval = FisherExactTest.test(table, confidenceLevel: 0.9).confidenceInterval
/// ```
///
/// References: R. A. Fisher, "The Logic of Inductive Inference", *JRSS* 98(1), 39–82 (1935);
/// [scipy.stats.fisher_exact](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.fisher_exact.html),
/// [scipy.stats.contingency.odds_ratio](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.contingency.odds_ratio.html).
public enum FisherExactTest {
  /// Runs Fisher's exact test on `table`.
  ///
  /// Tables with an empty row or column have p = 1, NaN odds ratios and the interval (0, +∞),
  /// as in scipy.
  ///
  /// ```swift
  /// let result = FisherExactTest.test(TwoByTwoTable(a: 3, b: 1, c: 1, d: 3), alternative: .greater)
  /// result.pValue  // 0.24285714285714283
  /// ```
  ///
  /// - Parameters:
  ///   - table: The 2 × 2 table.
  ///   - alternative: The alternative hypothesis about the odds ratio.
  ///   - confidenceLevel: The level of ``FisherExactResult/confidenceInterval``, in (0, 1).
  /// - Returns: The p-value, odds ratios and interval.
  /// - Precondition: `0 < confidenceLevel < 1`.
  /// - Complexity: O(m) for the p-value, where m ≤ min(a+b, a+c) + 1 is the size of the support;
  ///   the conditional odds ratio and interval each take O(m) per root-finding step, about
  ///   O(m · 60) in all.
  public static func test(
    _ table: TwoByTwoTable, alternative: Alternative = .twoSided, confidenceLevel: Double = 0.95
  ) -> FisherExactResult {
    precondition(confidenceLevel > 0 && confidenceLevel < 1, "confidenceLevel must be in (0, 1)")
    if table.hasEmptyMargin {
      return FisherExactResult(
        table: table, alternative: alternative, pValue: 1, sampleOddsRatio: .nan,
        conditionalOddsRatio: .nan,
        confidenceInterval: ConfidenceInterval(lower: 0, upper: .infinity, level: confidenceLevel))
    }
    let noncentral = FisherNoncentralHypergeometric(table: table)
    return FisherExactResult(
      table: table, alternative: alternative,
      pValue: pValue(table, alternative: alternative),
      sampleOddsRatio: sampleOddsRatio(table),
      conditionalOddsRatio: noncentral.conditionalMaximumLikelihood(),
      confidenceInterval: noncentral.confidenceInterval(level: confidenceLevel, alternative: alternative))
  }

  /// a·d/(b·c) as scipy's `_sample_odds_ratio`: NaN when both products are 0, +∞ when only
  /// b·c is.
  static func sampleOddsRatio(_ table: TwoByTwoTable) -> Double {
    if table.hasEmptyMargin { return .nan }
    if table.c > 0 && table.b > 0 {
      return (Double(table.a) * Double(table.d)) / (Double(table.c) * Double(table.b))
    }
    if table.a == 0 || table.d == 0 { return .nan }
    return .infinity
  }

  /// scipy's `fisher_exact` p-value for a 2 × 2 table (margins non-zero).
  static func pValue(_ table: TwoByTwoTable, alternative: Alternative) -> Double {
    let n1 = table.a + table.b
    let n2 = table.c + table.d
    let n = table.a + table.c
    let total = n1 + n2
    let h = HypergeometricDistribution(population: total, successes: n1, draws: n)
    let p: Double
    switch alternative {
    case .less:
      p = h.cdf(table.a)
    case .greater:
      p = HypergeometricDistribution(population: total, successes: n1, draws: table.b + table.d)
        .cdf(table.b)
    case .twoSided:
      let mode = Int(Double(n + 1) * Double(n1 + 1) / Double(total + 2))
      let pExact = h.pmf(table.a)
      let pMode = h.pmf(mode)
      let epsilon = 1e-14
      let gamma = 1 + epsilon
      if abs(pExact - pMode) / max(pExact, pMode) <= epsilon {
        return 1
      }
      if table.a < mode {
        let lower = h.cdf(table.a)
        if h.pmf(n) > pExact * gamma { return min(lower, 1) }
        let guess = binarySearch({ -h.pmf($0) }, target: -pExact * gamma, low: mode, high: n)
        p = lower + h.sf(guess)
      } else {
        let upper = h.sf(table.a - 1)
        if h.pmf(0) > pExact * gamma { return min(upper, 1) }
        let guess = binarySearch({ h.pmf($0) }, target: pExact * gamma, low: 0, high: mode)
        p = upper + h.cdf(guess)
      }
    }
    return min(p, 1)
  }

  /// scipy's `_binary_search_for_binom_tst`: the index i in [low, high] with
  /// f(i) ≤ target < f(i + 1), for f increasing on the range.
  static func binarySearch(_ f: (Int) -> Double, target: Double, low: Int, high: Int) -> Int {
    var low = low
    var high = high
    while low < high {
      let middle = low + (high - low) / 2
      let value = f(middle)
      if value < target {
        low = middle + 1
      } else if value > target {
        high = middle - 1
      } else {
        return middle
      }
    }
    return f(low) <= target ? low : low - 1
  }
}
