/// Which correlation coefficient a ``CorrelationTest`` reports.
///
/// ```swift
/// let test = try Correlation.spearman(x, y)
/// test.method == .spearman  // true
/// ```
public enum CorrelationMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// Pearson's product-moment correlation r.
  case pearson
  /// Spearman's rank correlation ρ (Pearson's r of the average ranks).
  case spearman
  /// Kendall's τ-b, which corrects τ for ties in either variable.
  case kendallTauB = "kendall-tau-b"
}

/// The result of a correlation test: the coefficient, its p-value and how it was computed.
///
/// When the coefficient is undefined — a constant sample, or too few pairs — `statistic` and
/// `pValue` are NaN and ``undefinedReason`` says why; the test never traps on such input.
///
/// ```swift
/// let test = try Correlation.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
/// print(test.statistic, test.pValue)          // 0.7745966692414835 0.1240270626575546
/// print(test.confidenceInterval as Any)       // Fisher-z 95% interval
/// let flat = try Correlation.pearson([1, 2, 3], [7, 7, 7])
/// print(flat.undefinedReason ?? "")           // "y is constant, …"
/// ```
public struct CorrelationTest: Sendable, Hashable, Codable {
  /// The coefficient that was computed.
  public var method: CorrelationMethod
  /// The coefficient, in [−1, 1]; NaN when undefined.
  public var statistic: Double
  /// The p-value for ``alternative``; NaN when undefined.
  public var pValue: Double
  /// The number of pairs.
  public var n: Int
  /// The alternative hypothesis the p-value refers to.
  public var alternative: Alternative
  /// The confidence interval of the coefficient, when the method provides one (Pearson: the
  /// Fisher z-transform interval, as scipy's `pearsonr(...).confidence_interval()`).
  public var confidenceInterval: ConfidenceInterval?
  /// How the p-value was computed: `"exact beta"` (Pearson, the exact null distribution of r
  /// for bivariate normal data), `"t"` (Spearman's t approximation), `"exact"` (Kendall's exact
  /// permutation distribution) or `"asymptotic"` (Kendall's tie-corrected normal approximation).
  public var pValueMethod: String
  /// Why the coefficient or p-value is NaN, or nil when both are defined.
  public var undefinedReason: String?

  /// Creates a result (the tests in ``Correlation`` build these; public for decoding and for
  /// callers who assemble results from elsewhere).
  ///
  /// ```swift
  /// let r = CorrelationTest(method: .pearson, statistic: 0.5, pValue: 0.01, n: 30,
  ///                         alternative: .twoSided, confidenceInterval: nil,
  ///                         pValueMethod: "exact beta", undefinedReason: nil)
  /// ```
  ///
  /// - Parameters:
  ///   - method: The coefficient.
  ///   - statistic: Its value.
  ///   - pValue: The p-value.
  ///   - n: The number of pairs.
  ///   - alternative: The alternative hypothesis.
  ///   - confidenceInterval: The interval, if any.
  ///   - pValueMethod: How the p-value was computed.
  ///   - undefinedReason: Why a value is NaN, if one is.
  /// - Returns: The result.
  /// - Complexity: O(1).
  public init(
    method: CorrelationMethod, statistic: Double, pValue: Double, n: Int, alternative: Alternative,
    confidenceInterval: ConfidenceInterval?, pValueMethod: String, undefinedReason: String?
  ) {
    self.method = method
    self.statistic = statistic
    self.pValue = pValue
    self.n = n
    self.alternative = alternative
    self.confidenceInterval = confidenceInterval
    self.pValueMethod = pValueMethod
    self.undefinedReason = undefinedReason
  }

  /// Whether both the coefficient and the p-value are defined.
  public var isDefined: Bool { !statistic.isNaN && !pValue.isNaN }
}
