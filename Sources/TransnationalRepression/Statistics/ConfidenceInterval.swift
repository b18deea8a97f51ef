/// A confidence interval: the bounds and the confidence level they were computed for.
///
/// One-sided intervals have an infinite (or, for a correlation, ±1) bound on the unconstrained
/// side, exactly as scipy reports them: a `.greater` interval for an odds ratio is
/// `[lower, +∞)`, a `.less` interval is `[0, upper]`.
///
/// ```swift
/// let test = try Correlation.pearson(x, y)
/// if let ci = test.confidenceInterval, ci.contains(0) == false {
///   print("95% interval excludes zero:", ci.lower, ci.upper)
/// }
/// ```
public struct ConfidenceInterval: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The lower bound.
  public var lower: Double
  /// The upper bound.
  public var upper: Double
  /// The confidence level, a fraction in (0, 1), for example `0.95`.
  public var level: Double

  /// Creates an interval.
  ///
  /// The bounds are stored as given; no ordering is enforced, so that NaN bounds from a
  /// degenerate computation survive for the caller to see.
  ///
  /// ```swift
  /// let ci = ConfidenceInterval(lower: 0.12, upper: 0.58, level: 0.95)
  /// ```
  ///
  /// - Parameters:
  ///   - lower: The lower bound.
  ///   - upper: The upper bound.
  ///   - level: The confidence level, a fraction such as `0.95`.
  /// - Returns: The interval.
  /// - Complexity: O(1).
  public init(lower: Double, upper: Double, level: Double) {
    self.lower = lower
    self.upper = upper
    self.level = level
  }

  /// Whether `value` lies in the closed interval `[lower, upper]`.
  ///
  /// ```swift
  /// ConfidenceInterval(lower: 0.1, upper: 0.5, level: 0.95).contains(0.3)  // true
  /// ```
  ///
  /// - Parameter value: The value to test.
  /// - Returns: `true` when `lower <= value <= upper`; `false` when a bound is NaN.
  /// - Complexity: O(1).
  public func contains(_ value: Double) -> Bool {
    lower <= value && value <= upper
  }

  /// A compact rendering such as `"95% CI [0.12, 0.58]"`.
  public var description: String {
    let percent = level * 100
    let label = percent == percent.rounded() ? String(Int(percent)) : String(percent)
    return "\(label)% CI [\(lower), \(upper)]"
  }
}
