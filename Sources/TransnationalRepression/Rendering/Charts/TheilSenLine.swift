/// A straight line fitted by the Theil–Sen estimator: the slope is the median of the slopes
/// between all pairs of points, so up to about 29% of the points can be arbitrarily wrong
/// without carrying the line away.
///
/// The slope is the median of (yⱼ − yᵢ)/(xⱼ − xᵢ) over the pairs i < j with xᵢ ≠ xⱼ
/// (pairs with equal x give no slope; this is Sen's extension to ties). The intercept is, by
/// default, the median of yᵢ − slope·xᵢ (``InterceptMethod/joint``); scipy's default
/// ``InterceptMethod/separate`` uses median(y) − slope·median(x) instead. A median of an even
/// number of values is the mean of the middle two, as in NumPy.
///
/// References: H. Theil, "A rank-invariant method of linear and polynomial regression
/// analysis", *Proc. Koninklijke Nederlandse Akademie van Wetenschappen* 53 (1950);
/// P. K. Sen, "Estimates of the regression coefficient based on Kendall's tau", *JASA* 63
/// (1968), <https://doi.org/10.1080/01621459.1968.10480934>.
///
/// Comparison with other tools: the slope and both intercepts agree with
/// [scipy.stats.theilslopes](https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.theilslopes.html)
/// (`method="joint"` or `"separate"`) to rounding; the tests check 1e-12 on committed scipy
/// values. Points with a non-finite coordinate are skipped, as scipy's `nan_policy="omit"`
/// does (its default `"propagate"` returns NaN). The slope's confidence interval that scipy
/// also reports is not computed. R's `mblm::mblm(repeated = FALSE)` gives the same slope.
///
/// ```swift
/// let line = TheilSenLine(x: [0.1, 0.5, 0.9], y: [2, 1, 7])!
/// line.slope       // 6.25
/// line.intercept   // 1.375, the median of y − 6.25·x
/// line.value(at: 0.5)
/// ```
public struct TheilSenLine: Hashable, Sendable {
  /// How the intercept is chosen once the slope is known.
  public enum InterceptMethod: Hashable, Sendable {
    /// The median of yᵢ − slope·xᵢ (Sen 1968; Conover 1980; scipy `method="joint"`).
    case joint
    /// median(y) − slope·median(x) (scipy's default, `method="separate"`).
    case separate
  }

  /// The median pairwise slope.
  public var slope: Double
  /// The intercept: the line's value at x = 0.
  public var intercept: Double

  /// A line with the given slope and intercept.
  ///
  /// ```swift
  /// TheilSenLine(slope: 2, intercept: 1).value(at: 3)   // 7
  /// ```
  ///
  /// - Parameters:
  ///   - slope: The change in y per unit of x.
  ///   - intercept: The value at x = 0.
  /// - Complexity: O(1).
  public init(slope: Double, intercept: Double) {
    self.slope = slope
    self.intercept = intercept
  }

  /// Fits the Theil–Sen line to paired samples, or returns nil when no slope is defined (fewer
  /// than two points with finite coordinates and different x values).
  ///
  /// ```swift
  /// TheilSenLine(x: [0.2, 0.7], y: [10, 3])?.slope   // -14 (to rounding)
  /// TheilSenLine(x: [0.5, 0.5], y: [1, 2])           // nil: the x values are tied
  /// ```
  ///
  /// - Parameters:
  ///   - x: The explanatory values.
  ///   - y: The responses, paired with `x`; must have the same count (checked with a
  ///     precondition).
  ///   - interceptMethod: How the intercept is computed; ``InterceptMethod/joint`` by default.
  /// - Complexity: O(n² log n) time and O(n²) memory for n points: every pairwise slope is
  ///   kept and sorted (about 20,000 slopes for 200 countries).
  public init?(x: [Double], y: [Double], interceptMethod: InterceptMethod = .joint) {
    precondition(x.count == y.count, "TheilSenLine: x has \(x.count) values, y has \(y.count)")
    var xs: [Double] = []
    var ys: [Double] = []
    for (xi, yi) in zip(x, y) where xi.isFinite && yi.isFinite {
      xs.append(xi)
      ys.append(yi)
    }
    var slopes: [Double] = []
    slopes.reserveCapacity(xs.count * (xs.count - 1) / 2)
    for i in xs.indices {
      for j in xs.indices where xs[j] > xs[i] {
        slopes.append((ys[j] - ys[i]) / (xs[j] - xs[i]))
      }
    }
    guard let slope = Self.median(&slopes) else { return nil }
    let intercept: Double
    switch interceptMethod {
    case .joint:
      var residuals = zip(xs, ys).map { $1 - slope * $0 }
      intercept = Self.median(&residuals)!
    case .separate:
      intercept = Self.median(&ys)! - slope * Self.median(&xs)!
    }
    self.init(slope: slope, intercept: intercept)
  }

  /// The line's value at `x`: intercept + slope·x.
  ///
  /// - Parameter x: The explanatory value.
  /// - Returns: The fitted value.
  /// - Complexity: O(1).
  public func value(at x: Double) -> Double {
    intercept + slope * x
  }

  /// The median of `values` (sorted in place), the mean of the middle two for an even count;
  /// nil when empty.
  static func median(_ values: inout [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    values.sort()
    let middle = values.count / 2
    return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
  }
}
