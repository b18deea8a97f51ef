/// Why a statistics routine rejected its input.
///
/// The routines throw this typed error (`throws(StatisticsError)`) for input that no
/// statistic can be computed from, such as samples of different lengths or a NaN. Input that is
/// valid but uninformative — a constant sample, too few observations — is *not* an error: the
/// result then carries NaN values and an `undefinedReason`, as scipy returns NaN.
///
/// ```swift
/// do {
///   _ = try Correlation.pearson([1, 2, 3], [1, 2])
/// } catch {
///   print(error)  // "x has 3 values but y has 2; paired samples must have equal lengths"
/// }
/// ```
public enum StatisticsError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  /// Paired samples of different lengths.
  case lengthMismatch(x: Int, y: Int)
  /// A NaN or infinite value at `index` (in the first sample that has one; `x` before `y`).
  case nonFiniteValue(index: Int)
  /// A confidence level outside the open interval (0, 1).
  case invalidConfidenceLevel(Double)
  /// A number of permutations or resamples that is not positive.
  case invalidResampleCount(Int)
  /// The exact Kendall p-value was requested for data with ties, which it does not cover.
  case exactMethodRequiresNoTies
  /// A p-value outside [0, 1], or NaN, at `index`.
  case invalidProbability(index: Int, value: Double)
  /// A sample too small for the requested computation (`minimum` observations are needed).
  case insufficientData(count: Int, minimum: Int)

  /// A sentence describing the problem.
  public var description: String {
    switch self {
    case .lengthMismatch(let x, let y):
      return "x has \(x) values but y has \(y); paired samples must have equal lengths"
    case .nonFiniteValue(let index):
      return "the value at index \(index) is NaN or infinite; remove or impute it first"
    case .invalidConfidenceLevel(let level):
      return "confidence level \(level) is not strictly between 0 and 1"
    case .invalidResampleCount(let count):
      return "the number of permutations or resamples must be positive, got \(count)"
    case .exactMethodRequiresNoTies:
      return "the exact Kendall p-value requires data without ties; use .asymptotic or .auto"
    case .invalidProbability(let index, let value):
      return "p-value \(value) at index \(index) is not a number between 0 and 1"
    case .insufficientData(let count, let minimum):
      return "\(count) observations given but at least \(minimum) are needed"
    }
  }
}
